"""Wagtail's API v3 (pages, at /api/v3/) read by Onramp's rules of who sees which page.

Out of the box its reads answer an anonymous caller with every live page that has no view restriction, and a
caller with a token with the pages they may edit in the admin, drafts and restricted sections included: Onramp
is internal, and a restricted page's title reaches nobody outside its group (wiki.visibility). Here a caller
needs a token; they read the live pages they may open, and the pages they may edit that they may open (drafts,
`version=draft` and revisions: the admin's view of them, for the people the admin shows it to).

Wagtail 8 offers no setting or hook for this queryset, so the pages router is pointed at `readable_pages` once,
when the URLs are loaded (api/urls.py), through onramp/wagtail_compat.py, which fails loudly if an upgrade
changes how the router reads pages."""

from __future__ import annotations

from http import HTTPStatus

from ninja.errors import HttpError

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest

from wagtail.api import querysets as public_querysets
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.models import Page
from wagtail.query import PageQuerySet

from onramp.wagtail_compat import read_pages_api_through
from wiki.visibility import viewable


def readable_pages(request: HttpRequest, model=Page) -> PageQuerySet:
    """The pages a caller of the pages API may read (see the module's docstring); anonymous callers none (401)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    editable = viewable(v3_querysets.get_pages_queryset(request, model), request)
    if request.GET.get("version") == "draft":
        # A draft is for the people who may edit the page, never for every reader of its live version.
        pages = editable
    else:
        try:
            live = viewable(public_querysets.get_public_pages_queryset(request, model), request)
        except ValueError as error:  # ?site= named more than one site
            raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from error
        pages = model._default_manager.filter(Q(pk__in=live.values("pk")) | Q(pk__in=editable.values("pk")))
    return pages.select_related("content_type", "locale").order_by("pk")


def use_onramp_page_rules() -> None:
    read_pages_api_through(readable_pages)
