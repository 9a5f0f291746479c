"""Questions nobody answered in time become gaps: something people need that neither the wiki nor its
experts gave them. Private questions never do (their text would reach the gap queue)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import ngettext

from forums.gaps import raise_gap
from forums.models import GapSource
from questions.models import Answer, Question, QuestionStatus


def unanswered_days() -> int:
    return int(getattr(settings, "QUESTIONS_UNANSWERED_DAYS", 5))


def overdue_questions(*, now: datetime | None = None) -> QuerySet[Question]:
    """Open, shared questions older than the setting that nobody but the asker has written in."""
    now = now or timezone.now()
    answered = Answer.objects.filter(question=OuterRef("pk"), withdrawn_at__isnull=True).exclude(
        author_id=OuterRef("asker_id")
    )
    return (
        Question.objects.filter(
            status=QuestionStatus.OPEN,
            private=False,
            gap__isnull=True,
            asked_at__lt=now - timedelta(days=unanswered_days()),
        )
        .exclude(Exists(answered))
        .exclude(asker__is_active=False)
        .select_related("asker", "topic")
        .order_by("asked_at", "pk")
    )


def raise_gaps_for_unanswered(*, now: datetime | None = None) -> int:
    """Raises one gap per overdue question (raised by its asker, who hears when it is closed). Safe to run
    twice: a question is a gap's source once, and its `gap` is set in the same transaction."""
    raised = 0
    for question in overdue_questions(now=now):
        with transaction.atomic():
            gap = raise_gap(
                title=question.title[:200],
                description=ngettext(
                    "Asked in Onramp on %(day)s and not answered in %(days)d day:\n\n%(text)s",
                    "Asked in Onramp on %(day)s and not answered in %(days)d days:\n\n%(text)s",
                    unanswered_days(),
                )
                % {"day": question.asked_at.date().isoformat(), "days": unanswered_days(), "text": question.text},
                topics=[question.topic] if question.topic_id else None,  # None: suggested from its words
                source=GapSource.DIRECT,
                raised_by=question.asker,
                source_object=question,
            )
            raised += Question.objects.filter(pk=question.pk, gap__isnull=True).update(gap=gap)
    return raised
