from datetime import timedelta

import pytest

from django.urls import reverse

from buddies import checkins
from buddies.models import CheckInQuestion
from buddies.pairing import assign_buddy, start_onboarding
from forums.models import Gap, GapSource, Raiser
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    check_in = onboarding.check_ins.first()
    checkins.record_check_in(
        check_in=check_in,
        by=org["jim"],
        held_on=START + timedelta(days=7),
        aims="First invoices",
        questions="Who releases blocked invoices over 10k?",
    )
    return CheckInQuestion.objects.get()


def test_the_hire_raises_a_check_in_question_as_a_gap_with_one_click(client, org, question):
    client.force_login(org["jill"])
    onboarding_page = client.get(reverse("buddies:mine")).content.decode()
    assert "Raise as a gap" in onboarding_page

    response = client.post(reverse("buddies:raise_question", args=[question.pk]))

    gap = Gap.objects.get()
    assert response.status_code == 302 and response["Location"] == gap.get_absolute_url()
    assert gap.title == "Who releases blocked invoices over 10k?" and gap.source == GapSource.CHECK_IN
    assert gap.source_object == question
    assert list(gap.raisers.values_list("person__username", "how")) == [("jill.hartmann", Raiser.How.RAISED)]
    assert {topic.name for topic in gap.topics.all()} == {"Invoice matching", "Payment runs"}
    assert "Gap: New" in client.get(reverse("buddies:mine")).content.decode()


def test_raising_the_same_question_again_keeps_one_gap(client, org, question):
    client.force_login(org["jim"])
    client.post(reverse("buddies:raise_question", args=[question.pk]))
    client.post(reverse("buddies:raise_question", args=[question.pk]))
    assert Gap.objects.count() == 1


def test_only_the_hire_and_the_buddy_may_raise_their_questions(client, org, question):
    client.force_login(org["nadia"])  # the manager sees the onboarding but does not hold the check-ins
    assert client.post(reverse("buddies:raise_question", args=[question.pk])).status_code == 403
    client.force_login(org["sam"])  # someone unrelated does not even see it
    assert client.post(reverse("buddies:raise_question", args=[question.pk])).status_code == 404
    assert not Gap.objects.exists()
