"""Gaps over the API: the gap list and its filter, flagging a gap, "me too" and a gap's details, through the
forms and rules the forum's views use (forums.forms.GapForm, forums.gaps). Everyone signed in sees every gap,
as on the site; the page or process area a gap is about is named only to those who may open it."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.utils.forms import FormValidationError

from api.bodies import RequestBody
from api.pagination import LimitOffsetPages
from forums import gaps
from forums.filters import GapListFilter
from forums.forms import GapForm
from forums.models import Gap, Raiser
from onramp.params import LARGEST_ID
from wiki.visibility import may_view

router = Router(tags=["gaps"])

# An id beyond what an id column holds is refused (422) before it reaches the database.
Id = Annotated[int, Field(ge=1, le=LARGEST_ID)]
GapId = Annotated[int, Path(ge=1, le=LARGEST_ID)]


def with_people_counts(queryset: QuerySet[Gap]) -> QuerySet[Gap]:
    """Each gap's count of people who hit it, as `people` (forums.dashboard.with_people_counts does the same for
    a page of gaps already read; the API pages the queryset itself)."""
    counts = Raiser.objects.filter(gap=OuterRef("pk")).values("gap").annotate(n=Count("pk")).values("n")
    return queryset.annotate(people=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


class PageRefOut(Schema):
    id: int
    title: str
    url: str | None


class TopicOut(Schema):
    name: str
    slug: str


class RaiserOut(Schema):
    name: str
    how: str


class GapOut(Schema):
    id: int
    title: str
    status: str
    source: str
    created_at: datetime
    url: str = Field(description="The gap's page on the site.")
    people: int = Field(description="How many people hit the gap.")
    process: PageRefOut | None = Field(description="The process area it is about; null when none or hidden from you.")

    @staticmethod
    def resolve_url(gap: Gap) -> str:
        return gap.get_absolute_url()

    @staticmethod
    def resolve_process(gap: Gap, context) -> dict | None:
        return page_ref(gap.process, context["request"])


class GapDetailOut(GapOut):
    description: str
    closed_at: datetime | None
    decline_reason: str
    duplicate_of: int | None = Field(description="The gap this one was merged into.")
    related_page: PageRefOut | None = Field(description="The page it is about; null when none or hidden from you.")
    related_material: str | None = Field(description="The training material it is about, by title.")
    topics: list[TopicOut]
    raisers: list[RaiserOut]
    has_hit: bool = Field(description="Whether you raised it, said “me too” or raised a duplicate of it.")

    @staticmethod
    def resolve_people(gap: Gap) -> int:
        return gap.raisers.count()

    @staticmethod
    def resolve_duplicate_of(gap: Gap) -> int | None:
        return gap.duplicate_of_id

    @staticmethod
    def resolve_related_page(gap: Gap, context) -> dict | None:
        return page_ref(gap.related_page, context["request"])

    @staticmethod
    def resolve_related_material(gap: Gap) -> str | None:
        return gap.related_material.title if gap.related_material_id else None

    @staticmethod
    def resolve_topics(gap: Gap) -> list:
        return list(gap.topics.all())

    @staticmethod
    def resolve_raisers(gap: Gap) -> list[dict]:
        return [
            {"name": raiser.person.get_full_name() or raiser.person.get_username(), "how": raiser.how}
            for raiser in gap.raisers.select_related("person")
        ]

    @staticmethod
    def resolve_has_hit(gap: Gap, context) -> bool:
        return gap.raisers.filter(person_id=context["request"].user.pk).exists()


def page_ref(page, request: HttpRequest) -> dict | None:
    """A page as the API names it: only when the caller may open it (wiki.visibility)."""
    if not may_view(page, request):
        return None
    return {"id": page.pk, "title": page.title, "url": page.url}


class GapListParams(Schema):
    show: Literal["open", "closed", "mine"] = Field(
        "open", description="Open gaps, closed ones, or the ones you hit (raised, “me too”, or merged)."
    )


class GapIn(RequestBody):
    title: str = Field(description="What is missing or wrong, in a few words.")
    description: str = ""
    topics: list[Id] = Field(
        [],
        description="Topic ids: the experts on them hear of the gap. Left out, the topics its title and description "
        "name (or a glossary term for them) and those of its page.",
    )
    related_page: Id | None = Field(None, description="The id of a page you may open that the gap is about.")


def gap_for_detail(pk: int) -> Gap:
    return get_object_or_404(
        Gap.objects.select_related("process", "related_page", "related_material", "duplicate_of"), pk=pk
    )


@router.get("/", response=list[GapOut], summary="List gaps", operation_id="gaps_list")
@paginate(LimitOffsetPages)
def list_gaps(request: HttpRequest, params: Query[GapListParams], **kwargs):
    """Newest first, as on the gap list."""
    chosen = GapListFilter({"show": params.show}, queryset=Gap.objects.select_related("process"), request=request)
    return with_people_counts(chosen.qs.distinct().order_by("-created_at", "-pk"))


@router.post("/", response={201: GapDetailOut}, summary="Flag a gap", operation_id="gaps_create")
def flag_gap(request: HttpRequest, data: GapIn):
    """Goes to the trainers' queue, as a gap flagged on the site does; the experts on its topics hear of it."""
    form = GapForm(data.dict(), request=request)
    if not form.is_valid():
        raise FormValidationError.from_form(form)
    gap = form.raise_gap(raised_by=request.user)
    if gap is None:
        raise FormValidationError.from_form(form)
    return Status(201, gap_for_detail(gap.pk))


class SuggestTopicsParams(Schema):
    title: str = Field(description="What is missing or wrong, as it will be flagged.")
    description: str = ""
    related_page: Id | None = Field(None, description="The id of a page you may open that the gap is about.")


@router.get(
    "/suggested-topics/",
    response=list[TopicOut],
    summary="Suggest a gap's topics",
    operation_id="gaps_suggested_topics",
)
def suggested_topics(request: HttpRequest, params: Query[SuggestTopicsParams]):
    """The topics the gap form suggests for a gap about to be flagged: those its words name (directly or through
    a glossary term) and those of its page. Only the experts on a gap's topics hear of it: show these to the
    person flagging it, and send the ones they keep as `topics`."""
    form = GapForm(
        {"title": params.title, "description": params.description, "related_page": params.related_page},
        request=request,
    )
    if not form.is_valid():
        raise FormValidationError.from_form(form)
    return form.suggested_topics()


@router.get("/{gap_id}/", response=GapDetailOut, summary="A gap", operation_id="gaps_detail")
def gap_detail(request: HttpRequest, gap_id: GapId):
    return gap_for_detail(gap_id)


@router.post("/{gap_id}/me-too/", response={201: GapDetailOut}, summary="Say “me too”", operation_id="gaps_me_too")
def me_too(request: HttpRequest, gap_id: GapId):
    """Adds the caller to the people who hit the gap: they hear when it is closed. Refused (422) on a closed or
    merged gap, or when the caller is already on its list."""
    gap = get_object_or_404(Gap, pk=gap_id)
    gaps.me_too(gap=gap, person=request.user)
    return Status(201, gap_for_detail(gap.pk))
