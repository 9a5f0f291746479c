"""The rules of a question's life: asking a person or a topic, answering, following up, accepting, editing
and withdrawing. Views, the API and tasks all call these."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from expertise.models import EvidenceKind, ExpertiseScore, Topic
from expertise.people import has_left, profile_for
from expertise.ranking import rank_people_for
from expertise.recording import record_from_source
from questions import notices
from questions.models import TEXT_MAX, Answer, AnswerEdit, Question, QuestionStatus
from questions.visibility import may_see

# Who hears of a question asked of a topic: practitioners and above.
ROUTED_LEVELS = {ExpertiseScore.Level.PRACTITIONER, ExpertiseScore.Level.EXPERT, ExpertiseScore.Level.GO_TO}


def topic_recipients_cap() -> int:
    return int(getattr(settings, "QUESTIONS_TOPIC_RECIPIENTS", 5))


def clean_text(text: str, field: str = "text") -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("Write your question.") if field == "text" else _("Write your answer.")})
    if len(text) > TEXT_MAX:
        raise ValidationError({field: _("Keep it to %(count)d characters.") % {"count": TEXT_MAX}})
    return text


def recipients_for(question: Question) -> list[AbstractBaseUser]:
    """The person asked, or the topic's available practitioners and above, best first and capped."""
    if question.expert_id is not None:
        return [question.expert]
    if question.topic_id is None:
        return []
    suggestions = rank_people_for(topics=[question.topic], asker=question.asker, limit=topic_recipients_cap() * 3)
    chosen = [
        s.person for s in suggestions if s.level in ROUTED_LEVELS and s.unavailable is None and not has_left(s.person)
    ]
    return chosen[: topic_recipients_cap()]


@transaction.atomic
def ask(
    *,
    asker: AbstractBaseUser,
    text: str,
    expert: AbstractBaseUser | None = None,
    topic: Topic | None = None,
    private: bool = False,
) -> Question:
    """Asks `expert`, or everyone who knows `topic`; they hear of it in their inbox (emailed after commit)."""
    text = clean_text(text)
    if expert is None and topic is None:
        raise ValidationError({"topic": _("Choose the topic your question is about, or ask a person.")})
    if expert is not None:
        if expert.pk == asker.pk:
            raise ValidationError(_("You cannot send a question to yourself."))
        if has_left(expert):
            raise ValidationError(
                _("%(name)s has left: ask someone else who knows the topic.") % {"name": profile_for(expert).name}
            )
    if private and expert is None:
        raise ValidationError({"private": _("Only a question to one person can be private.")})
    question = Question(asker=asker, expert=expert, topic=topic, text=text, private=private)
    question.full_clean()
    question.save()
    notices.question_asked(question.pk, [person.pk for person in recipients_for(question)])
    return question


def require_open_thread(question: Question) -> None:
    if question.status == QuestionStatus.WITHDRAWN:
        raise ValidationError(_("This question was withdrawn."))


@transaction.atomic
def answer(*, question: Question, author: AbstractBaseUser, text: str) -> Answer:
    """Adds to the thread: an answer from anyone who may see the question, or a follow-up from the asker."""
    if not may_see(author, question):
        raise PermissionDenied(_("You cannot see this question."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    require_open_thread(question)
    post = Answer(question=question, author=author, text=clean_text(text, "answer"))
    post.full_clean()
    post.save()
    if post.is_follow_up:
        notices.follow_up(post.pk)
    else:
        notices.answered(post.pk)
    return post


@transaction.atomic
def accept(*, answer: Answer, by: AbstractBaseUser) -> Question:
    """The asker accepts an answer (or moves the acceptance to another); the answerer earns expertise on the
    question's topic. Accepting again is harmless."""
    question = Question.objects.select_for_update().get(pk=answer.question_id)
    if by.pk != question.asker_id:
        raise PermissionDenied(_("Only the person who asked may accept an answer."))
    require_open_thread(question)
    if answer.is_follow_up:
        raise ValidationError(_("Your own follow-up cannot be the accepted answer."))
    if answer.is_withdrawn:
        raise ValidationError(_("That answer was withdrawn."))
    if question.accepted_answer_id == answer.pk:
        return question
    question.accepted_answer = answer
    question.status = QuestionStatus.ANSWERED
    question.answered_at = question.answered_at or timezone.now()
    question.save(update_fields=["accepted_answer", "status", "answered_at"])
    if question.topic_id is not None:
        record_from_source(
            person=answer.author, topics=[question.topic], kind=EvidenceKind.ANSWER_ACCEPTED, source=answer
        )
    notices.accepted(answer.pk)
    return question


@transaction.atomic
def edit_answer(*, answer: Answer, by: AbstractBaseUser, text: str) -> Answer:
    """The author rewrites their post; the earlier text is kept."""
    if by.pk != answer.author_id:
        raise PermissionDenied(_("Only its author may edit this answer."))
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.is_withdrawn:
        raise ValidationError(_("That answer was withdrawn."))
    text = clean_text(text, "answer")
    if text == answer.text:
        return answer
    AnswerEdit.objects.create(answer=answer, text=answer.text)
    answer.text = text
    answer.edited_at = timezone.now()
    answer.save(update_fields=["text", "edited_at"])
    return answer


@transaction.atomic
def withdraw_answer(*, answer: Answer, by: AbstractBaseUser) -> Answer:
    """The author takes a post back: it stays, marked withdrawn, and stops being the accepted answer."""
    if by.pk != answer.author_id:
        raise PermissionDenied(_("Only its author may withdraw this answer."))
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.is_withdrawn:
        return answer
    answer.withdrawn_at = timezone.now()
    answer.save(update_fields=["withdrawn_at"])
    Question.objects.filter(pk=answer.question_id, accepted_answer=answer).update(
        accepted_answer=None, status=QuestionStatus.OPEN
    )
    return answer


@transaction.atomic
def withdraw_question(*, question: Question, by: AbstractBaseUser) -> Question:
    if by.pk != question.asker_id:
        raise PermissionDenied(_("Only the person who asked may withdraw this question."))
    question.status = QuestionStatus.WITHDRAWN
    question.save(update_fields=["status"])
    return question
