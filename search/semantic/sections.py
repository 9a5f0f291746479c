"""A page cut into the sections its headings make, each embedded on its own: a question about one part of a
long page meets that part's vector, not the average of the whole page.

The first section is the page's title, summary and whatever comes before its first heading; each heading
then starts a section (a heading straight after another joins it). Every section's text starts with the
page's title, so "Eligibility" on the parental leave page reads as parental leave's eligibility. A section
longer than the model reads (256 word pieces, about 180 words) is cut into parts at paragraph ends."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page

from search.page_text import block_paragraphs, plain, summary_of

# About 256 word pieces of ordinary English prose, title included.
MAX_WORDS = 170
# Enough for the longest handbook pages; the rest of a very long page is left to BM25.
MAX_SECTIONS = 40


@dataclass(frozen=True)
class Section:
    position: int
    heading: str
    text: str


def chunks(paragraphs: list[str], limit: int) -> list[list[str]]:
    """Consecutive paragraphs grouped so each group has at most `limit` words (a longer paragraph alone)."""
    groups: list[list[str]] = [[]]
    words = 0
    for paragraph in paragraphs:
        size = len(paragraph.split())
        if groups[-1] and words + size > limit:
            groups.append([])
            words = 0
        groups[-1].append(paragraph)
        words += size
    return [group for group in groups if group]


def sections_of(page: Page) -> list[Section]:
    """The page's sections in order, at most MAX_SECTIONS; a page with no text at all has its title alone."""
    title = page.title.strip()
    opening = [text for text in [summary_of(page), plain(getattr(page, "intro", "") or "")] if text]
    parts: list[tuple[str, list[str]]] = [("", opening)]
    body = getattr(page, "body", None) or []
    for block in body:
        if block.block_type == "heading":
            heading = plain(block.value["text"])
            if parts[-1][0] and not parts[-1][1]:
                parts[-1] = (f"{parts[-1][0]}: {heading}", [])
            else:
                parts.append((heading, []))
        else:
            parts[-1][1].extend(block_paragraphs(block))
    found: list[Section] = []
    for heading, paragraphs in parts:
        label = f"{title} — {heading}" if heading else title
        if not paragraphs:
            if heading or not found and len(parts) == 1:
                found.append(Section(len(found), heading, label))
            continue
        budget = max(MAX_WORDS - len(label.split()), 40)
        for group in chunks(paragraphs, budget):
            found.append(Section(len(found), heading, f"{label}. {' '.join(group)}"))
    return found[:MAX_SECTIONS]
