"""Ask over the API: one question, the pages that answer it, the people who know and the open gaps, in the shape
`manage.py search --json` prints. The same `search.ask.ask` the Ask page runs, with the caller's visibility, and
the same query log: a new question is logged, turning to a later page of its results is not."""

from ninja import Field, Query, Router, Schema

from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail.utils.forms import FormValidationError

from onramp.params import LARGEST_ID
from search.answered_questions import answered_questions_for
from search.ask import PER_PAGE, AskFilters, ask
from search.forms import AskForm
from search.querylog import log_results
from search.results_json import results_as_dict
from wiki.navigation import area_choices

MAX_PER_PAGE = 100

router = Router(tags=["ask"])


class AskParams(Schema):
    q: str = Field(description="The question, in a few words or a sentence.")
    area: int | None = Field(None, ge=1, le=LARGEST_ID, description="Only pages under this process area (its page id).")
    topic: str = Field("", description="Only pages on this topic (its slug).")
    kind: str = Field("", description="Only pages of this kind: process, procedure, how-to, faq or reference.")
    page: int = Field(1, ge=1, description="Which page of results, from 1.")
    limit: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many pages of the wiki per page of results.")


class PageHitOut(Schema):
    url: str
    title: str
    score: float


class PersonOut(Schema):
    person: str = Field(description="Their username.")
    name: str
    level: str
    reasons: list[str]
    available: bool
    unavailable: str | None = Field(description="Why they may be slow to answer: away, or at capacity.")


class GapRefOut(Schema):
    url: str
    title: str
    status: str


class DefinitionOut(Schema):
    term: str
    expansion: str


class PageRefOut(Schema):
    url: str
    title: str


class OnboardingOut(Schema):
    url: str = Field(description="My onboarding.")
    has_plan: bool = Field(description="Whether the caller has an onboarding plan of their own.")
    pages: list[PageRefOut] = Field(description="Their plan's next pages, or else the wiki's process areas.")


class AnsweredQuestionOut(Schema):
    id: int
    title: str
    url: str = Field(description="The question's page, with its thread.")
    answer: str = Field(description="The accepted answer.")
    answered_by: str


def answered_questions_out(text: str, request: HttpRequest) -> list[AnsweredQuestionOut]:
    return [
        AnsweredQuestionOut(
            id=hit.question.pk,
            title=hit.question.title,
            url=hit.question.get_absolute_url(),
            answer=hit.answer.text,
            answered_by=hit.answer.author.profile.name,
        )
        for hit in answered_questions_for(text, user=request.user)
    ]


class AskAnswer(Schema):
    pages: list[PageHitOut]
    people: list[PersonOut]
    gaps: list[GapRefOut]
    page_count: int = Field(description="How many pages of the wiki answer the question, over every page of results.")
    nothing_answers: bool = Field(
        description="True when no page of the wiki answers the question: the pages listed are only weaker matches."
    )
    onboarding: OnboardingOut | None = Field(None, description="For a question about onboarding itself.")
    definition: DefinitionOut | None = None
    did_you_mean: str | None = None
    questions: list[AnsweredQuestionOut] = Field(
        [], description="Questions asked in Onramp with an accepted answer, among those the caller may see."
    )
    notice: str | None = None


@router.get("/", response=AskAnswer, summary="Ask a question", operation_id="ask")
def ask_question(request: HttpRequest, params: Query[AskParams]):
    """Only pages the caller may open, open gaps, and people with the reasons the caller may read. A new question
    (the first page of its results) is recorded in the query log, as on the Ask page."""
    form = AskForm(
        {"q": params.q, "area": params.area or "", "topic": params.topic, "kind": params.kind},
        areas=area_choices(request),
    )
    if not form.is_valid():
        raise FormValidationError.from_form(form)
    filters = AskFilters(
        area=form.cleaned_or_default("area"),
        topic=form.cleaned_or_default("topic"),
        kind=form.cleaned_or_default("kind"),
    )
    results = ask(
        text=form.cleaned_data["q"], request=request, filters=filters, page_number=params.page, per_page=params.limit
    )
    if results.query is None:
        form.add_error("q", results.message or _("Type a question or a few words to search for."))
        raise FormValidationError.from_form(form)
    if params.page == 1:
        log_results(results, user=request.user, filters=filters.as_dict())
    return {
        **results_as_dict(results),
        "page_count": results.page_count,
        "questions": answered_questions_out(form.cleaned_data["q"], request),
    }
