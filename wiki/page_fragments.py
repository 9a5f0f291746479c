"""Parts of a page that are the same for every reader who may open it, rendered once and cached: an
article's body (its blocks, with the people a "who to ask" block names).

Only readers who may open the page reach these (Wagtail checks the page's view restrictions before serving
it), and a body names no other page's title (a link in rich text shows the words its editor wrote), so one
entry per page serves all of them. Entries are keyed on the page's revision and on the wiki's generation
(`onramp.page_generation`): an edit published there, or a page published anywhere (which can change the
people a "who to ask" block names), shows at once. A preview, which shows what is not saved, is never cached."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from onramp import page_generation
from wiki.models import ArticlePage


def article_body_html(page: ArticlePage, request: HttpRequest | None) -> SafeString:
    """The article's body blocks, rendered as `{% include_block %}` renders each one."""

    def render() -> str:
        context = {"request": request, "page": page}
        return "".join(block.render(context={**context, "block_id": block.id}) for block in page.body)

    if getattr(request, "is_preview", False):
        return mark_safe(render())  # noqa: S308 (a preview shows unsaved content: never cached)
    name = f"wiki:article-body:{page.pk}:{page.latest_revision_id}:{page.live}:lang={get_language()}"
    return mark_safe(page_generation.cached(name, render))  # noqa: S308 (rendered by the blocks' templates)
