"""The readable text of a wiki page, for snippets, for judging whether a page answers a question, and for the
Elasticsearch documents.

A page's body is a stream of blocks whose labels (a heading's "Section", a callout's "Tip", a step's screen)
are not prose: the body text here is made of the blocks' own sentences only, each paragraph or list item on
its own, so a snippet never glues a label or a heading to the sentence after it."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html import unescape as unescape_entities

from django.utils.html import strip_tags

from wagtail.models import Page

from onramp.stemming import stem
from search.highlight import folded_words
from search.normalise import text_words

# Block-level ends in rich text: each paragraph, list item and line stands alone.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|div|tr|td|th)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
# Headings inside rich text are headings, not sentences.
RICH_TEXT_HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.IGNORECASE | re.DOTALL)
# A sentence ends at . ! or ? followed by a space and a capital, digit or quote, unless the dot closes a
# common abbreviation ("e.g. SAP", "approx. 30").
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'(\[A-Z0-9])")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "no.", "cf.", "dr.", "mr.", "ms.", "mrs.")
# A table cell is taken as a sentence only when it has at least this many words (not a label such as "Yes").
TABLE_CELL_WORDS = 4


def plain(html_or_text: str) -> str:
    return " ".join(unescape_entities(strip_tags(str(html_or_text))).split())


def summary_of(page: Page) -> str:
    summary = getattr(page, "summary", "") or page.search_description or ""
    return plain(summary)


def headings_of(page: Page) -> list[str]:
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [block.value["text"] for block in body if block.block_type == "heading"]


def rich_text_paragraphs(html: str) -> list[str]:
    html = RICH_TEXT_HEADING.sub("\n", str(html))
    return [text for piece in BLOCK_END.sub("\n", html).split("\n") if (text := plain(piece))]


def table_cells(value) -> list[str]:
    rows = (value or {}).get("data") or [] if isinstance(value, dict) else []
    cells = [plain(cell) for row in rows for cell in (row or []) if cell]
    return [cell for cell in cells if len(cell.split()) >= TABLE_CELL_WORDS]


def source_of(rich_text) -> str:
    return getattr(rich_text, "source", rich_text) or ""


def block_paragraphs(block) -> list[str]:
    """The prose of one body block, a paragraph or list item at a time; labels, screens and code left out."""
    kind, value = block.block_type, block.value
    if kind == "text":
        return rich_text_paragraphs(source_of(value))
    if kind == "callout":
        return rich_text_paragraphs(source_of(value["text"]))
    if kind == "steps":
        return [text for step in value["steps"] for text in rich_text_paragraphs(source_of(step["text"]))]
    if kind == "table":
        return table_cells(value["table"])
    return []


def body_paragraphs(page: Page) -> list[str]:
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [text for block in body for text in block_paragraphs(block)]


def split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    for piece in SENTENCE_END.split(paragraph):
        if sentences and sentences[-1].casefold().endswith(ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def body_sentences(page: Page) -> list[str]:
    """The sentences of the page's body, in order; a paragraph or list item never runs into the next."""
    return [sentence for paragraph in body_paragraphs(page) for sentence in split_sentences(paragraph)]


def code_of(page: Page) -> list[str]:
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [plain(block.value["code"]) for block in body if block.block_type == "code" and block.value["code"]]


def body_text_of(page: Page) -> str:
    """The body as plain text, without headings or block labels: its prose, then any code it shows (a
    transaction code or a query is worth finding, though never a snippet)."""
    return " ".join([*body_paragraphs(page), *code_of(page)])


def topic_names_of(page: Page) -> list[str]:
    topics = getattr(page, "topics", None)
    return [topic.name for topic in topics.all()] if topics is not None else []


def answer_text_of(page: Page, *, topic_names: list[str] | None = None) -> str:
    """Everything a reader sees as the page's answer: title, summary, topics, headings and body."""
    names = topic_names if topic_names is not None else topic_names_of(page)
    intro = plain(getattr(page, "intro", "") or "")
    return " ".join(
        part for part in [page.title, summary_of(page), intro, *names, *headings_of(page), body_text_of(page)] if part
    )


def snippet_source(page: Page) -> str:
    return " ".join(part for part in [summary_of(page), body_text_of(page)] if part)


@dataclass(frozen=True)
class PageText:
    """What Ask reads of a page to judge whether it answers and to cut its snippet, read once from the page's
    blocks (parsing a body costs more than matching it), so that it can be kept (search.shown_pages)."""

    pk: int
    title: str
    summary: str
    topic_names: tuple[str, ...]
    headings: tuple[str, ...]
    sentences: tuple[str, ...]
    # The stems of the words of the title, summary and topics together, and of each heading and sentence:
    # what the verdict matches a question's stems against (search.answerability).
    # Each once, as tuples (smaller than sets; a sentence has few words).
    head_stems: tuple[str, ...]
    passage_stems: tuple[tuple[str, ...], ...]
    # Each sentence's words as snippets compare them (search.highlight.folded_words).
    sentence_words: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, page: Page) -> PageText:
        title, summary, topic_names = page.title, summary_of(page), tuple(topic_names_of(page))
        headings, sentences = tuple(headings_of(page)), tuple(body_sentences(page))
        return cls(
            pk=page.pk,
            title=title,
            summary=summary,
            topic_names=topic_names,
            headings=headings,
            sentences=sentences,
            head_stems=stems_of(" ".join([title, summary, *topic_names])),
            passage_stems=tuple(stems_of(text) for text in (*headings, *sentences)),
            sentence_words=tuple(tuple(map(sys.intern, folded_words(sentence))) for sentence in sentences),
        )


def stems_of(text: str) -> tuple[str, ...]:
    # Interned: kept pages share each stem's one string (search.shown_pages).
    return tuple(dict.fromkeys(sys.intern(stem(word)) for word in text_words(text)))
