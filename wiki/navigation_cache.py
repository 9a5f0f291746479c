"""The navigation tree, cached: the areas and processes a reader may see, as values and as the rendered
list, shared by every reader who may see the same pages.

What a reader may see differs only by the sections closed to them (`wiki.visibility.closed_sections`), so the
entries are keyed by those sections (and the site, the language, and which tree entry is the page being
shown); two readers with the same closed sections see the same tree. Entries are keyed on the wiki's
generation too (`onramp.page_generation`): a page published, unpublished, moved or deleted changes the tree
at once."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from onramp import page_generation
from wiki.visibility import closed_sections_key

TEMPLATE = "includes/process_tree.html"


def readers_key(request: HttpRequest, site: Site) -> str:
    """What the tree depends on besides the pages: the site and the sections closed to the reader."""
    return f"site={site.pk}:closed={closed_sections_key(request)}"


def tree_rows(request: HttpRequest, site: Site, compute: Callable[[], list], *, part: str = "rows") -> list:
    """The tree's `part` (its rows, or a part computed from them) as the reader may see it."""
    return page_generation.cached(f"wiki:process-tree:{part}:{readers_key(request, site)}", compute)


def navigation_html(request: HttpRequest, current: Page | None) -> SafeString:
    """The navigation's list of areas and processes, marking the one being shown."""
    from wiki.models import ProcessPage
    from wiki.navigation import process_tree

    site = Site.find_for_request(request)
    if site is None:
        return mark_safe("")  # noqa: S308 (an empty string)
    current_id = 0
    # Only processes are in the tree: for any other page (an article) the tree is read only to render it.
    if isinstance(current, ProcessPage):
        areas = process_tree(request)
        shown = {area.id for area in areas} | {process.id for area in areas for process in area.children}
        current_id = current.pk if current.pk in shown else 0
    name = f"wiki:process-nav:{readers_key(request, site)}:lang={get_language()}:current={current_id}"
    html = page_generation.cached(
        name, lambda: render_to_string(TEMPLATE, {"areas": process_tree(request), "current_id": current_id})
    )
    return mark_safe(html)  # noqa: S308 (rendered by a template, which escapes)
