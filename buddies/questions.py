"""Check-in questions that become gaps: what the wiki did not answer goes to the trainers' queue."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from buddies.checkins import can_record
from buddies.models import CheckInQuestion, Onboarding
from expertise.models import Topic
from forums.gap_topics import suggest_gap_topics
from forums.gaps import TITLE_MAX, raise_gap
from forums.models import Gap, GapSource


def require_raiser(user: AbstractBaseUser, onboarding: Onboarding) -> None:
    if not can_record(user, onboarding):
        raise PermissionDenied(_("Only the new hire and their buddy can raise their check-in questions as gaps."))


def suggested_topics(question: CheckInQuestion) -> list[Topic]:
    """The topics the question's words name (or a glossary term for them): not the whole plan's, since only
    the experts on a gap's topics hear of it."""
    return suggest_gap_topics(text=question.text)


def raise_question_as_gap(
    question: CheckInQuestion, *, by: AbstractBaseUser, topics: Iterable[Topic] | None = None
) -> Gap:
    """The hire or the buddy turns a question into a gap, with the topics they confirmed (None: the suggested
    ones); raising it again returns the same gap. Nothing of the check-in but the question goes into it."""
    require_raiser(by, question.check_in.onboarding)
    text = " ".join(question.text.split())
    title = text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"
    held = question.check_in.held_on or question.check_in.scheduled_for
    return raise_gap(
        title=title,
        description=f"Asked at a check-in on {held:%-d %B %Y} and not answered by the wiki:\n\n{question.text}",
        topics=suggested_topics(question) if topics is None else list(topics),
        source=GapSource.CHECK_IN,
        raised_by=by,
        source_object=question,
    )


def with_gaps(questions) -> list[CheckInQuestion]:
    """The questions, each with `.gap`: the gap it became, or None (one query for all of them)."""
    questions = list(questions)
    source_type = ContentType.objects.get_for_model(CheckInQuestion)
    ids = [question.pk for question in questions]
    gaps = {gap.source_id: gap for gap in Gap.objects.filter(source_type=source_type, source_id__in=ids)} if ids else {}
    for question in questions:
        question.gap = gaps.get(question.pk)
    return questions
