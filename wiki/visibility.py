"""Which pages a person may see. Wagtail checks a page's view restrictions when it is served; everything
else that lists or names pages (listings, pickers, gaps and tasks about a page) asks here, so the title of
a page restricted to a group never reaches anyone outside it.

A restriction closes the page and everything below it; the rules come from Wagtail's own
`PageViewRestriction.accept_request`."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

HIDDEN_PAGE = "a page you cannot open"


def closed_sections(request: HttpRequest) -> list[Page]:
    """The roots of the sections `request` may not open, read once per request."""
    sections = getattr(request, "_onramp_closed_sections", None)
    if sections is None:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        sections = [restriction.page for restriction in restrictions if not restriction.accept_request(request)]
        request._onramp_closed_sections = sections
    return sections


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
