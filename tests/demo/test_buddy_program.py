import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from buddies.models import CheckIn, Cohort, GoToPerson, Milestone, Onboarding, SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_cohort_mid_way(client):
    User = get_user_model()
    jill, jim, marty = (User.objects.get(username=u) for u in ("jill.hartmann", "jim.okafor", "marty.keller"))
    cohort = Cohort.objects.get(name="Autumn 2026")
    jills = Onboarding.objects.get(hire=jill)
    assert jills.buddy == jim and jills.cohort == cohort and jills.manager == marty
    assert cohort.onboardings.count() >= 4
    assert CheckIn.objects.filter(held_on__isnull=False).exists(), "check-ins done"
    assert CheckIn.objects.filter(held_on__isnull=True).exists(), "check-ins to come"
    assert Milestone.objects.filter(done_at__isnull=False).exists() and Milestone.objects.filter(done_at=None).exists()
    assert SurveyResponse.objects.exists() and GoToPerson.objects.exists()

    for user, url in [
        (jill, reverse("buddies:mine")),
        (jim, reverse("buddies:new_hires")),
        (marty, reverse("buddies:program")),
        (marty, reverse("buddies:onboarding", args=[jills.pk])),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == 200, url
    client.force_login(marty)
    assert "Autumn 2026" in client.get(reverse("buddies:program")).content.decode()
