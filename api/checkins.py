"""Check-ins over the API, on buddies.checkins as the pages use it.

Whoever may see an onboarding (buddies.access) reads its check-ins as the onboarding page shows them: when,
held or not, what was aimed for, learned and next, the questions raised. Private notes are read only through
checkins.private_notes_for, so each caller gets their own notes and nobody else's: not the hire's, the buddy's,
a manager's or an admin's. The hire and the buddy plan and record check-ins; the buddy, the manager and
program admins cancel them (checkins.can_record, can_cancel); a refusal is a 403 to someone who sees the
onboarding and a 404 to anyone else."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from api.bodies import RequestBody
from api.onboarding import NamedPerson, named
from api.pagination import LimitOffsetPages
from api.refusals import ObjectId, refusal
from api.shown import Shown
from buddies import checkins, questions
from buddies.access import visible_check_in, visible_onboarding
from buddies.forms import AddCheckInForm, CheckInForm
from buddies.models import BuddyProgramSettings, CheckIn, Onboarding

router = Router(tags=["Check-ins"])

CheckInState = Literal["held", "cancelled", "missed", "upcoming", "due"]


class RaisedGap(Schema):
    id: int
    title: str
    status: str


class RaisedQuestion(Schema):
    id: int
    text: str
    gap: RaisedGap | None


class MyNote(Schema):
    text: str
    written_at: datetime


class CheckInOut(Schema):
    id: int
    onboarding_id: int
    scheduled_for: date
    held_on: date | None
    state: CheckInState
    aims: str
    learned: str
    next_steps: str
    questions: list[RaisedQuestion]
    my_private_notes: list[MyNote] = Field(
        description="The caller's own private notes on this check-in: nobody ever reads another person's."
    )
    cancelled_at: datetime | None
    cancelled_by: NamedPerson | None

    @staticmethod
    def resolve_cancelled_by(obj: CheckIn) -> NamedPerson | None:
        return named(obj.cancelled_by)

    @staticmethod
    def resolve_questions(obj: CheckIn) -> list[RaisedQuestion]:
        return obj.raised


class PlannedCheckIn(RequestBody):
    scheduled_for: str = Field(description="The day, YYYY-MM-DD, on or after the start date.")


class RecordedCheckIn(RequestBody):
    """What the check-in page's form takes. A field left out keeps what the check-in has (held on: its date, or
    today if that is later); questions (one a line) are added, and the note is private to the caller."""

    held_on: str | None = Field(None, description="YYYY-MM-DD, not in the future.")
    aims: str | None = None
    learned: str | None = None
    next_steps: str | None = None
    questions: str = ""
    private_note: str = ""


def as_seen_by(user, check_ins: list[CheckIn]) -> list[CheckIn]:
    """The check-ins with what the onboarding page shows `user` of each: the record once held, the questions
    with the gap each became, and the user's own private notes only."""
    today, program = timezone.localdate(), BuddyProgramSettings.load()
    raised = questions.with_gaps([q for check_in in check_ins for q in check_in.questions.all()])
    by_check_in: dict[int, list] = {}
    for question in raised:
        gap = question.gap
        by_check_in.setdefault(question.check_in_id, []).append(
            RaisedQuestion(
                id=question.pk,
                text=question.text,
                gap=RaisedGap(id=gap.pk, title=gap.title, status=gap.status) if gap else None,
            )
        )
    notes: dict[int, list[MyNote]] = {}
    for note in checkins.private_notes_for(user, check_ins):
        notes.setdefault(note.check_in_id, []).append(MyNote(text=note.text, written_at=note.written_at))
    for check_in in check_ins:
        check_in.state = checkins.state_of(check_in, today=today, grace_days=program.missed_after_days)
        held = check_in.held_on is not None
        if not held:  # the page shows a check-in's record once it is held
            check_in.aims = check_in.learned = check_in.next_steps = ""
        check_in.raised = by_check_in.get(check_in.pk, []) if held else []
        check_in.my_private_notes = notes.get(check_in.pk, [])
    return check_ins


def check_ins_of(onboarding: Onboarding):
    return onboarding.check_ins.select_related("cancelled_by__profile").prefetch_related("questions")


def one_as_seen_by(user, check_in: CheckIn) -> CheckIn:
    fresh = check_ins_of(check_in.onboarding).get(pk=check_in.pk)
    return as_seen_by(user, [fresh])[0]


@router.get("/onboardings/{onboarding_id}/check-ins/", response=list[CheckInOut], summary="An onboarding's check-ins")
@paginate(LimitOffsetPages)
def check_in_list(request: HttpRequest, onboarding_id: ObjectId):
    """The check-ins of an onboarding the caller may see, in date order, as its page shows them."""
    onboarding = visible_onboarding(request, onboarding_id)
    return Shown(check_ins_of(onboarding), lambda page: as_seen_by(request.user, page))


@router.post("/onboardings/{onboarding_id}/check-ins/", response={201: CheckInOut}, summary="Plan an extra check-in")
def plan_check_in(request: HttpRequest, onboarding_id: ObjectId, payload: PlannedCheckIn):
    """The hire or the buddy plans a check-in on a day of their choosing (a cancelled one on that day comes
    back)."""
    onboarding = visible_onboarding(request, onboarding_id)
    checkins.require_recorder(request.user, onboarding, planning=True)
    form = AddCheckInForm(payload.model_dump())
    if not form.is_valid():
        raise refusal(form)
    try:
        check_in = checkins.add_check_in(onboarding=onboarding, on=form.cleaned_data["scheduled_for"], by=request.user)
    except ValidationError as error:
        raise refusal(form, error) from error
    check_in.onboarding = onboarding
    return Status(201, one_as_seen_by(request.user, check_in))


@router.get("/check-ins/{check_in_id}/", response=CheckInOut, summary="One check-in")
def check_in_detail(request: HttpRequest, check_in_id: ObjectId):
    return one_as_seen_by(request.user, visible_check_in(request, check_in_id))


@router.post("/check-ins/{check_in_id}/record/", response=CheckInOut, summary="Record a check-in")
def record_check_in(request: HttpRequest, check_in_id: ObjectId, payload: RecordedCheckIn):
    """What the check-in was about, as the check-in page's form records it: by the hire or the buddy only."""
    check_in = visible_check_in(request, check_in_id)
    checkins.require_recorder(request.user, check_in.onboarding)
    data = checkins.record_so_far(check_in)
    data.update(payload.model_dump(exclude_none=True))
    form = CheckInForm(data)
    if not form.is_valid():
        raise refusal(form)
    try:
        checkins.record_check_in(check_in=check_in, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        raise refusal(form, error) from error
    return one_as_seen_by(request.user, check_in)


@router.post("/check-ins/{check_in_id}/cancel/", response=CheckInOut, summary="Cancel a check-in")
def cancel_check_in(request: HttpRequest, check_in_id: ObjectId):
    """The buddy, the manager or a program admin cancels a check-in that will not take place; it stays on
    record as cancelled."""
    check_in = visible_check_in(request, check_in_id)
    checkins.cancel_check_in(check_in=check_in, by=request.user)
    return one_as_seen_by(request.user, check_in)
