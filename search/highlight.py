"""Snippets for results: the part of a page's text that best matches the question, with the matching
words marked. The text is escaped first, so nothing a page says can become markup."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.normalise import normalise

SNIPPET_CHARS = 220
WORD = re.compile(r"\w+", re.UNICODE)


def fold(word: str) -> str:
    word = word.casefold()
    return word if word.isascii() else normalise(word)


def matches(word: str, wanted: set[str]) -> bool:
    """A word in the text matches a searched word that it equals or starts (so "invoices" for "invoice")."""
    word = fold(word)
    return word in wanted or any(len(w) >= 4 and word.startswith(w) for w in wanted)


def best_window(text: str, wanted: set[str], size: int) -> tuple[int, int]:
    hits = [m.start() for m in WORD.finditer(text) if matches(m.group(), wanted)]
    if not hits:
        return 0, min(len(text), size)
    best_start, best_count = hits[0], 0
    right = 0
    for left, start in enumerate(hits):
        while right < len(hits) and hits[right] < start + size:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    start = max(0, best_start - size // 5)
    # Start at a word boundary.
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 30 else start
    return start, min(len(text), start + size)


def highlight(text: str, words: list[str], *, size: int = SNIPPET_CHARS) -> SafeString:
    """The best `size` characters of `text` for `words`, escaped, with each match in <mark>."""
    text = " ".join((text or "").split())
    from search.backends.fts5 import MIN_PREFIX, stem

    wanted = {normalise(w) for w in words if normalise(w)}
    wanted |= {stem(w) for w in wanted if len(stem(w)) >= MIN_PREFIX}
    start, end = best_window(text, wanted, size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + size // 2 else end
    window = text[start:end]
    parts = []
    position = 0
    for match in WORD.finditer(window):
        if matches(match.group(), wanted):
            parts.append(escape(window[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(window[position:]))
    html = "".join(parts)
    return mark_safe(("… " if start > 0 else "") + html + (" …" if end < len(text) else ""))  # noqa: S308
