"""Onboardings over the API: the caller's own (`/onboarding/me/`) and those they may see as buddy, manager or
program admin (`/onboardings/`), by buddies.access exactly as the pages are; one they may not see is a 404.

An onboarding reads as its page does for the same person: the plan's milestones with their pages and topics
(pages in a section closed to the caller left out), progress, the next check-in, what the caller may do. The
hire's survey answers go to the hire only (access.survey_answers_readable_by) and self-assessments to those
expertise.privacy names (the hire, their line manager, their current buddy); `self_assessments` is null for
everyone else."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from api.pagination import LimitOffsetPages
from api.refusals import ObjectId
from buddies import access, checkins, network, plans, surveys
from buddies.access import LIST_RELATED, visible_onboarding
from buddies.charts import self_assessment_chart
from buddies.models import BuddyProgramSettings, Milestone, Onboarding, OnboardingStatus
from buddies.network import Network
from expertise.privacy import can_see_self_assessments
from wiki.models import ArticlePage
from wiki.visibility import request_of, viewable

router = Router(tags=["Onboarding"])

OnboardingState = Literal[tuple(OnboardingStatus.values)]


def display_name(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.name if profile is not None else (user.get_full_name() or user.get_username())


class NamedPerson(Schema):
    username: str
    name: str


def named(user) -> NamedPerson | None:
    if user is None:
        return None
    return NamedPerson(username=user.get_username(), name=display_name(user))


class OnboardingSummary(Schema):
    id: int
    hire: NamedPerson
    role: str
    team: str | None
    cohort: str | None
    start_date: date
    end_date: date | None
    status: OnboardingState
    buddy: NamedPerson | None
    manager: NamedPerson | None
    relation: list[str]

    @staticmethod
    def resolve_hire(obj: Onboarding) -> NamedPerson:
        return named(obj.hire)

    @staticmethod
    def resolve_buddy(obj: Onboarding) -> NamedPerson | None:
        return named(obj.buddy)

    @staticmethod
    def resolve_manager(obj: Onboarding) -> NamedPerson | None:
        return named(obj.manager)

    @staticmethod
    def resolve_team(obj: Onboarding) -> str | None:
        return obj.team.name if obj.team else None

    @staticmethod
    def resolve_cohort(obj: Onboarding) -> str | None:
        return obj.cohort.name if obj.cohort else None

    @staticmethod
    def resolve_relation(obj: Onboarding, context) -> list[str]:
        return relation(context["request"].user, obj)


def relation(user, onboarding: Onboarding) -> list[str]:
    """How the caller comes to see the onboarding: hire, buddy, manager (named or line), program admin."""
    profile = getattr(onboarding.hire, "profile", None)
    kinds = {
        "hire": user.pk == onboarding.hire_id,
        "buddy": user.pk == onboarding.buddy_id,
        "manager": user.pk == onboarding.manager_id or (profile is not None and profile.manager_id == user.pk),
        "program-admin": access.is_program_admin(user),
    }
    return [kind for kind, applies in kinds.items() if applies]


class LinkedPage(Schema):
    id: int
    title: str
    url: str | None


class PlanTopic(Schema):
    slug: str
    name: str


class MilestoneOut(Schema):
    id: int
    title: str
    day_offset: int
    due_on: date
    goals: list[str]
    done: bool
    done_at: datetime | None
    done_day: int | None
    overdue: bool
    pages: list[LinkedPage]
    topics: list[PlanTopic]

    @staticmethod
    def resolve_goals(obj: Milestone) -> list[str]:
        return obj.goal_lines

    @staticmethod
    def resolve_done(obj: Milestone) -> bool:
        return obj.done_at is not None

    @staticmethod
    def resolve_overdue(obj: Milestone) -> bool:
        return plans.is_overdue(obj)

    @staticmethod
    def resolve_pages(obj: Milestone) -> list[LinkedPage]:
        return [LinkedPage(id=page.pk, title=page.title, url=page.url) for page in obj.pages.all()]

    @staticmethod
    def resolve_topics(obj: Milestone) -> list[PlanTopic]:
        return [PlanTopic(slug=topic.slug, name=topic.name) for topic in obj.topics.all()]


class PlanProgress(Schema):
    done: int
    total: int
    overdue: int
    percent: int


class SurveyAnswer(Schema):
    day: int
    buddy_support: int
    plan_clarity: int
    confidence: int


class SelfAssessmentPoint(Schema):
    topic: str
    level: int
    assessed_at: datetime


class GoToPersonOut(Schema):
    id: int = Field(description="The go-to row (the buddy marks introductions on it on the site).")
    person: NamedPerson
    reasons: list[str]
    introduced: bool = Field(description="Whether the buddy introduced the hire to this person: once per person.")


class GoToTopic(Schema):
    topic: PlanTopic
    people: list[GoToPersonOut]


class GoToNetwork(Schema):
    topics: list[GoToTopic] = Field(
        description="Per plan topic, practitioners or better on it; never another new hire."
    )
    buddy_note: str = Field(description="Why the buddy is not among them, said to the caller.")


def go_to_network(network: Network) -> GoToNetwork:
    return GoToNetwork(
        topics=[
            GoToTopic(
                topic=PlanTopic(slug=topic.slug, name=topic.name),
                people=[
                    GoToPersonOut(
                        id=row.pk, person=named(row.person), reasons=row.reasons, introduced=row.introduced is not None
                    )
                    for row in rows
                ],
            )
            for topic, rows in network.by_topic
        ],
        buddy_note=network.buddy_note,
    )


class OnboardingDetail(OnboardingSummary):
    plan: str | None
    milestones: list[MilestoneOut]
    progress: PlanProgress
    next_check_in: date | None
    missed_check_ins: int
    can_tick: bool
    can_record_check_ins: bool
    can_cancel_check_ins: bool
    can_manage: bool
    surveys_due: list[int]
    my_survey_answers: list[SurveyAnswer]
    self_assessments: list[SelfAssessmentPoint] | None
    go_to_people: GoToNetwork

    @staticmethod
    def resolve_plan(obj: Onboarding) -> str | None:
        return obj.plan_template.name if obj.plan_template else None

    @staticmethod
    def resolve_milestones(obj: Onboarding) -> list[Milestone]:
        return obj.page_milestones

    @staticmethod
    def resolve_my_survey_answers(obj: Onboarding) -> list:
        return obj.page_survey_answers

    @staticmethod
    def resolve_go_to_people(obj: Onboarding) -> GoToNetwork:
        return obj.page_network


def milestones_for(request: HttpRequest, onboarding: Onboarding) -> list[Milestone]:
    """The plan's milestones with their pages as the caller may see them (as the onboarding page prefetches)."""
    pages_to_read = Prefetch("pages", queryset=viewable(ArticlePage.objects.all(), request_of(request.user)))
    return list(onboarding.milestones.prefetch_related(pages_to_read, "topics"))


def as_seen_by(request: HttpRequest, onboarding: Onboarding) -> Onboarding:
    """The onboarding with what its page shows `request.user` attached, for OnboardingDetail."""
    user, today = request.user, timezone.localdate()
    program = BuddyProgramSettings.load()
    milestones = milestones_for(request, onboarding)
    check_ins = list(onboarding.check_ins.all())
    progress = plans.progress(milestones, today=today)
    is_hire = user.pk == onboarding.hire_id
    answered = set(onboarding.survey_responses.values_list("day", flat=True))
    onboarding.page_milestones = milestones
    onboarding.progress = PlanProgress(
        done=progress.done, total=progress.total, overdue=progress.overdue, percent=progress.percent
    )
    onboarding.next_check_in = next(
        (c.scheduled_for for c in check_ins if c.held_on is None and not c.is_cancelled and c.scheduled_for >= today),
        None,
    )
    onboarding.missed_check_ins = sum(
        1 for c in check_ins if checkins.is_missed(c, today=today, grace_days=program.missed_after_days)
    )
    onboarding.can_tick = plans.can_tick(user, onboarding) and onboarding.is_open
    onboarding.can_record_check_ins = checkins.can_record(user, onboarding) and onboarding.is_open
    onboarding.can_cancel_check_ins = checkins.can_cancel(user, onboarding) and onboarding.is_open
    onboarding.can_manage = access.can_manage(user, onboarding)
    onboarding.surveys_due = (
        surveys.surveys_due(onboarding, answered, today=today) if is_hire and onboarding.is_open else []
    )
    onboarding.page_network = go_to_network(network.network_for(onboarding, viewer=user))
    onboarding.page_survey_answers = list(access.survey_answers_readable_by(user).filter(onboarding=onboarding))
    onboarding.self_assessments = None
    if can_see_self_assessments(user, onboarding.hire):
        topic_ids = {topic.pk for milestone in milestones for topic in milestone.topics.all()}
        _chart, rows = self_assessment_chart(onboarding, topic_ids, today=today)
        onboarding.self_assessments = [
            SelfAssessmentPoint(topic=row.topic.name, level=row.level, assessed_at=row.assessed_at) for row in rows
        ]
    return onboarding


@router.get("/onboarding/me/", response={200: OnboardingDetail, 404: None}, summary="My onboarding")
def my_onboarding(request: HttpRequest):
    """The caller's own onboarding: the open one, else their latest; 404 when they have none."""
    onboarding = access.own_onboarding(request.user, related=(*LIST_RELATED, "manager__profile", "plan_template"))
    if onboarding is None:
        raise Http404(_("You have no onboarding."))
    return as_seen_by(request, onboarding)


@router.get("/onboardings/", response=list[OnboardingSummary], summary="Onboardings I may see")
@paginate(LimitOffsetPages)
def onboarding_list(request: HttpRequest, status: OnboardingState | None = None):
    """Every onboarding the caller may see: their own, their hires' as buddy, their team's as manager, all for
    a program admin; optionally of one status. Newest start first."""
    visible = access.onboardings_visible_to(
        request.user, Onboarding.objects.select_related(*LIST_RELATED, "manager__profile")
    )
    if status is not None:
        visible = visible.filter(status=status)
    return visible.order_by("-start_date", "pk")


@router.get("/onboardings/{onboarding_id}/", response=OnboardingDetail, summary="One onboarding")
def onboarding_detail(request: HttpRequest, onboarding_id: ObjectId):
    """One onboarding as its page shows it to the caller; 404 for anyone who may not see it."""
    onboarding = visible_onboarding(request, onboarding_id)
    return as_seen_by(request, onboarding)
