"""The question lists the site and the API show: which questions each tab holds, among those the person may see."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q, QuerySet

from expertise.models import ExpertiseScore
from expertise.scoring import LEVEL_RANK
from questions.models import Question, QuestionStatus
from questions.visibility import visible_questions

SHOWS = ("open", "answered", "mine", "to-me", "my-topics")


def on_my_topics(user: AbstractBaseUser) -> Q:
    """Open questions asked of a topic the person practises (practitioner or above)."""
    topics = ExpertiseScore.objects.filter(
        person_id=user.pk, rank__gte=LEVEL_RANK[ExpertiseScore.Level.PRACTITIONER]
    ).values("topic_id")
    return Q(status=QuestionStatus.OPEN, expert__isnull=True, topic_id__in=topics)


def questions_shown(user: AbstractBaseUser, show: str) -> QuerySet[Question]:
    """`show` is one of SHOWS; anything else is "open". Newest first."""
    chosen = {
        "answered": Q(status=QuestionStatus.ANSWERED),
        "mine": Q(asker_id=user.pk),
        "to-me": Q(expert_id=user.pk),
    }.get(show) or (on_my_topics(user) if show == "my-topics" else Q(status=QuestionStatus.OPEN))
    return visible_questions(user).filter(chosen).order_by("-asked_at", "-pk")
