"""Search misses: questions that found nothing, that nobody opened a result of, or that people said were
not answered, grouped by their normalised text. The trainer's gap queue lists them as candidates."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forums.candidates import Candidate, dismissed_keys
from forums.gaps import raise_gap
from forums.models import Gap, GapSource
from onramp.params import parse_id
from search.models import AskedText

MISS = Q(queries__answered=False) | (
    Q(queries__answered__isnull=True)
    & (Q(queries__clicked_url="") | Q(queries__page_count=0, queries__people_count=0, queries__gap_count=0))
)


def miss_groups(*, include_handled: bool = False) -> QuerySet[AskedText]:
    """Asked texts with at least one miss, the most missed first; without those already a gap or
    dismissed unless `include_handled`."""
    groups = AskedText.objects.annotate(
        misses=Count("queries", filter=MISS),
        nothing_found=Count("queries", filter=Q(queries__page_count=0, queries__people_count=0, queries__gap_count=0)),
        last_asked_at=Max("queries__created_at"),
    ).filter(misses__gt=0)
    if not include_handled:
        asked_type = ContentType.objects.get_for_model(AskedText)
        groups = groups.exclude(pk__in=Gap.objects.filter(source_type=asked_type).values("source_id"))
        dismissed = [parse_id(key.split(":", 1)[1]) for key in dismissed_keys(SearchMisses.name)]
        groups = groups.exclude(pk__in=[pk for pk in dismissed if pk is not None])
    return groups.order_by("-misses", "-last_asked_at", "pk")


def gap_title_for(asked: AskedText) -> str:
    return f"Search found no answer: “{asked.example[:150]}”"


def raise_gap_for_search(*, asked: AskedText, by: AbstractBaseUser, title: str = "", description: str = "") -> Gap:
    """Turns a question nobody could answer into a gap; the same question never becomes two gaps."""
    return raise_gap(
        title=title or gap_title_for(asked),
        description=description,
        source=GapSource.SEARCH,
        raised_by=by,
        source_object=asked,
    )


def miss_detail(group: AskedText) -> str:
    """ "Asked 3 times without an answer; found nothing 2 times." for a group of missed searches."""
    asked = ngettext("Asked %(count)d time without an answer", "Asked %(count)d times without an answer", group.misses)
    detail = asked % {"count": group.misses}
    if group.nothing_found:
        nothing = ngettext("found nothing %(count)d time", "found nothing %(count)d times", group.nothing_found)
        detail += "; " + nothing % {"count": group.nothing_found}
    return detail + "."


class SearchMisses:
    """The candidate source the forums' gap queue reads (see `forums.candidates.CandidateSource`)."""

    name = "search"

    def count(self) -> int:
        return miss_groups().count()

    def candidates(self, *, limit: int) -> list[Candidate]:
        return [
            Candidate(
                key=f"{self.name}:{group.pk}",
                source_label=GapSource.SEARCH.label,
                title=group.example,
                detail=miss_detail(group),
                created_at=group.last_asked_at,
            )
            for group in miss_groups()[:limit]
        ]

    def raise_gap(self, object_id: str, *, by: AbstractBaseUser) -> Gap:
        pk = parse_id(object_id)
        asked = AskedText.objects.filter(pk=pk).first() if pk is not None else None
        if asked is None:
            raise ValidationError(_("That search no longer exists."))
        return raise_gap_for_search(asked=asked, by=by)
