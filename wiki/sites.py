"""The site a request is for, with its home page as its specific type, cached on the wiki's generation:
Wagtail reads both for every page served (two queries), and they are the same for every reader. A site
saved or deleted moves the generation on, as a page does."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port

from wagtail.models import Site

from onramp import page_generation


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` finds, read once per host and generation."""
    hostname = split_domain_port(request._get_raw_host())[0]
    name = f"wiki:site:{hostname}:{request.get_port()}"
    # Stored as a one-item list: a request for no site caches None too.
    return page_generation.cached(name, lambda: [_with_specific_root(Site._find_for_request(request))])[0]


def _with_specific_root(site: Site | None) -> Site | None:
    if site is not None:
        site.root_page.specific  # noqa: B018 - kept on the cached site (a cached property)
    return site


class CachedSiteMiddleware:
    """Sets the request's site (Wagtail's `request._wagtail_site`) from `site_for_request`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(**kwargs) -> None:
    page_generation.bump()
