import itertools
import json
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.core.management import call_command

from buddies.factories import make_buddy
from buddies.matching import match_cohort, optimal_assignment, suggest_buddies
from buddies.models import BuddyProgramSettings, Cohort, Onboarding
from buddies.pairing import assign_buddy, start_onboarding
from expertise.factories import make_person
from expertise.models import ExpertiseScore
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


def knows(person, topic, level="expert", rank=2):
    ExpertiseScore.objects.create(person=person, topic=topic, score=5, level=level, rank=rank)


def test_suggestions_rank_eligible_buddies_with_the_score_broken_down(org):
    knows(org["agnes"], org["invoices"])
    knows(org["agnes"], org["payments"])
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])

    suggestions, left_out = suggest_buddies(onboarding)

    names = [s.candidate.user.username for s in suggestions]
    assert names[0] == "agnes.lis", "same team and knows both plan topics"
    assert set(names) == {"agnes.lis", "jim.okafor", "sam.thornton"}, "never Nadia or Marty: they are above Jill"
    best = suggestions[0]
    labels = [c.label for c in best.breakdown]
    assert labels == [
        "Same team",
        "Shared process areas",
        "Knows the plan's topics",
        "Time zone",
        "Current load",
        "Buddy experience",
        "Coaching training",
    ]
    assert best.score == pytest.approx(sum(c.weight * c.value for c in best.breakdown))
    topics = next(c for c in best.breakdown if c.label == "Knows the plan's topics")
    assert topics.value == 1 and topics.detail == "knows 2 of the 2 plan topics"
    assert next(c.detail for c in best.breakdown if c.label == "Time zone") == "1 hour apart"
    assert sum(left_out.values()) == 2


def test_weights_edited_in_the_admin_change_the_ranking(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    make_buddy(org["sam"], trained_on=date(2025, 1, 1))
    first = suggest_buddies(onboarding)[0][0].candidate.user.username
    assert first in {"jim.okafor", "agnes.lis"}, "same team wins by default"

    program = BuddyProgramSettings.load()
    program.same_team_weight = 0
    program.coaching_training_weight = 10
    program.save()

    assert suggest_buddies(onboarding)[0][0].candidate.user.username == "sam.thornton"


def test_top_five_at_most(org):
    for n in range(7):
        make_buddy(make_person(f"volunteer.{n}", team=org["ledger"], start_date=date(2015, 1, 1)))
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert len(suggest_buddies(onboarding)[0]) == 5


def brute_force(scores, eligible, places):
    """Best (matched count, total score) over every way to give each hire one candidate or nobody."""
    n, m = scores.shape
    best = (0, 0.0)
    for choice in itertools.product([None, *range(m)], repeat=n):
        used = [0] * m
        ok = True
        for row, column in enumerate(choice):
            if column is None:
                continue
            if not eligible[row, column]:
                ok = False
                break
            used[column] += 1
        if not ok or any(used[c] > places[c] for c in range(m)):
            continue
        matched = sum(1 for c in choice if c is not None)
        total = sum(scores[r, c] for r, c in enumerate(choice) if c is not None)
        if (matched, round(total, 9)) > (best[0], round(best[1], 9)):
            best = (matched, total)
    return best


@st.composite
def instances(draw):
    n, m = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    scores = np.array(
        draw(st.lists(st.lists(st.floats(0, 10, allow_nan=False), min_size=m, max_size=m), min_size=n, max_size=n))
    )
    eligible = np.array(draw(st.lists(st.lists(st.booleans(), min_size=m, max_size=m), min_size=n, max_size=n)))
    places = draw(st.lists(st.integers(0, 2), min_size=m, max_size=m))
    return scores, eligible, places


@settings(max_examples=300, deadline=None)
@given(instances())
def test_cohort_assignment_equals_brute_force(instance):
    scores, eligible, places = instance
    chosen = optimal_assignment(scores, eligible, places)

    for column in range(len(places)):
        assert sum(1 for c in chosen if c == column) <= places[column], "capacity is never exceeded"
    assert all(eligible[row, column] for row, column in enumerate(chosen) if column is not None)
    matched = sum(1 for c in chosen if c is not None)
    total = sum(scores[r, c] for r, c in enumerate(chosen) if c is not None)
    best_matched, best_total = brute_force(scores, eligible, places)
    assert matched == best_matched
    assert total == pytest.approx(best_total, abs=1e-6)


def cohort_of(org, count, *, name="Autumn 2026"):
    cohort = Cohort.objects.create(name=name, starts_on=START, ends_on=date(2027, 2, 1))
    hires = [
        make_person(f"hire.{n}", team=org["payables"], manager=org["nadia"], start_date=START) for n in range(count)
    ]
    return cohort, [start_onboarding(hire=h, start_date=START, cohort=cohort, plan_template=org["plan"]) for h in hires]


def test_a_cohort_with_more_hires_than_places_says_how_many_are_left_and_why(org):
    # Eligible for payables hires under Nadia: Jim, Agnes, Sam — 2 places each.
    cohort, onboardings = cohort_of(org, 8)

    match = match_cohort(cohort)

    assert len(match.pairings) == 6 and len(match.unmatched) == 2
    assert "6 of 8 new hires paired" in match.summary and "2 left without a buddy" in match.summary
    assert "6 places for 8 new hires" in match.summary
    assert all("places went to other new hires" in why for _, why in match.unmatched)
    loads = {}
    for pairing in match.pairings:
        loads[pairing.suggestion.candidate.user_id] = loads.get(pairing.suggestion.candidate.user_id, 0) + 1
    assert max(loads.values()) <= 2
    assert not Onboarding.objects.filter(buddy__isnull=False).exists(), "a preview saves nothing"


def test_a_hire_nobody_may_coach_is_told_why(org):
    cohort = Cohort.objects.create(name="Solo", starts_on=START, ends_on=date(2027, 2, 1))
    for person in (org["jim"], org["agnes"], org["sam"]):
        person.profile.out_of_office_until = date(2026, 11, 6)
        person.profile.save()
    start_onboarding(hire=org["jill"], start_date=START, cohort=cohort)

    match = match_cohort(cohort)

    assert not match.pairings
    why = match.unmatched[0][1]
    assert "no eligible buddy among 5 volunteers" in why
    assert "out of office on the start date: 3" in why
    assert "the manager or above in the reporting chain: 2" in why


def test_match_buddies_command_dry_run_json_and_save(org, capsys):
    cohort, onboardings = cohort_of(org, 3)
    assign_buddy(onboarding=onboardings[0], buddy=org["jim"], by=org["nadia"])

    call_command("match_buddies", "--cohort", cohort.name, "--dry-run", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["saved"] is False and data["already_paired"] == ["hire.0"]
    assert {p["hire"] for p in data["pairings"]} == {"hire.1", "hire.2"}
    assert all(p["breakdown"] for p in data["pairings"])
    assert Onboarding.objects.filter(buddy__isnull=False).count() == 1

    call_command("match_buddies", "--cohort", cohort.name)
    assert "Saved." in capsys.readouterr().out
    assert Onboarding.objects.filter(buddy__isnull=False).count() == 3
    assert Onboarding.objects.filter(buddy=org["jim"]).count() <= 2


def test_a_hire_whose_time_zone_is_unknown_is_near_nobody(org, capsys):
    from expertise.models import Profile

    cohort = Cohort.objects.create(name="Winter", starts_on=START, ends_on=date(2027, 1, 1))
    start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"], cohort=cohort)
    Profile.objects.filter(user=org["jill"]).update(time_zone="Mars/Olympus")  # saved before zones were checked

    call_command("match_buddies", "--cohort", cohort.name, "--dry-run", "--json")
    (pairing,) = json.loads(capsys.readouterr().out)["pairings"]
    time_zone = next(c for c in pairing["breakdown"] if c["criterion"] == "Time zone")
    assert time_zone["detail"] == "time zone unknown" and time_zone["value"] == 0


def test_match_buddies_names_an_unknown_cohort(org):
    from django.core.management.base import CommandError

    Cohort.objects.create(name="Spring", starts_on=START, ends_on=date(2027, 1, 1))
    with pytest.raises(CommandError, match="No cohort named “Nope”. Cohorts: Spring"):
        call_command("match_buddies", "--cohort", "Nope")


def test_weights_are_edited_in_the_wagtail_admin(client, admin_user):
    from django.urls import reverse

    client.force_login(admin_user)
    url = reverse("wagtailsettings:edit", args=["buddies", "buddyprogramsettings", BuddyProgramSettings.load().pk])
    assert client.get(url).status_code == 200
    form = {
        name: getattr(BuddyProgramSettings.load(), name)
        for name in [
            "same_team_weight",
            "process_areas_weight",
            "plan_topics_weight",
            "time_zone_weight",
            "load_weight",
            "experience_weight",
            "coaching_training_weight",
            "default_capacity",
            "minimum_tenure_months",
            "weekly_check_in_weeks",
            "later_check_in_every_days",
            "program_length_days",
            "missed_after_days",
            "low_survey_score",
        ]
    }
    response = client.post(url, {**form, "same_team_weight": "7.5", "default_capacity": "3"})
    assert response.status_code == 302
    program = BuddyProgramSettings.load()
    assert (program.same_team_weight, program.default_capacity) == (7.5, 3)

    response = client.post(url, {**form, "same_team_weight": "-1"})
    assert response.status_code == 200 and BuddyProgramSettings.load().same_team_weight == 7.5


def test_buddy_experience_tells_current_new_hires_from_earlier_ones(client, org):
    """Jim is Jill's buddy now and was Kai's until Kai changed buddy: on Lea's page he is no first-timer.
    Agnes coached nobody yet; Sam coached Mo to the end."""
    from django.urls import reverse

    from buddies.pairing import end_onboarding

    def hire(name):
        person = make_person(name, team=org["payables"], manager=org["nadia"], start_date=START)
        return start_onboarding(hire=person, start_date=START, plan_template=org["plan"])

    jills = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    kais = hire("kai.brandt")
    assign_buddy(onboarding=kais, buddy=org["jim"], by=org["nadia"])
    assign_buddy(onboarding=kais, buddy=org["sam"], by=org["nadia"], reason="Jim is on leave")
    mos = hire("mo.reyes")
    assign_buddy(onboarding=mos, buddy=org["sam"], by=org["nadia"], reason="Sam knows payments")
    end_onboarding(onboarding=mos, completed=True, on=START)
    leas = hire("lea.fischer")

    client.force_login(org["nadia"])
    page = client.get(reverse("buddies:choose_buddy", args=[leas.pk])).content.decode()

    rows = {s.candidate.user.get_username(): s for s in suggest_buddies(leas)[0]}
    experience = {name: s.breakdown[5].detail for name, s in rows.items()}
    assert experience["jim.okafor"] == "coached 1 new hire before, buddy to 1 now"
    assert experience["sam.thornton"] == "coached 1 new hire before, buddy to 1 now"
    assert experience["agnes.lis"] == "first time as a buddy"
    assert "coached 1 new hire before, buddy to 1 now" in page and "first time as a buddy" in page
    assert rows["jim.okafor"].breakdown[5].value == pytest.approx(1 / 3)


def test_a_buddy_with_a_first_new_hire_now_is_not_a_first_timer(client, org):
    from django.urls import reverse

    jills = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    other = make_person("kai.brandt", team=org["payables"], manager=org["nadia"], start_date=START)
    kais = start_onboarding(hire=other, start_date=START, plan_template=org["plan"])

    client.force_login(org["nadia"])
    page = client.get(reverse("buddies:choose_buddy", args=[kais.pk])).content.decode()
    jim = next(s for s in suggest_buddies(kais)[0] if s.candidate.user == org["jim"])
    assert jim.breakdown[5].detail == "buddy to 1 new hire now, none before"
    assert "buddy to 1 new hire now, none before" in page
