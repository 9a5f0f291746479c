"""Questions over the API: the question list, asking a person or a topic, a question with its thread, answering
(or following up) and accepting an answer, through the forms and rules the site's views use (questions.forms,
questions.asking). A private question is answered 404 to everyone but the asker, the person asked and those who
answered, exactly as its page is (questions.visibility)."""

from datetime import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictBool

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from api.bodies import RequestBody
from api.onboarding import NamedPerson, named
from api.pagination import LimitOffsetPages
from api.refusals import ObjectId, refusal
from onramp.params import LARGEST_ID
from questions import asking
from questions.forms import AnswerForm, AskPersonForm
from questions.listing import questions_shown
from questions.models import Answer, Question
from questions.visibility import may_see

router = Router(tags=["questions"])


class TopicOut(Schema):
    name: str
    slug: str


class QuestionOut(Schema):
    id: int
    title: str
    status: str
    private: bool
    asker: NamedPerson
    expert: NamedPerson | None = Field(description="The person asked; null for a question to a topic.")
    topic: TopicOut | None
    asked_at: datetime
    answered_at: datetime | None
    accepted_answer: int | None
    url: str = Field(description="The question's page on the site.")

    @staticmethod
    def resolve_asker(question: Question) -> NamedPerson:
        return named(question.asker)

    @staticmethod
    def resolve_expert(question: Question) -> NamedPerson | None:
        return named(question.expert)

    @staticmethod
    def resolve_accepted_answer(question: Question) -> int | None:
        return question.accepted_answer_id

    @staticmethod
    def resolve_url(question: Question) -> str:
        return question.get_absolute_url()


class AnswerOut(Schema):
    id: int
    author: NamedPerson
    text: str = Field(description="Empty once its author withdrew it.")
    follow_up: bool = Field(description="Written by the asker: a follow-up, which cannot be accepted.")
    accepted: bool
    created_at: datetime
    edited_at: datetime | None
    withdrawn: bool


class QuestionDetailOut(QuestionOut):
    text: str
    gap: int | None = Field(description="The gap the question became, if it did.")
    answers: list[AnswerOut]

    @staticmethod
    def resolve_gap(question: Question) -> int | None:
        return question.gap_id

    @staticmethod
    def resolve_answers(question: Question) -> list[AnswerOut]:
        return [
            AnswerOut(
                id=post.pk,
                author=named(post.author),
                text="" if post.is_withdrawn else post.text,
                follow_up=post.author_id == question.asker_id,
                accepted=post.pk == question.accepted_answer_id,
                created_at=post.created_at,
                edited_at=post.edited_at,
                withdrawn=post.is_withdrawn,
            )
            for post in question.answers.select_related("author__profile")
        ]


class QuestionListParams(Schema):
    show: Literal["open", "answered", "mine", "to-me", "my-topics"] = Field(
        "open",
        description="Waiting for an answer, answered, asked by you, asked of you, or open on topics you practise.",
    )


class QuestionIn(RequestBody):
    text: str = Field(description="The question.")
    expert: str | None = Field(None, description="The username of the person to ask; without it, ask `topic`.")
    topic: int | None = Field(None, ge=1, le=LARGEST_ID, description="A topic id: required without `expert`.")
    private: StrictBool = Field(False, description="Only for a question to a person: seen by the two of you only.")


class QuestionForm(AskPersonForm):
    """The site's form for asking, with the person asked as a field, so a refusal about them names it."""

    expert = forms.CharField(required=False)


class AnswerIn(RequestBody):
    text: str = Field(description="Your answer, or your follow-up when you asked the question.")


class AcceptIn(RequestBody):
    answer: int = Field(ge=1, le=LARGEST_ID, description="The id of an answer in the question's thread.")


QUESTION_RELATED = ("asker__profile", "expert__profile", "topic")


def visible_question(request: HttpRequest, question_id: int) -> Question:
    question = get_object_or_404(Question.objects.select_related(*QUESTION_RELATED), pk=question_id)
    if not may_see(request.user, question):
        raise Http404(_("No such question."))
    return question


@router.get("/", response=list[QuestionOut], summary="List questions", operation_id="questions_list")
@paginate(LimitOffsetPages)
def list_questions(request: HttpRequest, params: Query[QuestionListParams]):
    """Newest first; private questions only to the people in them."""
    return questions_shown(request.user, params.show).select_related(*QUESTION_RELATED)


@router.post("/", response={201: QuestionDetailOut}, summary="Ask a question", operation_id="questions_ask")
def ask_question(request: HttpRequest, data: QuestionIn):
    """Asks a person (`expert`) or the practitioners of a topic; they hear of it in their inbox."""
    form = QuestionForm({"text": data.text, "topic": data.topic or "", "private": data.private})
    expert = None
    if data.expert:
        expert = get_user_model().objects.filter(username=data.expert).first()
        if expert is None:
            raise refusal(form, ValidationError({"expert": _("Nobody in Onramp has that username.")}))
    if not form.is_valid():
        raise refusal(form)
    try:
        question = asking.ask(
            asker=request.user,
            expert=expert,
            text=form.cleaned_data["text"],
            topic=form.cleaned_data["topic"],
            private=bool(form.cleaned_data.get("private")),
        )
    except ValidationError as error:
        raise refusal(form, error) from error
    return Status(201, visible_question(request, question.pk))


@router.get("/{question_id}/", response=QuestionDetailOut, summary="A question", operation_id="questions_detail")
def question_detail(request: HttpRequest, question_id: ObjectId):
    return visible_question(request, question_id)


@router.post(
    "/{question_id}/answers/",
    response={201: QuestionDetailOut},
    summary="Answer or follow up",
    operation_id="questions_answer",
)
def answer_question(request: HttpRequest, question_id: ObjectId, data: AnswerIn):
    """Anyone who may see the question answers it; the asker's posts are follow-ups."""
    question = visible_question(request, question_id)
    form = AnswerForm({"text": data.text})
    if not form.is_valid():
        raise refusal(form)
    try:
        asking.answer(question=question, author=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        raise refusal(form, error) from error
    return Status(201, visible_question(request, question_id))


@router.post(
    "/{question_id}/accept/", response=QuestionDetailOut, summary="Accept an answer", operation_id="questions_accept"
)
def accept_answer(request: HttpRequest, question_id: ObjectId, data: AcceptIn):
    """Only the asker (403 for others who see the question); the answerer earns expertise on its topic."""
    question = visible_question(request, question_id)
    answer = Answer.objects.filter(question=question, pk=data.answer).select_related("question").first()
    if answer is None:
        raise refusal(None, ValidationError({"answer": _("That answer is not in this question's thread.")}))
    try:
        asking.accept(answer=answer, by=request.user)
    except ValidationError as error:
        raise refusal(None, error) from error
    return visible_question(request, question_id)
