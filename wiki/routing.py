"""Finding the page a URL names without walking the tree: Wagtail's `Page.route` reads each level of the path
(a child by slug, then its specific page) on every request, two queries a level. Which page a path names is
the same for every reader, so the page's id is cached on the wiki's generation (`onramp.page_generation`,
changed when a page is saved, published, moved or deleted), and so is the live page itself, with its owners
(the generation moves on when a person's account or profile changes too); whether the reader may open the
page is decided after routing, as before (Wagtail's view restrictions)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from onramp import page_generation

# Stored when a path names no page that plain routing can cache: the tree is walked as Wagtail does.
WALK = 0


def route(root: Page, request: HttpRequest, path_components: list[str]) -> RouteResult:
    """The page `path_components` names below `root`, as `Page.route` finds it."""
    if not path_components:
        return Page.route(root, request, path_components)
    name = f"wiki:route:{root.pk}:{'/'.join(path_components)}"
    found = page_generation.cached(name, lambda: _plain_route(root, request, path_components))
    if found != WALK:
        content_type_id, page_id = found
        page = page_generation.cached(f"wiki:routed-page:{page_id}", lambda: [_live_page(content_type_id, page_id)])[0]
        if page is not None and page.url_path == f"{root.url_path}{'/'.join(path_components)}/":
            return RouteResult(page)
    return Page.route(root, request, path_components)


def _plain_route(root: Page, request: HttpRequest, path_components: list[str]) -> tuple[int, int] | int:
    """The content type and id of the live page the path names by slugs alone, or WALK when a page on the way
    routes on its own (a page type overriding `route`) or the path names no live page."""
    try:
        result = Page.route(root, request, path_components)
    except Http404:
        return WALK
    page, args, kwargs = result
    expected = f"{root.url_path}{'/'.join(path_components)}/"
    if args or kwargs or type(page).route is not Page.route or page.url_path != expected:
        return WALK
    return (page.content_type_id, page.pk)


def _live_page(content_type_id: int, page_id: int) -> Page | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _with_owners(model.objects.live()).filter(pk=page_id).first() if model is not None else None


def _with_owners(pages: QuerySet) -> QuerySet:
    """The owner card names the page's owner and process owner from their profiles: read with the page."""
    owners = [f"{field}__profile" for field in ("page_owner", "process_owner") if _has_field(pages.model, field)]
    return pages.select_related(*owners) if owners else pages


def _has_field(model: type, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
