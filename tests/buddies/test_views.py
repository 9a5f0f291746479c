from datetime import date, timedelta

import pytest

from django.urls import reverse

from buddies.models import BuddyAssignment, CheckInQuestion, Cohort, Onboarding, SurveyResponse
from buddies.pairing import assign_buddy, end_onboarding, start_onboarding
from expertise.factories import ExpertiseScoreFactory, make_person
from expertise.models import SelfAssessment
from tests.buddies.conftest import START, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def jills(org):
    return start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])


def test_my_onboarding_shows_plan_buddy_check_ins_and_network(client, org, jills):
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    client.force_login(org["jill"])
    page = client.get(reverse("buddies:mine")).content.decode()
    assert "Jim Okafor" in page
    assert "0 of 5 milestones done" in page and "2 overdue" in page
    assert "Runs the payment proposal" in page and "Missed" in page
    assert 'href="/onboarding/"' in client.get(reverse("expertise:directory")).content.decode(), "header link"


def test_my_onboarding_without_one_says_what_to_do(client, org):
    client.force_login(org["sam"])
    page = client.get(reverse("buddies:mine")).content.decode()
    assert "You have no onboarding in Onramp" in page


def test_a_manager_pairs_from_the_suggestions_and_an_override_needs_a_reason(client, org, jills):
    client.force_login(org["nadia"])
    url = reverse("buddies:choose_buddy", args=[jills.pk])
    page = client.get(url).content.decode()
    assert "Best matches" in page and "Same team" in page
    assert "Volunteers not eligible: the manager or above in the reporting chain: 2" in page

    response = client.post(url, {"buddy": org["sam"].pk, "reason": ""})
    assert response.status_code == 400
    assert "Say why you chose someone other than the best match." in response.content.decode()
    assert not BuddyAssignment.objects.exists()

    response = client.post(url, {"buddy": org["sam"].pk, "reason": "Sam will own her ledger work"})
    assert response.status_code == 302
    jills.refresh_from_db()
    assert jills.buddy == org["sam"] and BuddyAssignment.objects.get().overridden


def test_an_ineligible_choice_is_refused_with_the_reason_by_the_field(client, org, jills):
    client.force_login(org["nadia"])
    response = client.post(reverse("buddies:choose_buddy", args=[jills.pk]), {"buddy": org["marty"].pk, "reason": "x"})
    assert response.status_code == 400
    assert "reporting chain" in response.content.decode()
    assert 'id="id_buddy_error"' in response.content.decode()


def test_a_program_admin_previews_then_saves_a_cohort_match(client, org, program_admin):
    cohort = Cohort.objects.create(name="Autumn 2026", starts_on=START, ends_on=date(2027, 2, 1))
    hires = [make_person(f"hire.{n}", team=org["payables"], manager=org["nadia"], start_date=START) for n in range(7)]
    for hire in hires:
        start_onboarding(hire=hire, start_date=START, cohort=cohort, plan_template=org["plan"])
    client.force_login(program_admin)
    url = reverse("buddies:cohort_match", args=[cohort.pk])

    page = client.get(url).content.decode()
    assert "6 of 7 new hires paired" in page and "1 left without a buddy" in page
    assert not Onboarding.objects.filter(buddy__isnull=False).exists()

    pairs = [line.split('value="')[1].split('"')[0] for line in page.splitlines() if 'name="pair"' in line]
    assert len(pairs) == 6
    response = client.post(url, {"pair": pairs})
    assert response.status_code == 302
    assert Onboarding.objects.filter(buddy__isnull=False).count() == 6


def test_a_stale_preview_saves_nothing(client, org, program_admin):
    cohort = Cohort.objects.create(name="Autumn 2026", starts_on=START, ends_on=date(2027, 2, 1))
    hires = [make_person(f"hire.{n}", team=org["payables"], manager=org["nadia"], start_date=START) for n in range(3)]
    onboardings = [start_onboarding(hire=h, start_date=START, cohort=cohort) for h in hires]
    # Jim's two places are taken after the preview was drawn: the last pair can no longer be saved.
    other = [make_person(f"other.{n}", team=org["ledger"], start_date=START) for n in range(2)]
    for person in other:
        assign_buddy(onboarding=start_onboarding(hire=person, start_date=START), buddy=org["jim"], by=org["nadia"])
    client.force_login(program_admin)
    pairs = [f"{onboardings[0].pk}:{org['agnes'].pk}", f"{onboardings[1].pk}:{org['jim'].pk}"]
    response = client.post(reverse("buddies:cohort_match", args=[cohort.pk]), {"pair": pairs}, follow=True)
    assert "Nothing was saved." in response.content.decode()
    assert not Onboarding.objects.filter(cohort=cohort, buddy__isnull=False).exists()


def test_the_buddy_records_a_check_in_and_its_questions(client, org, jills):
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    check_in = jills.check_ins.first()
    client.force_login(org["jim"])
    url = reverse("buddies:check_in", args=[check_in.pk])
    bad = client.post(url, {"held_on": (TODAY + timedelta(days=3)).isoformat(), "aims": "x"})
    assert bad.status_code == 400 and "cannot be recorded as held in the future" in bad.content.decode()

    response = client.post(
        url, {"held_on": "2026-11-09", "aims": "Blocked invoices", "questions": "Who approves price variances?"}
    )
    assert response.status_code == 302
    assert CheckInQuestion.objects.get().text == "Who approves price variances?"


def test_milestones_ticked_from_the_page(client, org, jills):
    client.force_login(org["jill"])
    milestone = jills.milestones.first()
    client.post(reverse("buddies:tick", args=[milestone.pk]), {"done": "1"})
    milestone.refresh_from_db()
    assert milestone.done_at is not None


def test_no_extra_check_in_for_an_ended_onboarding(client, org, jills):
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    end_onboarding(onboarding=jills, completed=False, on=TODAY)
    client.force_login(org["jim"])
    response = client.post(
        reverse("buddies:add_check_in", args=[jills.pk]), {"scheduled_for": TODAY.isoformat()}, follow=True
    )
    assert "it takes no more check-ins" in response.content.decode()


def test_the_hire_answers_a_survey_and_the_form_names_bad_fields(client, org):
    onboarding = start_onboarding(hire=org["jill"], start_date=date(2026, 10, 1))
    client.force_login(org["jill"])
    assert "Day 30 survey" in client.get(reverse("buddies:mine")).content.decode()
    url = reverse("buddies:survey", args=[onboarding.pk, 30])
    bad = client.post(url, {"buddy_support": "4", "plan_clarity": "9"})
    assert bad.status_code == 400 and 'id="id_plan_clarity_error"' in bad.content.decode()
    assert not SurveyResponse.objects.exists()
    client.post(url, {"buddy_support": "4", "plan_clarity": "3", "confidence": "2", "comment": "Good"})
    assert SurveyResponse.objects.get().confidence == 2


def test_self_assessment_on_a_plan_topic_shows_on_the_progress_chart(client, org, jills):
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    client.force_login(org["jill"])
    client.post(reverse("buddies:self_assess", args=[jills.pk]), {"topic": org["invoices"].pk, "level": "2"})
    assert SelfAssessment.objects.get().level == 2
    client.force_login(org["jim"])
    page = client.get(reverse("buddies:onboarding", args=[jills.pk])).content.decode()
    assert "<svg" in page and "Invoice matching: 2/5" in page, "the buddy sees the chart and its numbers"
    client.force_login(org["agnes"])
    assert client.get(reverse("buddies:onboarding", args=[jills.pk])).status_code == 404


def test_pairing_from_the_page_gives_the_hire_go_to_people_never_the_new_buddy(client, org, jills):
    from buddies.models import GoToPerson

    for person, score in ((org["sam"], 9), (org["agnes"], 8)):
        ExpertiseScoreFactory(person=person, topic=org["payments"], score=score)
    client.force_login(org["nadia"])
    url = reverse("buddies:choose_buddy", args=[jills.pk])
    assert client.post(url, {"buddy": org["jim"].pk, "reason": "Jim sits next to her"}).status_code == 302
    assert set(GoToPerson.objects.values_list("person__username", flat=True)) == {"sam.thornton", "agnes.lis"}

    client.post(url, {"buddy": org["agnes"].pk, "reason": "Jim moves to the ledger team"})
    assert set(GoToPerson.objects.values_list("person__username", flat=True)) == {"sam.thornton"}


def test_an_onboarding_created_in_the_admin_gets_its_plan_and_check_ins(client, org, program_admin):
    from django.contrib.auth.models import Permission

    program_admin.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_onboarding", "change_onboarding"])
    )
    client.force_login(program_admin)
    response = client.post(
        reverse("wagtailsnippets_buddies_onboarding:add"),
        {
            "hire": org["jill"].pk,
            "start_date": START.isoformat(),
            "role": "AP clerk",
            "manager": org["nadia"].pk,
            "plan_template": org["plan"].pk,
            "status": "active",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    onboarding = Onboarding.objects.get(hire=org["jill"])
    assert onboarding.milestones.count() == 5 and onboarding.check_ins.count() == 8


def test_the_manager_ends_an_onboarding_and_bad_dates_are_refused(client, org, jills):
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    url = reverse("buddies:end", args=[jills.pk])
    client.force_login(org["jim"])
    assert client.post(url, {"outcome": "completed", "end_date": TODAY.isoformat()}).status_code == 403
    client.force_login(org["nadia"])
    response = client.post(url, {"outcome": "completed", "end_date": "2026-10-01"}, follow=True)
    assert "The end date must be on or after the start date." in response.content.decode()
    jills.refresh_from_db()
    assert jills.is_open

    client.post(url, {"outcome": "ended-early", "end_date": TODAY.isoformat()})
    jills.refresh_from_db()
    assert jills.status == "ended-early" and jills.end_date == TODAY
    assert not jills.assignments.filter(ended_at__isnull=True).exists(), "the pairing ends with it"


def test_the_onboarding_page_keeps_its_query_count(client, org, jills, django_assert_max_num_queries):
    from buddies import checkins

    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    client.force_login(org["jim"])
    url = reverse("buddies:onboarding", args=[jills.pk])
    first, *others = jills.check_ins.all()[:3]
    checkins.record_check_in(check_in=first, by=org["jim"], held_on=TODAY, aims="a", questions="q0")
    with django_assert_max_num_queries(40) as before:
        client.get(url)
    for check_in in others:
        checkins.record_check_in(
            check_in=check_in, by=org["jim"], held_on=TODAY, aims="a", questions="q1\nq2", private_note="n"
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)


def test_a_cohort_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        Cohort(name="Backwards", starts_on=START, ends_on=START - timedelta(days=1)).full_clean()
    assert raised.value.message_dict["ends_on"] == ["A cohort cannot end before it starts."]
