from datetime import date, timedelta

import pytest

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from buddies import checkins, plans
from buddies.models import BuddyProgramSettings, CheckIn, CheckInQuestion, CheckInReminder, PrivateNote
from buddies.pairing import end_onboarding, start_onboarding
from buddies.tasks import send_check_in_reminders
from tests.buddies.conftest import START, TODAY

pytestmark = pytest.mark.django_db


def test_the_plan_is_copied_with_due_dates_from_the_start_date(jills, org):
    milestones = list(jills.milestones.all())
    assert [(m.title, m.due_on) for m in milestones] == [
        ("Systems access", START),
        ("First invoices matched", START + timedelta(days=6)),
        ("Runs the payment proposal", START + timedelta(days=29)),
        ("Handles exceptions alone", START + timedelta(days=59)),
        ("Independent", START + timedelta(days=89)),
    ]
    assert list(milestones[3].topics.order_by("name")) == [org["invoices"], org["payments"]]
    plans.instantiate_plan(jills)
    assert jills.milestones.count() == 5, "instantiating twice changes nothing"


def test_hire_or_buddy_tick_milestones_and_progress_shows_what_is_overdue(jills, org):
    first, week_one = jills.milestones.all()[:2]
    assert plans.progress(list(jills.milestones.all()), today=TODAY).overdue == 2

    plans.tick_milestone(milestone=first, by=org["jill"])
    plans.tick_milestone(milestone=week_one, by=org["jim"])
    with pytest.raises(PermissionDenied):
        plans.tick_milestone(milestone=first, by=org["nadia"], done=False)

    progress = plans.progress(list(jills.milestones.all()), today=TODAY)
    assert (progress.done, progress.total, progress.overdue, progress.percent) == (2, 5, 0, 40)
    week_one.refresh_from_db()
    assert week_one.done_by == org["jim"]


def test_check_ins_weekly_for_four_weeks_then_every_two_weeks(jills):
    days = [(c.scheduled_for - START).days for c in jills.check_ins.all()]
    assert days == [7, 14, 21, 28, 42, 56, 70, 84]


def test_the_cadence_is_configurable(org):
    program = BuddyProgramSettings.load()
    program.weekly_check_in_weeks, program.later_check_in_every_days, program.program_length_days = 2, 30, 60
    program.save()
    onboarding = start_onboarding(hire=org["jill"], start_date=START)
    assert [(c.scheduled_for - START).days for c in onboarding.check_ins.all()] == [7, 14, 44]


def test_recording_a_check_in_keeps_questions_as_rows_and_the_note_private(jills, org):
    check_in = jills.check_ins.first()
    checkins.record_check_in(
        check_in=check_in,
        by=org["jim"],
        held_on=START + timedelta(days=7),
        aims="Match the first invoices",
        learned="Three-way match and the price tolerance",
        next_steps="Read the blocked invoices page",
        questions="Who releases blocked invoices over 10k?\n\nWhy does the GR/IR clear at month end?",
        private_note="Jill is nervous about the payment run",
    )
    check_in.refresh_from_db()
    assert check_in.held_on == START + timedelta(days=7) and check_in.recorded_by == org["jim"]
    assert list(CheckInQuestion.objects.values_list("text", flat=True)) == [
        "Who releases blocked invoices over 10k?",
        "Why does the GR/IR clear at month end?",
    ]
    assert [n.text for n in checkins.private_notes_for(org["jim"], [check_in])] == [
        "Jill is nervous about the payment run"
    ]
    for other in ("jill", "nadia", "marty"):
        assert not checkins.private_notes_for(org[other], [check_in]).exists()


def test_bad_check_ins_say_what_is_wrong_and_save_nothing(jills, org):
    check_in = jills.check_ins.first()
    with pytest.raises(ValidationError) as raised:
        checkins.record_check_in(check_in=check_in, by=org["jim"], held_on=TODAY + timedelta(days=1), aims="x")
    assert "held_on" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        checkins.record_check_in(check_in=check_in, by=org["jim"], held_on=TODAY, questions="q\n" * 21, aims="x")
    assert "at most 20 questions" in raised.value.message_dict["questions"][0]
    with pytest.raises(ValidationError, match="Write at least"):
        checkins.record_check_in(check_in=check_in, by=org["jim"], held_on=TODAY, private_note="only a note")
    with pytest.raises(PermissionDenied):
        checkins.record_check_in(check_in=check_in, by=org["nadia"], held_on=TODAY, aims="x")
    check_in.refresh_from_db()
    assert check_in.held_on is None and not CheckInQuestion.objects.exists() and not PrivateNote.objects.exists()


def test_no_check_in_for_an_ended_onboarding(jills, org):
    end_onboarding(onboarding=jills, completed=False, on=TODAY)
    jills.refresh_from_db()
    with pytest.raises(ValidationError, match="ended early: it takes no more check-ins"):
        checkins.add_check_in(onboarding=jills, on=TODAY, by=org["jim"])
    with pytest.raises(ValidationError, match="ended early"):
        checkins.record_check_in(check_in=jills.check_ins.first(), by=org["jim"], held_on=TODAY, aims="x")


def test_missed_check_ins(jills):
    first, second, third = jills.check_ins.all()[:3]  # days 7, 14, 21 → 9, 16, 23 Nov
    assert checkins.is_missed(first, today=TODAY) and checkins.is_missed(second, today=TODAY)
    assert not checkins.is_missed(third, today=TODAY), "still to come"
    assert not checkins.is_missed(second, today=date(2026, 11, 18)), "two days' grace"


def test_reminders_go_to_both_once_however_often_the_task_runs(jills, org, django_capture_on_commit_callbacks):
    # Today is 20 Nov; the check-in on 16 Nov (day 14) was missed (grace 2 days), and the 9 Nov one is
    # past the reminder window. Tomorrow, nothing is planned; move one to tomorrow.
    CheckIn.objects.create(onboarding=jills, scheduled_for=TODAY + timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):  # the inbox emails each reminder once it is recorded
        assert send_check_in_reminders.delay().get() == 4
        assert send_check_in_reminders.delay().get() == 0

    assert len(mail.outbox) == 4
    assert sorted(m.to[0] for m in mail.outbox) == [
        "jill.hartmann@example.com",
        "jill.hartmann@example.com",
        "jim.okafor@example.com",
        "jim.okafor@example.com",
    ]
    subjects = {m.subject for m in mail.outbox}
    assert "Check-in with Jim Okafor on Saturday 21 November" in subjects
    assert "Check-in with Jill Hartmann not recorded yet" in subjects
    assert CheckInReminder.objects.count() == 4


def test_no_reminders_for_ended_onboardings(jills):
    end_onboarding(onboarding=jills, completed=True, on=TODAY)
    assert checkins.send_due_reminders(today=date(2026, 11, 15)) == 0


def test_the_hires_process_areas_come_from_the_plans_pages(org):
    from buddies.factories import make_plan
    from wiki.factories import ArticlePageFactory, ProcessPageFactory

    payables_area = ProcessPageFactory(title="Procure to pay")
    ledger_area = ProcessPageFactory(title="Record to report")
    sub = ProcessPageFactory(title="Invoices", parent=payables_area)
    page = ArticlePageFactory(title="Work the invoice inbox", parent=sub)
    plan = make_plan("AP with pages", milestones=[("Inbox", 7, [org["invoices"]], [page])])

    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=plan)

    assert list(onboarding.process_areas.all()) == [payables_area.specific]
    assert ledger_area.pk not in onboarding.process_areas.values_list("pk", flat=True)
