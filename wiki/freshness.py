"""Whether a page can still be trusted: verification state, due dates, and verifying a page."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from onramp import page_generation
from wiki.signals import page_verified

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.db.models import QuerySet

    from wiki.models import OwnedPage, PageVerification


class Freshness(enum.StrEnum):
    """What a page's badge says. A page nobody has confirmed since it was published is *unverified* until it
    falls due; a known issue (an open gap or revision task on the page) outranks every other state."""

    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    DUE = "due"
    STALE = "stale"
    KNOWN_ISSUE = "known-issue"

    @property
    def label(self) -> str:
        return {
            Freshness.UNVERIFIED: _("Unverified"),
            Freshness.VERIFIED: _("Verified"),
            Freshness.DUE: _("Due for verification"),
            Freshness.STALE: _("Stale"),
            Freshness.KNOWN_ISSUE: _("Known issue"),
        }[self]


@dataclass(frozen=True)
class FreshnessState:
    """A page's verification state, and everything its badge and its sentence are made from."""

    state: Freshness
    # Where the page stands against its interval alone (unverified, verified, due or stale), known issue or not.
    timing: Freshness
    due_at: datetime
    last_verified_at: datetime | None
    days_overdue: int
    days_left: int

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def known_issue(self) -> bool:
        return self.state == Freshness.KNOWN_ISSUE

    @property
    def ever_verified(self) -> bool:
        return self.last_verified_at is not None

    @property
    def is_overdue(self) -> bool:
        return self.timing in (Freshness.DUE, Freshness.STALE)

    @property
    def summary(self) -> str:
        """The badge's label, with the timing when a known issue hides it (for reports and lists of due pages)."""
        if self.known_issue and self.timing != Freshness.VERIFIED:
            return _("%(state)s · %(timing)s") % {"state": self.state.label, "timing": self.timing.label}
        return self.state.label


def stale_after() -> timedelta:
    return timedelta(days=settings.WIKI_STALE_AFTER_OVERDUE_DAYS)


def verification_due_at(
    *, last_verified_at: datetime | None, first_published_at: datetime | None, interval_days: int
) -> datetime:
    """When a page next needs verifying: an interval after its last verification, or after it was
    first published if nobody has verified it yet. Editing does not move this date."""
    start = last_verified_at or first_published_at or timezone.now()
    return start + timedelta(days=interval_days)


def verification_state(
    *,
    due_at: datetime,
    last_verified_at: datetime | None,
    known_issue: bool = False,
    now: datetime | None = None,
) -> FreshnessState:
    """The one rule for a page's verification state: every badge, sentence, report and list asks here.

    Before its due date a page is verified if someone confirmed it, unverified if nobody has since it was
    published; then due for `WIKI_STALE_AFTER_OVERDUE_DAYS`, then stale. An open gap or revision task on the
    page (`known_issue`) makes it a known issue whatever the dates say."""
    now = now or timezone.now()
    if now < due_at:
        timing = Freshness.VERIFIED if last_verified_at is not None else Freshness.UNVERIFIED
    elif now < due_at + stale_after():
        timing = Freshness.DUE
    else:
        timing = Freshness.STALE
    return FreshnessState(
        state=Freshness.KNOWN_ISSUE if known_issue else timing,
        timing=timing,
        due_at=due_at,
        last_verified_at=last_verified_at,
        days_overdue=max((now - due_at).days, 0),
        days_left=max((due_at - now).days, 0),
    )


def can_verify(page: OwnedPage, user: AbstractBaseUser) -> bool:
    """The page's owner verifies it; so may anyone allowed to publish it, when the owner is away."""
    if not user.is_authenticated:
        return False
    if page.page_owner_id == user.pk:
        return True
    from wiki.permissions import page_permissions

    return page_permissions(page, user).can_publish()


@transaction.atomic
def verify_page(
    *, page: OwnedPage, user: AbstractBaseUser, note: str = "", now: datetime | None = None
) -> PageVerification:
    """Record that `user` checked `page` and found it still correct. While problems are open on the page
    (gaps, revision tasks, not-helpful votes since the last verification) the note must say why."""
    from wiki.models import PageVerification
    from wiki.problems import open_problems
    from wiki.visibility import request_of

    if not can_verify(page, user):
        raise PermissionDenied(_("Only the page's owner or an editor who can publish it may verify it."))
    note = note.strip()
    problems = open_problems(page, request_of(user))
    if problems and not note:
        raise ValidationError(
            {
                "note": ngettext(
                    "Write a note: %(count)d problem is open on this page, so say why it is still correct.",
                    "Write a note: %(count)d problems are open on this page, so say why it is still correct.",
                    len(problems),
                )
                % {"count": len(problems)}
            }
        )
    verification = PageVerification(page=page, verified_by=user, note=note, verified_at=now or timezone.now())
    verification.full_clean()
    verification.save()
    page.last_verified_at = verification.verified_at
    page.last_verified_by = user
    page.verification_due_at = verification_due_at(
        last_verified_at=page.last_verified_at,
        first_published_at=page.first_published_at,
        interval_days=page.verification_interval_days,
    )
    # Only the verification fields: a plain save would also write draft title or slug changes on the live page.
    type(page).objects.filter(pk=page.pk).update(
        last_verified_at=page.last_verified_at,
        last_verified_by=user,
        verification_due_at=page.verification_due_at,
    )
    page_generation.bump()  # an update sends no signal: the cached page still has the old verification
    page_verified.send(sender=type(page), page=page, verification=verification)
    return verification


def pages_due(*, within_days: int = 0, owner: AbstractBaseUser | None = None, now: datetime | None = None) -> QuerySet:
    """Live owned pages whose verification falls due within `within_days` days (0: due now), most overdue first."""
    from wagtail.models import Page

    now = now or timezone.now()
    pages = owned_pages(Page.objects.live()).filter(due_at__lte=now + timedelta(days=within_days))
    if owner is not None:
        pages = pages.filter(owned_by_id=owner.pk)
    return pages.order_by("due_at", "title")


def owned_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Pages of every owned type, annotated with `due_at`, `owned_by_id` and `verified_at`, so that one query
    can filter and sort across types (each type keeps its verification fields in its own table)."""
    from django.db.models import Q
    from django.db.models.functions import Coalesce

    from wagtail.models import Page, get_page_models

    from wiki.models import OwnedPage

    relations = [model._meta.model_name for model in get_page_models() if issubclass(model, OwnedPage)]
    queryset = queryset if queryset is not None else Page.objects.all()
    has_owned_row = Q()
    for relation in relations:
        has_owned_row |= Q(**{f"{relation}__isnull": False})
    return queryset.filter(has_owned_row).annotate(
        due_at=Coalesce(*[f"{relation}__verification_due_at" for relation in relations]),
        owned_by_id=Coalesce(*[f"{relation}__page_owner_id" for relation in relations]),
        verified_at=Coalesce(*[f"{relation}__last_verified_at" for relation in relations]),
    )
