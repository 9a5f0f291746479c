"""What people hear about questions, through the inbox. Each message has a key, so a repeat sends nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model

import inbox
from expertise.people import profile_for
from questions.models import Answer, Question


def name_of(user) -> str:
    return profile_for(user).name


def question_asked(question_id: int, recipient_ids: list[int]) -> int:
    question = Question.objects.select_related("asker", "topic").get(pk=question_id)
    sent = 0
    for person in get_user_model().objects.filter(pk__in=recipient_ids):
        sent += bool(
            inbox.notify_from_templates(
                person,
                template="questions/notifications/question",
                context={"question": question, "asker": name_of(question.asker), "to_you": question.expert_id},
                kind="question",
                url=question.get_absolute_url(),
                key=f"question:{question.pk}",
            )
        )
    return sent


def answered(answer_id: int) -> bool:
    answer = Answer.objects.select_related("question__asker", "author").get(pk=answer_id)
    question = answer.question
    return bool(
        inbox.notify_from_templates(
            question.asker,
            template="questions/notifications/answered",
            context={"question": question, "answer": answer, "author": name_of(answer.author)},
            kind="question-answered",
            url=question.get_absolute_url(),
            key=f"answer:{answer.pk}",
        )
    )


def follow_up(answer_id: int) -> int:
    """The asker wrote more: the person asked and everyone who answered hear it."""
    post = Answer.objects.select_related("question__asker", "question__expert").get(pk=answer_id)
    question = post.question
    people = {a.author for a in question.answers.exclude(author_id=question.asker_id).select_related("author")}
    if question.expert is not None:
        people.add(question.expert)
    sent = 0
    for person in people:
        sent += bool(
            inbox.notify_from_templates(
                person,
                template="questions/notifications/follow_up",
                context={"question": question, "post": post, "asker": name_of(question.asker)},
                kind="question-follow-up",
                url=question.get_absolute_url(),
                key=f"follow-up:{post.pk}",
            )
        )
    return sent


def accepted(answer_id: int) -> bool:
    answer = Answer.objects.select_related("question__asker", "author").get(pk=answer_id)
    question = answer.question
    return bool(
        inbox.notify_from_templates(
            answer.author,
            template="questions/notifications/accepted",
            context={"question": question, "asker": name_of(question.asker)},
            kind="answer-accepted",
            url=question.get_absolute_url(),
            key=f"answer-accepted:{answer.pk}",
        )
    )
