"""The process tree as navigation: areas and their processes, as plain values."""

from dataclasses import dataclass, field

from django.http import HttpRequest

from wagtail.models import Site

from wiki.models import ProcessPage
from wiki.navigation_cache import tree_rows
from wiki.visibility import viewable


@dataclass
class NavItem:
    id: int
    title: str
    url: str
    children: list["NavItem"] = field(default_factory=list)


def process_tree(request: HttpRequest) -> list[NavItem]:
    """The top two levels of the process tree (areas and their processes) that whoever made the request may
    see, in one query, computed once a request (the navigation and Ask's area filter both show it) and
    cached for every reader who may see the same sections until a page changes (wiki.navigation_cache).

    Read as plain values: building a page object for each of a few hundred processes costs more than
    the query."""
    tree = getattr(request, "_onramp_process_tree", None)
    if tree is not None:
        return tree
    site = Site.find_for_request(request)
    if site is None:
        return []
    areas = tree_rows(request, site, lambda: read_tree(request, site))
    request._onramp_process_tree = areas
    return areas


def read_tree(request: HttpRequest, site: Site) -> list[NavItem]:
    root = site.root_page
    rows = (
        viewable(
            ProcessPage.objects.descendant_of(root).live().filter(depth__in=[root.depth + 1, root.depth + 2]),
            request,
        )
        .order_by("path")
        .values_list("id", "title", "depth", "url_path")
    )
    areas: list[NavItem] = []
    for page_id, title, depth, url_path in rows:
        item = NavItem(id=page_id, title=title, url="/" + url_path[len(root.url_path) :])
        if depth == root.depth + 1:
            areas.append(item)
        elif areas:
            areas[-1].children.append(item)
    return areas


def area_choices(request: HttpRequest) -> list[tuple[int, str]]:
    """The top-level process areas the person may see, as (id, title) choices: the navigation's own list, kept
    on its own (Ask shows only the areas, and reading the whole tree back costs more than its query)."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return tree_rows(
        request, site, lambda: [(area.id, area.title) for area in process_tree(request)], part="area-choices"
    )
