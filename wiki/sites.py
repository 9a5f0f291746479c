"""Page requests find their site, and its home page as its own type, in the cache: Wagtail reads both from the
database for every page it serves (two queries), though they are the same for every request to the same
host. Only page requests (Wagtail's serve view, wiki/urls.py, and Ask) look for a site at all, as with Wagtail
alone.

Cached on the wiki's generation (`onramp.page_generation`), which a site saved or deleted, or its home page
published, moves on."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from wagtail import views as wagtail_views
from wagtail.models import Site

from onramp import page_generation
from onramp.wagtail_compat import find_site, use_request_site


def page_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`view` with the request's site found in the cache, and its response rendered inside, reading the
    generations of the caches it uses once (`page_generation.read_once`): for views that show the wiki's
    pages around them (Wagtail's page view, Ask)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with page_generation.read_once():
            use_request_site(request, cached_site)
            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)):
                response.render()
        return response

    return wrapped


serve = page_view(wagtail_views.serve)


def cached_site(hostname: str, port: int) -> Site | None:
    # A one-item list: a host no site serves caches None too.
    return page_generation.cached(f"wiki:site:{hostname}:{port}", lambda: [_with_home_page(find_site(hostname, port))])[
        0
    ]


def _with_home_page(site: Site | None) -> Site | None:
    if site is not None:
        site.root_page.specific  # noqa: B018 - read now, so the cached site carries it (a cached property)
    return site
