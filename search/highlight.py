"""Snippets for results: the sentences of a page's body that best match the question, with the matching
words marked. The text is escaped first, so nothing a page says can become markup."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from onramp.stemming import stem
from search.normalise import normalise

SNIPPET_CHARS = 220
SENTENCE_ENDS = (".", "!", "?", ":", ";", "…")
MIN_PREFIX = 4  # a stem shorter than this matches too many words to stand for the start of one
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


def wanted_forms(words: list[str]) -> set[str]:
    """The searched words and their stems: a word of a text matches when it equals or starts with one."""
    wanted = {normalise(w) for w in words if normalise(w)}
    return wanted | {stem(w) for w in wanted if len(stem(w)) >= MIN_PREFIX}


def words_matched(text: str, wanted: set[str]) -> set[str]:
    """Which of `wanted` the text has (as a whole word or the start of one)."""
    found = set()
    for match in WORD.finditer(text):
        word = fold(match.group())
        found |= {w for w in wanted if word == w or (len(w) >= 4 and word.startswith(w))}
    return found


def folded_words(text: str) -> tuple[str, ...]:
    """The text's words as `words_matched` compares them, each once, sorted (see `words_matched_in`)."""
    return tuple(sorted({fold(match.group()) for match in WORD.finditer(text)}))


def words_matched_in(words: Sequence[str], wanted: set[str]) -> set[str]:
    """`words_matched` for a text's `folded_words`: sorted, so the first word from a wanted one on is the wanted
    word itself or the first that starts with it, if any does (found by bisection, not by trying every word)."""
    found = set()
    for w in wanted:
        at = bisect_left(words, w)
        if at < len(words) and (words[at] == w or (len(w) >= 4 and words[at].startswith(w))):
            found.add(w)
    return found


def mark(text: str, wanted: set[str]) -> str:
    parts = []
    position = 0
    for match in WORD.finditer(text):
        if matches(match.group(), wanted):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def sentence_snippet(
    sentences: list[str],
    words: list[str],
    *,
    fallback: str = "",
    size: int = SNIPPET_CHARS,
    sentence_words: Sequence[Sequence[str]] | None = None,
) -> SafeString:
    """The one or two whole sentences that carry most of the question's words, escaped, matches marked.

    Sentences are scored by how many different searched words they carry; a short best sentence is joined by
    the next best one (in page order, with "…" between them when they are apart). A sentence longer than
    `size` is cut around its matches. With no sentence matching, the page's `fallback` (its summary) or its
    first sentence stands in. `sentence_words`: each sentence's `folded_words`, when they were read before."""
    wanted = wanted_forms(words)
    if sentence_words is None:
        sentence_words = [folded_words(sentence) for sentence in sentences]
    scored = [(len(words_matched_in(found, wanted)), -position) for position, found in enumerate(sentence_words)]
    ranked = sorted(((count, position) for count, position in scored if count), reverse=True)
    if not ranked:
        text = fallback or (sentences[0] if sentences else "")
        return highlight(text, words, size=size)
    chosen = [-ranked[0][1]]
    if len(sentences[chosen[0]]) < size // 2:
        for _count, position in ranked[1:]:
            if len(sentences[chosen[0]]) + len(sentences[-position]) + 3 <= size:
                chosen.append(-position)
                break
    chosen.sort()
    if len(chosen) == 1 and len(sentences[chosen[0]]) > size:
        return highlight(sentences[chosen[0]], words, size=size)
    pieces = []
    for index, position in enumerate(chosen):
        # Sentences apart, or a list item without a full stop, are not run together.
        if index and (position != chosen[index - 1] + 1 or not sentences[chosen[index - 1]].endswith(SENTENCE_ENDS)):
            pieces.append("…")
        pieces.append(mark(sentences[position], wanted))
    return mark_safe(" ".join(pieces))  # noqa: S308 (each piece escaped by mark)


def highlight(text: str, words: list[str], *, size: int = SNIPPET_CHARS) -> SafeString:
    """The best `size` characters of `text` for `words`, escaped, with each match in <mark>."""
    text = " ".join((text or "").split())
    wanted = wanted_forms(words)
    start, end = best_window(text, wanted, size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + size // 2 else end
    html = mark(text[start:end], wanted)
    return mark_safe(("… " if start > 0 else "") + html + (" …" if end < len(text) else ""))  # noqa: S308
