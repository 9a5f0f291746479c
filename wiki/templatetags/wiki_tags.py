from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from onramp import page_generation
from wiki import navigation
from wiki.permissions import page_permissions
from wiki.visibility import may_view

register = template.Library()


@register.simple_tag(takes_context=True)
def process_tree(context) -> list[navigation.NavItem]:
    """`{% process_tree as areas %}`: the navigation's areas and their processes (wiki.navigation)."""
    return navigation.process_tree(context["request"])


@register.simple_tag(takes_context=True)
def process_nav(context, page=None) -> str:
    """`{% process_nav page %}`: the navigation's list of areas and processes, `page` marked as the current
    one, rendered once for every reader who may see the same pages (wiki.navigation_cache)."""
    from wiki.navigation_cache import navigation_html

    return navigation_html(context["request"], page)


@register.tag
def shared_fragment(parser, token):
    """`{% shared_fragment "name" page.pk page.latest_revision_id %}…{% endshared_fragment %}`: what is inside,
    rendered once for every reader and cached on the wiki's generation under the name and the values given (and
    the site and the language). Only for what is the same for everyone who may open the page: nothing of the
    reader's own (their name, permissions, closed sections, a form's CSRF token). A preview is never cached."""
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, vary_on)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        named = ":".join(str(value.resolve(context)) for value in self.vary_on)
        name = f"wiki:fragment:{named}:site={site.pk if site else 0}:lang={get_language()}"
        return mark_safe(page_generation.cached(name, lambda: self.nodelist.render(context)))  # noqa: S308 (a template's output)


@register.simple_tag(takes_context=True)
def article_body(context, page) -> str:
    """`{% article_body page %}`: the article's body blocks, rendered once for all its readers
    (wiki.page_fragments)."""
    from wiki.page_fragments import article_body_html

    return article_body_html(page, context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page) -> list[Page]:
    """The page's ancestors below the site's home page, cached on the wiki's generation: the same for everyone
    who may open the page, since a section closed to a reader closes every page below it."""
    site = Site.find_for_request(context["request"])
    depth = site.root_page.depth if site else 2
    return page_generation.cached(
        f"wiki:breadcrumbs:{page.pk}:below={depth}",
        lambda: list(page.get_ancestors().filter(depth__gt=depth).only("id", "title", "url_path", "path", "depth")),
    )


@register.simple_tag
def page_topics(page: Page) -> list:
    """`{% page_topics page as topics %}`: the page's topics, cached on the wiki's generation (which a page's
    topics changing moves on)."""
    return page_generation.cached(f"wiki:page-topics:{page.pk}", lambda: list(page.topics.all()))


@register.filter
def visible_to(page: Page | None, request) -> bool:
    """`{% if page|visible_to:request %}`: whether the page may be named to whoever made the request."""
    return may_view(page, request)


@register.simple_tag
def topic_owners(topics) -> list:
    from wiki.related import owners_of_topic_pages

    return owners_of_topic_pages(list(topics))


@register.simple_tag(takes_context=True)
def page_edit_url(context, page=None) -> str:
    """`{% page_edit_url page as edit_url %}`: the page's edit view in the admin, or "" when whoever made the
    request may not edit it (Wagtail's page permissions), so the Edit button and userbar show to editors only."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(page, Page) or user is None or not user.is_authenticated:
        return ""
    if not user.has_perm("wagtailadmin.access_admin") or not page_permissions(page, user).can_edit():
        return ""
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@register.filter
def with_known_issues(pages) -> list:
    """`{% for page in pages|with_known_issues %}`: the pages, each knowing whether it has a known issue, read
    for all of them in one query, so a list of badges costs the same whatever its length."""
    from wiki.problems import mark_known_issues

    return mark_known_issues(pages)
