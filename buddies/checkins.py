"""Check-ins: the schedule, recording one (aims, learning, next steps, questions, a private note), what is
missed, and reminders that are sent once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

import inbox
from buddies import access
from buddies.models import BuddyProgramSettings, CheckIn, CheckInQuestion, CheckInReminder, Onboarding, PrivateNote
from buddies.models.program import OPEN_STATUSES
from expertise.time_zones import today_for

QUESTIONS_MAX = 20
QUESTION_LENGTH = 500
MISSED_REMINDER_WINDOW_DAYS = 7  # a missed check-in older than this is shown, but no longer emailed about
ONE_DAY = timedelta(days=1)


def schedule(start: date, program: BuddyProgramSettings) -> list[date]:
    """Weekly for the first weeks, then every few days, until the program's length (all configurable)."""
    offsets = [7 * week for week in range(1, program.weekly_check_in_weeks + 1)]
    offset = offsets[-1] if offsets else 0
    while offset + program.later_check_in_every_days <= program.program_length_days:
        offset += program.later_check_in_every_days
        offsets.append(offset)
    return [start + timedelta(days=days) for days in offsets if days <= program.program_length_days]


@transaction.atomic
def schedule_check_ins(onboarding: Onboarding) -> list[CheckIn]:
    """Creates the check-ins the schedule asks for that do not exist yet (safe to run again)."""
    program = BuddyProgramSettings.load()
    existing = set(onboarding.check_ins.values_list("scheduled_for", flat=True))
    new = [
        CheckIn(onboarding=onboarding, scheduled_for=day)
        for day in schedule(onboarding.start_date, program)
        if day not in existing
    ]
    return CheckIn.objects.bulk_create(new)


def can_record(user: AbstractBaseUser, onboarding: Onboarding) -> bool:
    return user.pk in {onboarding.hire_id, onboarding.buddy_id}


def require_recorder(user: AbstractBaseUser, onboarding: Onboarding, *, planning: bool = False) -> None:
    """Only the new hire and their buddy plan and record check-ins."""
    if not can_record(user, onboarding):
        if planning:
            raise PermissionDenied(_("Only the new hire and their buddy plan check-ins."))
        raise PermissionDenied(_("Only the new hire and their buddy record check-ins."))


def record_so_far(check_in: CheckIn) -> dict:
    """What the record form starts from: the check-in's record so far; not held yet, held today, or on its
    planned day if that is earlier."""
    return {
        "held_on": check_in.held_on or min(check_in.scheduled_for, timezone.localdate()),
        "aims": check_in.aims,
        "learned": check_in.learned,
        "next_steps": check_in.next_steps,
    }


def require_open(onboarding: Onboarding) -> None:
    if onboarding.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This onboarding is %(status)s: it takes no more check-ins.")
            % {"status": onboarding.get_status_display().lower()}
        )


@transaction.atomic
def add_check_in(*, onboarding: Onboarding, on: date, by: AbstractBaseUser) -> CheckIn:
    """An extra check-in on a day of the hire's or buddy's choosing."""
    require_recorder(by, onboarding, planning=True)
    require_open(onboarding)
    if on < onboarding.start_date:
        raise ValidationError({"scheduled_for": _("A check-in cannot be before the start date.")})
    existing = onboarding.check_ins.filter(scheduled_for=on).first()
    if existing is not None and existing.is_cancelled:
        # Planned again after all: the cancelled one comes back rather than a second on the same day.
        existing.cancelled_at, existing.cancelled_by = None, None
        existing.save(update_fields=["cancelled_at", "cancelled_by"])
        return existing
    if existing is not None:
        raise ValidationError(
            {"scheduled_for": _("There is already a check-in on %(day)s.") % {"day": date_format(on, "j M Y")}}
        )
    return CheckIn.objects.create(onboarding=onboarding, scheduled_for=on)


def can_cancel(user: AbstractBaseUser, onboarding: Onboarding) -> bool:
    """The buddy, the hire's manager and program admins: those who plan the check-ins around the hire."""
    return user.is_authenticated and (user.pk == onboarding.buddy_id or access.can_manage(user, onboarding))


@transaction.atomic
def cancel_check_in(*, check_in: CheckIn, by: AbstractBaseUser) -> CheckIn:
    """Cancels a check-in that will not take place, such as one planned on a wrong date. It stays in the log
    with who cancelled it and when, but is no longer upcoming, missed or reminded of."""
    check_in = CheckIn.objects.select_for_update().select_related("onboarding").get(pk=check_in.pk)
    onboarding = check_in.onboarding
    if not can_cancel(by, onboarding):
        raise PermissionDenied(_("Only the buddy, the manager or a program admin cancels a check-in."))
    require_open(onboarding)
    if check_in.held_on is not None:
        raise ValidationError(_("This check-in was held and recorded: it cannot be cancelled."))
    if check_in.is_cancelled:
        raise ValidationError(_("This check-in is already cancelled."))
    check_in.cancelled_at, check_in.cancelled_by = timezone.now(), by
    check_in.save(update_fields=["cancelled_at", "cancelled_by"])
    return check_in


def parse_questions(text: str) -> list[str]:
    """One question a line; blank lines ignored."""
    questions = [line.strip() for line in text.splitlines() if line.strip()]
    if len(questions) > QUESTIONS_MAX:
        raise ValidationError(
            {"questions": _("Raise at most %(count)d questions in one check-in.") % {"count": QUESTIONS_MAX}}
        )
    for number, question in enumerate(questions, start=1):
        if len(question) > QUESTION_LENGTH:
            raise ValidationError(
                {
                    "questions": _("Question %(number)d is longer than %(count)d characters; split it up.")
                    % {"number": number, "count": QUESTION_LENGTH}
                }
            )
    return questions


@transaction.atomic
def record_check_in(
    *,
    check_in: CheckIn,
    by: AbstractBaseUser,
    held_on: date,
    aims: str = "",
    learned: str = "",
    next_steps: str = "",
    questions: str = "",
    private_note: str = "",
) -> CheckIn:
    """Records what a check-in was about; questions become their own rows; the note is private to `by`."""
    check_in = CheckIn.objects.select_for_update().select_related("onboarding").get(pk=check_in.pk)
    onboarding = check_in.onboarding
    require_recorder(by, onboarding)
    require_open(onboarding)
    if check_in.is_cancelled:
        raise ValidationError(_("This check-in was cancelled: plan a new one on the day you met, then record it."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("A check-in cannot be recorded as held in the future.")})
    if held_on < onboarding.start_date:
        raise ValidationError({"held_on": _("A check-in cannot be held before the start date.")})
    if not (aims.strip() or learned.strip() or next_steps.strip()):
        raise ValidationError({"aims": _("Write at least what the session aimed for, what was learned or next steps.")})
    lines = parse_questions(questions)
    check_in.held_on = held_on
    check_in.aims, check_in.learned, check_in.next_steps = aims.strip(), learned.strip(), next_steps.strip()
    check_in.recorded_by = by
    check_in.full_clean()
    check_in.save()
    CheckInQuestion.objects.bulk_create(CheckInQuestion(check_in=check_in, text=q, raised_by=by) for q in lines)
    if private_note.strip():
        note = PrivateNote(check_in=check_in, author=by, text=private_note.strip())
        note.full_clean()
        note.save()
    return check_in


def private_notes_for(viewer: AbstractBaseUser, check_ins) -> QuerySet[PrivateNote]:
    """The only way notes are read: the viewer's own, whoever else is looking at the check-in."""
    return PrivateNote.objects.filter(author_id=viewer.pk, check_in__in=check_ins)


def is_missed(check_in: CheckIn, *, today: date | None = None, grace_days: int | None = None) -> bool:
    today = today or timezone.localdate()
    if grace_days is None:
        grace_days = BuddyProgramSettings.load().missed_after_days
    # Counted back from today: a date near the calendar's end plus the grace days would overflow.
    overdue_days = (today - check_in.scheduled_for).days
    return check_in.held_on is None and not check_in.is_cancelled and overdue_days > grace_days


def state_of(check_in: CheckIn, *, today: date, grace_days: int) -> str:
    """Where a check-in stands, the word in the onboarding page's "Held" column: held, cancelled, missed,
    upcoming (today or later) or due (past, within the grace days)."""
    if check_in.held_on is not None:
        return "held"
    if check_in.is_cancelled:
        return "cancelled"
    if is_missed(check_in, today=today, grace_days=grace_days):
        return "missed"
    return "upcoming" if check_in.scheduled_for >= today else "due"


def send_due_reminders(*, today: date | None = None, now: datetime | None = None) -> int:
    """Reminds the hire and the buddy (who have an email address) the day before and on the day of a check-in,
    and once more when it is missed, through the inbox, which emails each in the background. "The day" is
    each person's own, in their time zone (runs are hourly), unless `today` fixes one day for everyone. Each
    reminder is recorded with its notification, in one transaction, so a run repeated (or running twice at
    once) never reminds twice. Returns how many reminders were sent."""
    now = now or timezone.now()
    program = BuddyProgramSettings.load()
    # Every zone's date is within a day of UTC's: the query takes the widest window, each person their own day.
    first, last = (
        (today, today) if today else (now.astimezone(UTC).date() - ONE_DAY, now.astimezone(UTC).date() + ONE_DAY)
    )
    check_ins = (
        CheckIn.objects.not_cancelled()
        .filter(
            onboarding__status__in=OPEN_STATUSES,
            held_on__isnull=True,
            scheduled_for__range=(
                first - timedelta(days=program.missed_after_days + MISSED_REMINDER_WINDOW_DAYS),
                last + ONE_DAY,
            ),
        )
        .select_related("onboarding__hire__profile", "onboarding__buddy__profile")
    )
    already = set(
        CheckInReminder.objects.filter(check_in__in=check_ins).values_list("check_in_id", "recipient_id", "kind")
    )
    sent = 0
    for check_in in check_ins:
        for person in (check_in.onboarding.hire, check_in.onboarding.buddy):
            if person is None or not person.email:
                continue
            kind = reminder_due(
                check_in, today=today or today_for(person, now=now), grace_days=program.missed_after_days
            )
            if kind is not None and (check_in.pk, person.pk, kind) not in already:
                sent += remind(check_in, person, kind)
    return sent


def reminder_due(check_in: CheckIn, *, today: date, grace_days: int) -> str | None:
    """Which reminder an unheld check-in calls for on `today`: upcoming the day before and on the day, missed
    for a week once its grace days have passed; None otherwise."""
    overdue_days = (today - check_in.scheduled_for).days
    if -1 <= overdue_days <= 0:
        return CheckInReminder.Kind.UPCOMING
    if grace_days < overdue_days <= grace_days + MISSED_REMINDER_WINDOW_DAYS:
        return CheckInReminder.Kind.MISSED
    return None


def remind(check_in: CheckIn, person: AbstractBaseUser, kind: str) -> int:
    try:
        with transaction.atomic():
            CheckInReminder.objects.create(check_in=check_in, recipient=person, kind=kind)
            notification = inbox.notify_from_templates(
                person,
                template=f"buddies/notifications/check_in_{kind}",
                context={"check_in": check_in, "other_name": other_name(check_in, person)},
                kind=f"check-in-{kind}",
                url=reverse("buddies:onboarding", args=[check_in.onboarding_id]),
                key=f"check-in-{kind}:{check_in.pk}",
            )
    except IntegrityError:
        return 0  # another run sent it
    return int(notification is not None)


def other_name(check_in: CheckIn, person: AbstractBaseUser) -> str:
    """Who `person` meets at the check-in: the buddy for the hire, the hire for the buddy."""
    onboarding = check_in.onboarding
    other = onboarding.buddy if person.pk == onboarding.hire_id else onboarding.hire
    return (other.get_full_name() or other.get_username()) if other else "your buddy"
