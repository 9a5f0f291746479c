from datetime import date

import pytest

from django.core.exceptions import ValidationError

from buddies.eligibility import candidate_for, hire_facts, why_ineligible
from buddies.factories import make_buddy
from buddies.models import BuddyAssignment, Onboarding
from buddies.pairing import assign_buddy, start_onboarding
from expertise.factories import make_person
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


def reason(org, person, onboarding):
    return why_ineligible(candidate_for(person), hire_facts([onboarding])[0], minimum_tenure_months=6)


def test_a_seasoned_colleague_who_opted_in_is_eligible(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assert reason(org, org["jim"], onboarding) is None


def test_never_the_manager_nor_anyone_above_in_the_chain(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert "manager or above" in reason(org, org["nadia"], onboarding)
    assert "manager or above" in reason(org, org["marty"], onboarding), "the manager's manager counts too"


def test_the_onboardings_own_manager_is_excluded_even_when_the_profile_says_otherwise(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, manager=org["sam"])
    assert "manager or above" in reason(org, org["sam"], onboarding)


def test_minimum_tenure_is_six_months_at_the_start_date(org):
    newish = make_person("newish.person", team=org["payables"], start_date=date(2026, 5, 3))
    just_enough = make_person("just.enough", team=org["payables"], start_date=date(2026, 5, 2))
    make_buddy(newish), make_buddy(just_enough)
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert "less than 6 months" in reason(org, newish, onboarding)
    assert reason(org, just_enough, onboarding) is None


def test_out_of_office_on_the_start_date_and_inactive_people_are_not_eligible(org):
    org["jim"].profile.out_of_office_until = START
    org["jim"].profile.save()
    org["agnes"].profile.active = False
    org["agnes"].profile.save()
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert "out of office on the start date" in reason(org, org["jim"], onboarding)
    assert "no longer active" in reason(org, org["agnes"], onboarding)


def test_people_who_did_not_opt_in_are_not_eligible(org):
    stranger = make_person("not.volunteer", team=org["payables"], start_date=date(2015, 1, 5))
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert "has not opted in" in reason(org, stranger, onboarding)


def test_capacity_defaults_to_two_and_is_never_exceeded(org):
    hires = [make_person(f"hire.{n}", team=org["payables"], start_date=START) for n in range(3)]
    onboardings = [start_onboarding(hire=hire, start_date=START) for hire in hires]
    assign_buddy(onboarding=onboardings[0], buddy=org["jim"], by=org["nadia"])
    assign_buddy(onboarding=onboardings[1], buddy=org["jim"], by=org["nadia"])

    with pytest.raises(ValidationError, match="already coaches 2 new hires, their limit of 2"):
        assign_buddy(onboarding=onboardings[2], buddy=org["jim"], by=org["nadia"])

    assert Onboarding.objects.filter(buddy=org["jim"]).count() == 2
    assert not BuddyAssignment.objects.filter(onboarding=onboardings[2]).exists()


def test_assigning_an_ineligible_buddy_saves_nothing(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    with pytest.raises(ValidationError) as raised:
        assign_buddy(onboarding=onboarding, buddy=org["nadia"], by=org["marty"])
    assert "Cannot pair" in str(raised.value) and "reporting chain" in str(raised.value)
    onboarding.refresh_from_db()
    assert onboarding.buddy is None and not BuddyAssignment.objects.exists()


def test_re_pairing_needs_a_reason_and_keeps_the_history(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    first = assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    with pytest.raises(ValidationError, match="Say why the new hire changes buddy"):
        assign_buddy(onboarding=onboarding, buddy=org["agnes"], by=org["nadia"])

    second = assign_buddy(onboarding=onboarding, buddy=org["agnes"], by=org["nadia"], reason="Jim is on leave")

    first.refresh_from_db()
    onboarding.refresh_from_db()
    assert onboarding.buddy == org["agnes"]
    assert first.ended_at is not None and second.ended_at is None
    assert list(onboarding.assignments.values_list("buddy__username", flat=True)) == ["agnes.lis", "jim.okafor"]
    assert second.reason == "Jim is on leave" and second.breakdown


def test_choosing_someone_other_than_the_best_match_is_an_override_with_a_reason(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    with pytest.raises(ValidationError, match="someone other than the best match"):
        assign_buddy(onboarding=onboarding, buddy=org["sam"], by=org["nadia"], best_score=100)
    assignment = assign_buddy(
        onboarding=onboarding, buddy=org["sam"], by=org["nadia"], best_score=100, reason="Sam knows the ledger side"
    )
    assert assignment.overridden


def test_a_start_date_after_the_end_date_is_refused(org):
    with pytest.raises(ValidationError) as raised:
        start_onboarding(hire=org["jill"], start_date=START, end_date=date(2026, 10, 1))
    assert "end_date" in raised.value.message_dict
    assert not Onboarding.objects.exists()


def test_one_open_onboarding_per_hire(org):
    start_onboarding(hire=org["jill"], start_date=START)
    with pytest.raises(ValidationError, match="already has an onboarding under way"):
        start_onboarding(hire=org["jill"], start_date=START)
