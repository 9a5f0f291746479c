"""Ask's fourth result group: questions asked in Onramp that have an accepted answer, matching the words asked.

Only questions the person may see are searched (questions.visibility): a private question reaches Ask only for
the asker, the person asked and those who answered it. Matching is by words in the question or its accepted
answer; a question must share at least half of the words searched for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q

from questions.models import Question, QuestionStatus
from questions.visibility import visible_questions
from search.normalise import WORD, search_words

CANDIDATES = 200
MIN_WORD_CHARS = 3


@dataclass
class AnsweredQuestion:
    question: Question
    matched: int

    @property
    def answer(self):
        return self.question.accepted_answer


def answered_questions_for(text: str, *, user: AbstractBaseUser, limit: int = 5) -> list[AnsweredQuestion]:
    """The answered questions `user` may see that best match `text`, most words in common first."""
    wanted = [word for word in search_words(text) if len(word) >= MIN_WORD_CHARS]
    if not wanted:
        return []
    matches_a_word = reduce(
        or_, (Q(text__icontains=word) | Q(accepted_answer__text__icontains=word) for word in wanted)
    )
    candidates = (
        visible_questions(user)
        .filter(status=QuestionStatus.ANSWERED, accepted_answer__withdrawn_at__isnull=True)
        .filter(matches_a_word)
        .select_related("accepted_answer__author__profile", "topic")
        .order_by("-answered_at", "-pk")[:CANDIDATES]
    )
    needed = max(1, (len(wanted) + 1) // 2)
    found = []
    for question in candidates:
        said = " ".join(WORD.findall(f"{question.text} {question.accepted_answer.text}".casefold()))
        matched = sum(word in said for word in wanted)
        if matched >= needed:
            found.append(AnsweredQuestion(question=question, matched=matched))
    found.sort(key=lambda hit: (-hit.matched, -hit.question.pk))
    return found[:limit]
