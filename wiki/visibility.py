"""Which pages a person may see. Wagtail checks a page's view restrictions when it is served; everything
else that lists or names pages (listings, pickers, gaps and tasks about a page) asks here, so the title of
a page restricted to a group never reaches anyone outside it.

A restriction closes the page and everything below it; the rules come from Wagtail's own
`PageViewRestriction.accept_request`.

The restrictions, and the sections closed to each reader, are cached on the wiki's generation and the access
generation (`onramp.page_generation.ACCESS`), which a restriction, a group, a permission or someone joining or
leaving a group moves on: the same for every request by the same person until one of those changes."""

from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from onramp import page_generation
from onramp.page_generation import ACCESS

HIDDEN_PAGE = "a page you cannot open"


def view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page and groups (few, and the same for everyone)."""
    return page_generation.cached(
        f"wiki:view-restrictions:access={ACCESS.current()}",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups").order_by("pk")),
    )


def closed_sections(request: HttpRequest) -> list[Page]:
    """The roots of the sections `request` may not open, read once per request."""
    sections = getattr(request, "_onramp_closed_sections", None)
    if sections is None:
        sections = _closed_sections(request)
        request._onramp_closed_sections = sections
    return sections


def closed_sections_key(request: HttpRequest) -> str:
    """The sections closed to `request`, as part of a cache key: readers with the same key see the same pages."""
    return ",".join(str(section.pk) for section in sorted(closed_sections(request), key=lambda page: page.pk))


def _closed_sections(request: HttpRequest) -> list[Page]:
    restrictions = view_restrictions()
    if not restrictions:
        return []
    # Everything `accept_request` reads: who the person is and their groups (the access generation), and the
    # password restrictions passed in this session.
    user = request.user
    session = getattr(request, "session", None)  # a request made in code may have none
    passed = sorted(session.get(PageViewRestriction.passed_view_restrictions_session_key, [])) if session else []
    reader = f"{user.pk}:{user.is_authenticated}:{user.is_superuser}:passed={passed}"
    return page_generation.cached(
        f"wiki:closed-sections:access={ACCESS.current()}:{reader}",
        lambda: [restriction.page for restriction in restrictions if not restriction.accept_request(request)],
    )


def restriction_ids_on(page: Page, compute: Callable[[], list[int]]) -> list[int]:
    """The ids of the view restrictions on `page` and its ancestors, `compute()`d once per page (Wagtail's
    `get_view_restrictions`, which reads the ancestors); none without reading anything while no page has one."""
    if not view_restrictions():
        return []
    return page_generation.cached(f"wiki:restrictions-on:{page.pk}:access={ACCESS.current()}", compute)


def viewable(pages: PageQuerySet, request: HttpRequest) -> PageQuerySet:
    for section in closed_sections(request):
        pages = pages.not_descendant_of(section, inclusive=True)
    return pages


def may_view(page: Page | None, request: HttpRequest) -> bool:
    """Whether `request` may open `page`; no page, nothing to show."""
    if page is None:
        return False
    return not any(page.path.startswith(section.path) for section in closed_sections(request))


def request_of(user: AbstractBaseUser) -> HttpRequest:
    """A request by `user` without a session, to ask the rules above outside a request (a notification):
    pages behind a password stay closed, since nobody typed it."""
    request = HttpRequest()
    request.user = user
    request.session = {}
    return request
