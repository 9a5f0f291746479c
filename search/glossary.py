"""The glossary at work: which terms a question uses, and the other words those terms go by."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.models import GlossaryTerm
from search.normalise import normalise

CACHE_KEY = "search:glossary:v1"


@dataclass(frozen=True)
class Entry:
    pk: int
    term: str
    expansion: str
    definition: str
    phrases: tuple[str, ...]


def entries() -> list[Entry]:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = [
            Entry(pk=t.pk, term=t.term, expansion=t.expansion, definition=t.definition, phrases=tuple(t.phrases))
            for t in GlossaryTerm.objects.all()
        ]
        cache.set(CACHE_KEY, cached, 3600)
    return cached


@receiver([post_save, post_delete], sender=GlossaryTerm)
def forget_glossary(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def contains_phrase(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


def terms_in(text: str) -> list[Entry]:
    """Glossary entries the normalised `text` uses, by their term, expansion or a synonym."""
    text = normalise(text)
    if not text:
        return []
    return [entry for entry in entries() if any(contains_phrase(text, phrase) for phrase in entry.phrases)]


def definition_for(text: str) -> Entry | None:
    """The entry a query *is* (not merely uses): "p2p", "what is JE?" and "procure to pay" all qualify."""
    text = normalise(text)
    for prefix in ("what is ", "what does ", "what s ", "define ", "meaning of "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in (" mean", " stand for", " stands for"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip()
    return next((entry for entry in entries() if text in entry.phrases), None)


def expansions(text: str) -> list[str]:
    """The other ways of saying each glossary term the text uses, to search for as well."""
    normalised = normalise(text)
    extra: list[str] = []
    for entry in terms_in(normalised):
        extra.extend(phrase for phrase in entry.phrases if not contains_phrase(normalised, phrase))
    return list(dict.fromkeys(extra))
