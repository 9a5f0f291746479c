"""The readable text of a wiki page, for snippets and for the Elasticsearch documents."""

from __future__ import annotations

from html import unescape as unescape_entities

from django.utils.html import strip_tags

from wagtail.models import Page


def summary_of(page: Page) -> str:
    summary = getattr(page, "summary", "") or page.search_description or ""
    return " ".join(unescape_entities(strip_tags(str(summary))).split())


def headings_of(page: Page) -> list[str]:
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [block.value["text"] for block in body if block.block_type == "heading"]


def body_text_of(page: Page) -> str:
    """All the searchable text of the page's body, headings included, as plain text."""
    body = getattr(page, "body", None)
    if body is None:
        return ""
    pieces = body.stream_block.get_searchable_content(body)
    return " ".join(" ".join(unescape_entities(strip_tags(str(piece))).split()) for piece in pieces if piece)


def snippet_source(page: Page) -> str:
    return " ".join(part for part in [summary_of(page), body_text_of(page)] if part)
