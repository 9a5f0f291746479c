from dataclasses import dataclass, field

from django import template

from wagtail.models import Page, Site

from wiki.models import ProcessPage
from wiki.visibility import may_view, viewable

register = template.Library()


@dataclass
class NavItem:
    id: int
    title: str
    url: str
    children: list["NavItem"] = field(default_factory=list)


@register.simple_tag(takes_context=True)
def process_tree(context) -> list[NavItem]:
    """The top two levels of the process tree (areas and their processes), in one query, for navigation.

    Read as plain values: building a page object for each of a few hundred processes costs more than
    the query."""
    request = context["request"]
    tree = getattr(request, "_onramp_process_tree", None)
    if tree is not None:
        return tree
    site = Site.find_for_request(request)
    if site is None:
        return []
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
    request._onramp_process_tree = areas
    return areas


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page) -> list[Page]:
    """The page's ancestors below the site's home page."""
    site = Site.find_for_request(context["request"])
    depth = site.root_page.depth if site else 2
    return list(page.get_ancestors().filter(depth__gt=depth).only("id", "title", "url_path", "path", "depth"))


@register.filter
def visible_to(page: Page | None, request) -> bool:
    """`{% if page|visible_to:request %}`: whether the page may be named to whoever made the request."""
    return may_view(page, request)


@register.simple_tag
def topic_owners(topics) -> list:
    from wiki.related import owners_of_topic_pages

    return owners_of_topic_pages(list(topics))
