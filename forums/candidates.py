"""Candidate gaps: signals that something may be missing (a not-helpful vote today; a search that found
nothing, once the search module registers its source) shown in the trainer's queue, where one click makes
each a gap or dismisses it.

A source registers itself with `register_candidate_source(SomeSource())`; it lists its candidates and
turns one of them into a gap through `forums.gaps.raise_gap`, passing the object as `source_object` so the
same signal never becomes two gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from forums.gaps import raise_gap
from forums.models import DismissedCandidate, Gap, GapSource
from onramp.params import parse_id
from wiki.models import PageFeedback
from wiki.visibility import may_view, request_of


@dataclass
class Candidate:
    key: str
    source_label: str
    title: str
    detail: str
    created_at: datetime
    person_name: str = ""
    page_title: str = ""
    page_url: str = ""
    page: Page | None = None  # the page it is about, whose title only those who may open it read


class CandidateSource(Protocol):
    name: str  # the key prefix; a `label` attribute, if present, heads the source's list on the dashboard

    def candidates(self, *, limit: int) -> list[Candidate]: ...

    def count(self) -> int: ...

    def raise_gap(self, object_id: str, *, by: AbstractBaseUser) -> Gap: ...


_sources: dict[str, CandidateSource] = {}


def register_candidate_source(source: CandidateSource) -> None:
    _sources[source.name] = source


def candidate_sources() -> list[CandidateSource]:
    return list(_sources.values())


def dismissed_keys(prefix: str):
    """The keys of a source's dismissed candidates (for sources whose ids are not a column to join on)."""
    return DismissedCandidate.objects.filter(key__startswith=f"{prefix}:").values_list("key", flat=True)


class NotHelpfulFeedback:
    """Not-helpful votes that have not become a gap and were not dismissed."""

    name = "feedback"
    label = gettext_lazy("“Not helpful” feedback")

    def pending(self):
        feedback_type = ContentType.objects.get_for_model(PageFeedback)
        taken = Gap.objects.filter(source_type=feedback_type).values("source_id")
        dismissed = DismissedCandidate.objects.filter(
            key=Concat(Value(f"{self.name}:"), Cast(OuterRef("pk"), CharField()))
        )
        return PageFeedback.objects.filter(helpful=False).exclude(pk__in=taken).exclude(Exists(dismissed))

    def count(self) -> int:
        return self.pending().count()

    def candidates(self, *, limit: int) -> list[Candidate]:
        reasons = dict(PageFeedback.Reason.choices)
        rows = self.pending().select_related("page", "user").order_by("-created_at")[:limit]
        return [
            Candidate(
                key=f"{self.name}:{vote.pk}",
                source_label=GapSource.FEEDBACK.label,
                title=f"{vote.page.title}: {reasons.get(vote.reason, 'not helpful').lower()}",
                detail=vote.comment,
                created_at=vote.created_at,
                person_name=(vote.user.get_full_name() or vote.user.get_username()) if vote.user else _("Anonymous"),
                page_title=vote.page.title,
                page_url=vote.page.url or "",
                page=vote.page,
            )
            for vote in rows
        ]

    def raise_gap(self, object_id: str, *, by: AbstractBaseUser) -> Gap:
        vote = PageFeedback.objects.select_related("page", "user").filter(pk=object_id, helpful=False).first()
        if vote is None or not may_view(vote.page, request_of(by)):
            raise ValidationError(_("That feedback no longer exists."))
        reason = dict(PageFeedback.Reason.choices).get(vote.reason, "not helpful")
        return raise_gap(
            title=f"{vote.page.title}: {reason.lower()}",
            description=vote.comment,
            source=GapSource.FEEDBACK,
            raised_by=vote.user if vote.user and vote.user.is_active else by,
            related_page=vote.page,
            source_object=vote,
        )


register_candidate_source(NotHelpfulFeedback())


def visible_candidates(source: CandidateSource, request: HttpRequest, *, limit: int) -> list[Candidate]:
    """A source's candidates, less those about a page the person looking may not open."""
    return [
        candidate
        for candidate in source.candidates(limit=limit)
        if candidate.page is None or may_view(candidate.page, request)
    ]


def split_key(key: str) -> tuple[CandidateSource, str]:
    name, _sep, object_id = key.partition(":")
    if name not in _sources or parse_id(object_id) is None:
        raise ValidationError(_("“%(key)s” is not a candidate Onramp knows.") % {"key": key})
    return _sources[name], object_id


def raise_candidate(*, key: str, by: AbstractBaseUser) -> Gap:
    source, object_id = split_key(key)
    return source.raise_gap(object_id, by=by)


def dismiss_candidate(*, key: str, by: AbstractBaseUser, reason: str = "") -> DismissedCandidate:
    split_key(key)
    try:
        with transaction.atomic():
            return DismissedCandidate.objects.create(key=key, dismissed_by=by, reason=reason.strip()[:300])
    except IntegrityError:
        return DismissedCandidate.objects.get(key=key)
