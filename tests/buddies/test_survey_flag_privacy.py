"""Survey answers are the hire's alone: a buddy, a manager or a program admin never sees one person's answers,
nor a "low survey score" flag drawn from them; the program sees averages, and only from three answers on."""

import csv
import io
from datetime import date

import pytest

from django.urls import reverse

from buddies import surveys
from buddies.models import Cohort, Onboarding
from buddies.pairing import start_onboarding
from expertise.factories import make_person
from tests.buddies.conftest import TODAY

pytestmark = pytest.mark.django_db

STARTED = date(2026, 10, 22)  # the day-30 survey opens on TODAY


@pytest.fixture
def unhappy(org):
    """A hire of Nadia's, buddied by Agnes, whose only trouble is a low day-30 survey."""
    cohort = Cohort.objects.create(name="Autumn 2026", starts_on=STARTED, ends_on=date(2027, 1, 31))
    hire = make_person("una.happy", team=org["payables"], manager=org["nadia"], start_date=STARTED)
    onboarding = start_onboarding(hire=hire, start_date=STARTED, cohort=cohort)
    onboarding.check_ins.filter(scheduled_for__lt=TODAY).update(held_on=TODAY, aims="x")
    Onboarding.objects.filter(pk=onboarding.pk).update(buddy=org["agnes"])
    surveys.submit_survey(onboarding=onboarding, by=hire, day=30, buddy_support=1, plan_clarity=2, confidence=2)
    return onboarding


def assert_no_survey_signal(html: str) -> None:
    assert "survey score" not in html
    assert "1/5" not in html and "2/5" not in html


def export_rows(client) -> list[list[str]]:
    response = client.get(reverse("buddies:export"))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_buddy_sees_no_survey_flag_or_score(client, org, unhappy):
    make_person("new.report", team=org["payables"], manager=org["agnes"])  # Agnes manages someone too
    client.force_login(org["agnes"])

    new_hires = client.get(reverse("buddies:new_hires")).content.decode()
    assert "Una Happy" in new_hires
    assert_no_survey_signal(new_hires)

    onboarding_page = client.get(reverse("buddies:onboarding", args=[unhappy.pk])).content.decode()
    assert "Una Happy" in onboarding_page
    assert_no_survey_signal(onboarding_page)
    assert "My survey answers" not in onboarding_page

    program = client.get(reverse("buddies:program")).content.decode()
    assert "Una Happy" in program
    assert_no_survey_signal(program)
    assert "Nobody is at risk" in program

    header, *rows = export_rows(client)
    assert [row[0] for row in rows] == ["una.happy"]
    assert not any("survey" in cell.lower() for cell in header)


def test_the_hire_sees_their_own_answers(client, unhappy):
    client.force_login(unhappy.hire)
    html = client.get(reverse("buddies:mine")).content.decode()
    assert "My survey answers" in html
    assert "Day 30: support 1/5, plan 2/5, confidence 2/5" in html


@pytest.mark.parametrize("viewer", ["manager", "program admin"])
def test_the_program_sees_no_ones_low_score(client, org, unhappy, program_admin, viewer):
    client.force_login(org["nadia"] if viewer == "manager" else program_admin)
    program = client.get(reverse("buddies:program")).content.decode()
    assert "Una Happy" in program, "listed among the active onboardings"
    assert_no_survey_signal(program)
    assert "Nobody is at risk" in program
    assert 'class="risk-flag">low<' not in program, "one answer is not an average"
    header, *rows = export_rows(client)
    assert not any("survey" in cell.lower() for cell in header)


def test_the_program_sees_a_cohorts_low_average_from_three_answers(client, org, unhappy, program_admin):
    for n in range(2):
        hire = make_person(f"also.unhappy{n}", team=org["payables"], manager=org["nadia"], start_date=STARTED)
        other = start_onboarding(hire=hire, start_date=STARTED, cohort=unhappy.cohort)
        surveys.submit_survey(onboarding=other, by=hire, day=30, buddy_support=2, plan_clarity=2, confidence=2)
    client.force_login(program_admin)
    program = client.get(reverse("buddies:program")).content.decode()
    assert 'Day 30 <span class="risk-flag">low</span>' in program
    assert "<td>3</td><td>1.67</td><td>2.0</td><td>2.0</td>" in program
    assert "survey score" not in program
