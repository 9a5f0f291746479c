"""The query log: what people asked, what it found, what they opened and whether it answered them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onramp.params import local_path, parse_id
from search.models import AskedText, LoggedQuery

if TYPE_CHECKING:
    from search.ask import AskResults

CLICK_KINDS = {"page", "person", "gap"}


def asked_text_for(normalised: str, example: str) -> AskedText:
    asked = AskedText.objects.filter(normalised=normalised).first()
    if asked is not None:
        if asked.example != example:
            AskedText.objects.filter(pk=asked.pk).update(example=example)
        return asked
    try:
        with transaction.atomic():
            return AskedText.objects.create(normalised=normalised, example=example)
    except IntegrityError:  # someone asked the same at the same moment
        return AskedText.objects.get(normalised=normalised)


@transaction.atomic
def log_results(results: AskResults, *, user: AbstractBaseUser | None, filters: dict) -> LoggedQuery | None:
    """Records the search an Ask answer came from: the Ask page, the API and chat log alike."""
    return log_query(
        text=results.query.text,
        normalised=results.query.normalised,
        user=user,
        backend=results.backend,
        filters=filters,
        page_count=results.page_count,
        people_count=len(results.people),
        gap_count=len(results.gaps),
    )


def log_query(
    *,
    text: str,
    normalised: str,
    user: AbstractBaseUser | None,
    backend: str,
    filters: dict,
    page_count: int,
    people_count: int,
    gap_count: int,
) -> LoggedQuery | None:
    """Records one search; returns None for searches with nothing to record (empty or only symbols)."""
    if not normalised:
        return None
    return LoggedQuery.objects.create(
        asked=asked_text_for(normalised[:300], text[:300]),
        text=text[:300],
        user=user if user is not None and user.is_authenticated else None,
        backend=backend,
        filters=filters,
        page_count=page_count,
        people_count=people_count,
        gap_count=gap_count,
    )


def query_of(query_id: int | str, user: AbstractBaseUser) -> LoggedQuery:
    """The logged query `user` made; another person's query is as good as missing."""
    pk = parse_id(query_id)
    query = LoggedQuery.objects.filter(pk=pk, user=user).first() if pk is not None else None
    if query is None:
        raise ValidationError(_("That search is not one of yours, or it no longer exists."))
    return query


def record_click(*, query: LoggedQuery, url: str, kind: str) -> str:
    """Records what was opened from the results and returns where to send the person (a local URL only)."""
    if kind not in CLICK_KINDS:
        raise ValidationError({"kind": _("“%(kind)s” is not a kind of result.") % {"kind": kind}})
    if local_path(url) is None:
        raise ValidationError({"url": _("Only links to pages of Onramp can be followed from search.")})
    if not query.clicked_url:
        LoggedQuery.objects.filter(pk=query.pk).update(
            clicked_url=url[:500], clicked_kind=kind, clicked_at=timezone.now()
        )
    return url


def record_answer(*, query: LoggedQuery, answered: bool) -> LoggedQuery:
    query.answered = answered
    query.save(update_fields=["answered"])
    return query
