from django import template

from wagtail.models import Page, Site

from wiki.models import ProcessPage
from wiki.visibility import viewable

register = template.Library()


@register.simple_tag(takes_context=True)
def process_tree(context) -> list[ProcessPage]:
    """The top two levels of the process tree (areas and their processes), in one query, for navigation."""
    request = context["request"]
    tree = getattr(request, "_onramp_process_tree", None)
    if tree is not None:
        return tree
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    pages = (
        viewable(
            ProcessPage.objects.descendant_of(root).live().filter(depth__in=[root.depth + 1, root.depth + 2]),
            request,
        )
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path")
    )
    areas: list[ProcessPage] = []
    for page in pages:
        if page.depth == root.depth + 1:
            page.nav_children = []
            areas.append(page)
        elif areas and page.path.startswith(areas[-1].path):
            areas[-1].nav_children.append(page)
    request._onramp_process_tree = areas
    return areas


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page) -> list[Page]:
    """The page's ancestors below the site's home page."""
    site = Site.find_for_request(context["request"])
    depth = site.root_page.depth if site else 2
    return list(page.get_ancestors().filter(depth__gt=depth).only("id", "title", "url_path", "path", "depth"))


@register.filter
def is_current_section(page: Page, current: Page | None) -> bool:
    return current is not None and current.path.startswith(page.path)


@register.simple_tag
def topic_owners(topics) -> list:
    from wiki.related import owners_of_topic_pages

    return owners_of_topic_pages(list(topics))
