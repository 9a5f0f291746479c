"""The words Onramp knows (page titles, topics, glossary), for "did you mean" on misspelt questions."""

from __future__ import annotations

import difflib

from django.core.cache import cache

from wagtail.models import Page

from expertise.models import Topic
from onramp.stemming import stem
from search.glossary import entries
from search.models import TermStatistic
from search.normalise import STOP_WORDS, normalise

CACHE_KEY = "search:vocabulary:v1"
CACHE_SECONDS = 600


def known_words() -> frozenset[str]:
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    texts = list(Page.objects.live().filter(depth__gt=1).values_list("title", flat=True).iterator(chunk_size=5000))
    texts += list(Topic.objects.values_list("name", flat=True))
    texts += [phrase for entry in entries() for phrase in entry.phrases]
    found = frozenset(word for text in texts for word in normalise(text).split() if len(word) > 2)
    cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def corrections(words: list[str]) -> dict[str, str]:
    """Each unknown word of four letters or more mapped to the closest known word, when one is close."""
    vocabulary = known_words()
    unknown = [
        word
        for word in words
        if len(word) >= 4 and word not in vocabulary and word not in STOP_WORDS and word.isalpha()
    ]
    # A word some page uses is no typo, even when no title or topic has it ("long", "comes").
    used = set(TermStatistic.objects.filter(term__in=[stem(word) for word in unknown]).values_list("term", flat=True))
    fixed = {}
    for word in unknown:
        if stem(word) in used:
            continue
        close = difflib.get_close_matches(
            word, [w for w in vocabulary if abs(len(w) - len(word)) <= 2 and w[0] == word[0]], n=1, cutoff=0.8
        )
        if close:
            fixed[word] = close[0]
    return fixed
