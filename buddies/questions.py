"""Check-in questions that become gaps: what the wiki did not answer goes to the trainers' queue."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from buddies.checkins import can_record
from buddies.models import CheckInQuestion, Milestone
from expertise.models import Topic
from forums.gaps import TITLE_MAX, raise_gap
from forums.models import Gap, GapSource


def raise_question_as_gap(question: CheckInQuestion, *, by: AbstractBaseUser) -> Gap:
    """The hire or the buddy turns a question into a gap; raising it again returns the same gap."""
    onboarding = question.check_in.onboarding
    if not can_record(by, onboarding):
        raise PermissionDenied(_("Only the new hire and their buddy can raise their check-in questions as gaps."))
    text = " ".join(question.text.split())
    title = text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"
    held = question.check_in.held_on or question.check_in.scheduled_for
    return raise_gap(
        title=title,
        description=f"Asked at a check-in on {held:%-d %B %Y} and not answered by the wiki:\n\n{question.text}",
        topics=plan_topics(onboarding),
        source=GapSource.CHECK_IN,
        raised_by=by,
        source_object=question,
    )


def plan_topics(onboarding) -> list[Topic]:
    """The topics the hire's plan sets out to learn: most questions are about them."""
    links = Milestone.topics.through.objects.filter(milestone__onboarding=onboarding)
    return list(Topic.objects.filter(pk__in=links.values("topic_id")).order_by("name")[:5])


def with_gaps(questions) -> list[CheckInQuestion]:
    """The questions, each with `.gap`: the gap it became, or None (one query for all of them)."""
    questions = list(questions)
    source_type = ContentType.objects.get_for_model(CheckInQuestion)
    ids = [question.pk for question in questions]
    gaps = {gap.source_id: gap for gap in Gap.objects.filter(source_type=source_type, source_id__in=ids)} if ids else {}
    for question in questions:
        question.gap = gaps.get(question.pk)
    return questions
