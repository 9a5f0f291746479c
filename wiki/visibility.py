"""Which pages a person may see in listings: Wagtail checks a page's view restrictions when it is served,
listings must leave out whole restricted sections the person cannot open."""

from django.http import HttpRequest

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def viewable(pages: PageQuerySet, request: HttpRequest) -> PageQuerySet:
    restrictions = getattr(request, "_onramp_restrictions", None)
    if restrictions is None:
        restrictions = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        request._onramp_restrictions = restrictions
    for restriction in restrictions:
        if not restriction.accept_request(request):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages
