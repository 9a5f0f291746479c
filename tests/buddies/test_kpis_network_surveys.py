from datetime import UTC, date, datetime, timedelta

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from buddies import checkins, network, plans, surveys
from buddies.factories import make_onboarding
from buddies.kpis import at_risk, cohort_kpis, risk_reasons, with_signals
from buddies.models import BuddyProgramSettings, Cohort, GoToPerson, Milestone, Onboarding
from buddies.pairing import start_onboarding
from expertise.factories import ExpertiseScoreFactory, make_person
from tests.buddies.conftest import START, TODAY

pytestmark = pytest.mark.django_db


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@pytest.fixture
def cohort(org):
    """Three hires who started on different days, each with a known record."""
    cohort = Cohort.objects.create(name="Spring 2026", starts_on=date(2026, 3, 2), ends_on=date(2026, 7, 1))
    made = []
    for n, start in enumerate([date(2026, 3, 2), date(2026, 3, 9), date(2026, 8, 10)]):
        hire = make_person(f"spring.{n}", team=org["payables"], manager=org["nadia"], start_date=start)
        onboarding = start_onboarding(hire=hire, start_date=start, cohort=cohort, plan_template=org["plan"])
        made.append(onboarding)
    return cohort, made


def hold(onboarding, *, days_after_start: int, by):
    check_in = onboarding.check_ins.order_by("scheduled_for").filter(held_on__isnull=True).first()
    check_in.held_on = onboarding.start_date + timedelta(days=days_after_start)
    check_in.aims = "x"
    check_in.save()


def finish(milestone: Milestone, on: date):
    day = plans.day_of(milestone.onboarding.start_date, on)
    Milestone.objects.filter(pk=milestone.pk).update(done_at=at(on), done_day=day)


def test_cohort_kpis_on_a_constructed_cohort(org, cohort):
    group, (a, b, c) = cohort
    # a: first check-in 5 days in; every milestone on its due date: finished the plan on day 90 (89 days in).
    hold(a, days_after_start=5, by=org["jim"])
    for milestone in a.milestones.all():
        finish(milestone, milestone.due_on)
    # b: first check-in 9 days in; only day 1 and day 7 done on time, the day-30 one late.
    hold(b, days_after_start=9, by=org["jim"])
    b_milestones = list(b.milestones.all())
    finish(b_milestones[0], b_milestones[0].due_on)
    finish(b_milestones[1], b_milestones[1].due_on)
    finish(b_milestones[2], b_milestones[2].due_on + timedelta(days=10))
    # c started in August: nothing held yet, everything still to do.

    (kpis,) = cohort_kpis([group], today=TODAY)

    assert kpis.hires == 3
    assert kpis.days_to_first_check_in == 7  # median of 5 and 9
    # a and b have 8 scheduled check-ins each, all past; c has 8 too (Aug 17 … Nov 2), all past by 20 Nov.
    assert kpis.check_ins_due == 24 and kpis.check_ins_held == 2
    assert kpis.adherence == pytest.approx(2 / 24)
    # By day 30, three milestones were due for each of the three hires: a 3/3, b 2/3, c 0/3.
    assert kpis.milestones_by_day[30] == pytest.approx(5 / 9)
    # By day 60: four each: a 4, b 3 (the late one counts by day 60), c 0 → 7/12.
    assert kpis.milestones_by_day[60] == pytest.approx(7 / 12)
    assert kpis.milestones_by_day[90] == pytest.approx(8 / 15)
    assert kpis.finished == 1 and kpis.median_days_to_finish == 89


def test_survey_averages_are_withheld_below_three_answers(org, cohort):
    group, (a, b, c) = cohort
    surveys.submit_survey(onboarding=a, by=a.hire, day=30, buddy_support=5, plan_clarity=4, confidence=3)
    surveys.submit_survey(onboarding=b, by=b.hire, day=30, buddy_support=3, plan_clarity=2, confidence=1)
    (kpis,) = cohort_kpis([group], today=TODAY)
    day30 = kpis.surveys[0]
    assert day30.responses == 2 and day30.buddy_support is None, "two answers would give one person away"

    surveys.submit_survey(onboarding=c, by=c.hire, day=30, buddy_support=4, plan_clarity=3, confidence=2)
    (kpis,) = cohort_kpis([group], today=TODAY)
    assert (kpis.surveys[0].buddy_support, kpis.surveys[0].plan_clarity, kpis.surveys[0].confidence) == (4, 3, 2)


def test_only_the_hire_answers_once_and_not_before_the_day(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    with pytest.raises(ValidationError, match="opens on day 30"):
        surveys.submit_survey(
            onboarding=onboarding, by=org["jill"], day=30, buddy_support=4, plan_clarity=4, confidence=4
        )
    Onboarding.objects.filter(pk=onboarding.pk).update(start_date=date(2026, 9, 1))
    onboarding.refresh_from_db()
    with pytest.raises(PermissionDenied):
        surveys.submit_survey(
            onboarding=onboarding, by=org["jim"], day=30, buddy_support=4, plan_clarity=4, confidence=4
        )
    with pytest.raises(ValidationError) as raised:
        surveys.submit_survey(
            onboarding=onboarding, by=org["jill"], day=30, buddy_support=9, plan_clarity=4, confidence=4
        )
    assert "buddy_support" in raised.value.message_dict
    surveys.submit_survey(onboarding=onboarding, by=org["jill"], day=30, buddy_support=4, plan_clarity=4, confidence=4)
    with pytest.raises(ValidationError, match="already answered"):
        surveys.submit_survey(
            onboarding=onboarding, by=org["jill"], day=30, buddy_support=1, plan_clarity=1, confidence=1
        )


def test_at_risk_lists_overdue_milestones_missed_check_ins_and_low_surveys_for_the_hire_only(org):
    jills = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    fine_hire = make_person("fine.hire", team=org["payables"], manager=org["nadia"], start_date=TODAY)
    fine = start_onboarding(hire=fine_hire, start_date=TODAY, plan_template=org["plan"])
    unhappy_hire = make_person(
        "unhappy.hire", team=org["payables"], manager=org["nadia"], start_date=date(2026, 10, 22)
    )
    unhappy = start_onboarding(hire=unhappy_hire, start_date=date(2026, 10, 22))
    unhappy.check_ins.filter(scheduled_for__lt=TODAY).update(held_on=TODAY, aims="x")
    surveys.submit_survey(onboarding=unhappy, by=unhappy_hire, day=30, buddy_support=1, plan_clarity=2, confidence=2)
    Onboarding.objects.filter(pk__in=[fine.pk, unhappy.pk]).update(buddy=org["agnes"])
    program = BuddyProgramSettings.load()

    flagged = at_risk(Onboarding.objects.all(), today=TODAY, program=program, viewer=org["nadia"])

    risky = {o.pk: o for o in with_signals(flagged, today=TODAY, program=program, viewer=org["nadia"])}
    assert set(risky) == {jills.pk}, "a low survey is one person's answers: their manager is not told"
    assert (risky[jills.pk].overdue, risky[jills.pk].missed, risky[jills.pk].low_survey) == (2, 2, False)
    assert fine.pk not in risky
    assert risk_reasons(risky[jills.pk]) == ["no buddy yet", "2 overdue milestones", "2 missed check-ins"]

    as_the_hire = at_risk(Onboarding.objects.all(), today=TODAY, program=program, viewer=unhappy_hire)
    (own,) = with_signals(as_the_hire, today=TODAY, program=program, viewer=unhappy_hire).filter(pk=unhappy.pk)
    assert (own.overdue, own.missed, own.low_survey) == (0, 0, True)
    assert risk_reasons(own) == ["a low survey score"]


def test_an_active_onboarding_without_a_buddy_is_at_risk(org):
    from buddies.pairing import assign_buddy as pair

    fine_hire = make_person("fine.hire", team=org["payables"], manager=org["nadia"], start_date=TODAY)
    fine = start_onboarding(hire=fine_hire, start_date=TODAY)
    program = BuddyProgramSettings.load()
    assert list(at_risk(Onboarding.objects.all(), today=TODAY, program=program, viewer=org["nadia"])) == [fine]
    pair(onboarding=fine, buddy=org["jim"], by=org["nadia"])
    assert not at_risk(Onboarding.objects.all(), today=TODAY, program=program, viewer=org["nadia"]).exists()


def test_go_to_people_never_the_buddy_or_hire_and_spread_across_a_cohort(org):
    experts = [make_person(f"expert.{n}", team=org["ledger"], start_date=date(2016, 1, 4)) for n in range(6)]
    topic = org["payments"]
    for n, person in enumerate([org["jim"], *experts]):
        ExpertiseScoreFactory(person=person, topic=topic, score=10 - n * 0.5)
    hires = [make_person(f"new.{n}", team=org["payables"], manager=org["nadia"], start_date=START) for n in range(3)]
    onboardings = []
    for hire in hires:
        onboarding = start_onboarding(hire=hire, start_date=START, plan_template=org["plan"])
        Onboarding.objects.filter(pk=onboarding.pk).update(buddy=org["jim"])
        onboarding.refresh_from_db()
        onboardings.append(onboarding)

    network.build_cohort_network(onboardings)

    chosen = GoToPerson.objects.filter(topic=topic)
    assert not chosen.filter(person=org["jim"]).exists(), "never the buddy"
    assert all(chosen.filter(onboarding=o).count() == 3 for o in onboardings)
    per_expert = [chosen.filter(person=e).count() for e in experts]
    assert max(per_expert) == 2, "nine places over six experts: the top ones are not handed the whole cohort"
    assert all(g.reasons for g in chosen)


def test_only_the_buddy_marks_introductions(org):
    ExpertiseScoreFactory(person=org["sam"], topic=org["payments"], score=9)
    onboarding = make_onboarding(
        org["jill"], start_date=START, plan_template=org["plan"], buddy=org["jim"], by=org["nadia"]
    )
    (go_to,) = network.build_network(onboarding)
    with pytest.raises(PermissionDenied):
        network.mark_introduced(go_to=go_to, by=org["jill"])
    introduction = network.mark_introduced(go_to=go_to, by=org["jim"])
    assert introduction.person == org["sam"] and introduction.introduced_by == org["jim"]
    assert network.build_network(onboarding) == [], "topics that have people are left alone"


def test_dashboards_keep_their_query_count_as_onboardings_grow(
    client, org, program_admin, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    cohort = Cohort.objects.create(name="Big", starts_on=START, ends_on=date(2027, 2, 1))

    def add(count, offset):
        for n in range(count):
            hire = make_person(f"many.{offset + n}", team=org["payables"], manager=org["nadia"], start_date=START)
            o = start_onboarding(hire=hire, start_date=START, cohort=cohort, plan_template=org["plan"])
            Onboarding.objects.filter(pk=o.pk).update(buddy=org["jim"])
            plans.tick_milestone(milestone=o.milestones.first(), by=hire)
            checkins.record_check_in(check_in=o.check_ins.first(), by=hire, held_on=TODAY, aims="x")

    def queries(url, user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(3, 0)
    small = {
        url: queries(url, user)
        for url, user in [(reverse("buddies:program"), program_admin), (reverse("buddies:new_hires"), org["jim"])]
    }
    add(6, 3)
    for (url, user), before in zip(
        [(reverse("buddies:program"), program_admin), (reverse("buddies:new_hires"), org["jim"])],
        small.values(),
        strict=True,
    ):
        assert queries(url, user) == before, url
