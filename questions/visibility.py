"""Who may see a question, in one rule every view, search result and API endpoint applies.

A question to a topic, or to a person without "private", is seen by everyone signed in. A private question
is seen by the asker, the person asked and anyone who answered it (only those two can answer, since nobody
else sees it). Staff get no exception: a private question is between two people."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from questions.models import Answer, Question


def visible_questions(user: AbstractBaseUser, queryset: QuerySet[Question] | None = None) -> QuerySet[Question]:
    queryset = Question.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    answered = Answer.objects.filter(question=OuterRef("pk"), author_id=user.pk)
    return queryset.filter(Q(private=False) | Q(asker_id=user.pk) | Q(expert_id=user.pk) | Exists(answered))


def may_see(user: AbstractBaseUser, question: Question) -> bool:
    if not user.is_authenticated:
        return False
    if not question.private or user.pk in (question.asker_id, question.expert_id):
        return True
    return question.answers.filter(author_id=user.pk).exists()
