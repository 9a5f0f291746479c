"""Counted texts read right at one and at many (ngettext, not a hand-made "s")."""

import pytest

from buddies.kpis import risk_reasons
from buddies.matching import time_zone_detail
from buddies.models import Onboarding, OnboardingStatus

pytestmark = pytest.mark.django_db


def test_hours_apart_read_right_at_one_and_many():
    assert time_zone_detail(1.0) == "1 hour apart"
    assert time_zone_detail(3.0) == "3 hours apart"
    assert time_zone_detail(5.5) == "5.5 hours apart"
    assert time_zone_detail(0.5) == "0.5 hours apart"
    assert time_zone_detail(0.0) == "same time zone"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, ["1 overdue milestone", "1 missed check-in"]), (3, ["3 overdue milestones", "3 missed check-ins"])],
)
def test_risk_reasons_count_right(jills, count, expected):
    onboarding = Onboarding.objects.get(pk=jills.pk)
    onboarding.status, onboarding.overdue, onboarding.missed, onboarding.low_survey = (
        OnboardingStatus.ACTIVE,
        count,
        count,
        False,
    )
    assert risk_reasons(onboarding) == expected
