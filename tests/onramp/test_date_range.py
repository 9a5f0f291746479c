"""Every date typed into Onramp, in its own forms or the Wagtail admin, keeps to one range (onramp.dates): a
year such as 9999 is refused by the field, and nothing is saved."""

from datetime import date

import pytest

from django.urls import reverse

from buddies.models import Cohort, Onboarding
from expertise.factories import UserFactory
from forums.gaps import raise_gap
from forums.models import GapSource, RevisionTask
from wiki.factories import TrainingMaterialFactory

pytestmark = pytest.mark.django_db

RANGE_ERROR = "Enter a date between 1 January 1900 and 31 December 2100."


@pytest.fixture
def admin(db, client):
    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_a_cohort_in_the_admin_keeps_to_the_range(client, admin):
    url = reverse("wagtailsnippets_buddies_cohort:add")
    response = client.post(url, {"name": "Autumn", "starts_on": "2026-09-01", "ends_on": "9999-12-31"})
    assert RANGE_ERROR in response.content.decode()
    assert not Cohort.objects.exists()
    response = client.post(url, {"name": "Autumn", "starts_on": "2026-09-01", "ends_on": "2026-12-01"})
    assert response.status_code == 302 and Cohort.objects.get().ends_on == date(2026, 12, 1)


def test_an_onboarding_starting_at_the_calendar_s_end_is_refused_in_the_admin(client, admin):
    """Its plan and check-ins would be dated after the last day there is."""
    hire = UserFactory()
    url = reverse("wagtailsnippets_buddies_onboarding:add")
    data = {"hire": hire.pk, "start_date": "9999-12-31", "status": "planned"}
    response = client.post(url, data)
    assert response.status_code < 500
    assert RANGE_ERROR in response.content.decode()
    assert not Onboarding.objects.exists()


def test_out_of_office_until_keeps_to_the_range(client, admin):
    data = {"time_zone": "Europe/London", "question_capacity": 5, "out_of_office_until": "9999-12-31"}
    response = client.post(reverse("expertise:edit_profile"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["out_of_office_until"] == [RANGE_ERROR]
    admin.profile.refresh_from_db()
    assert admin.profile.out_of_office_until is None


def test_a_revision_task_due_date_keeps_to_the_range(client, admin):
    trainer = UserFactory()
    material = TrainingMaterialFactory(title="Payables course", trainer=trainer)
    gap = raise_gap(title="Payment block reasons", source=GapSource.DIRECT, raised_by=admin)
    data = {"material": material.pk, "material_assignee": trainer.pk, "material_due_date": "0999-01-01"}
    response = client.post(reverse("forums:triage", args=[gap.pk]), data)
    assert response.status_code == 400
    assert response.context["form"].errors["material_due_date"] == [RANGE_ERROR]
    assert not RevisionTask.objects.exists()
