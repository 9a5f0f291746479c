"""The topics a gap is about, suggested from what it says and what it is about, for its raiser to confirm.

Only the experts on a gap's topics hear of it, so the suggestion is narrow on purpose: the topics its words
name (or a glossary term for them names) and the topics of the page or material it is about, nothing else."""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Page

from expertise.models import Topic
from wiki.models import TrainingMaterial
from wiki.topics import topics_named_in, topics_of_pages

SUGGESTED_MAX = 6

# Functions that return other ways of saying the terms a text uses (Ask's glossary registers one): the layer
# that holds the glossary sits above this one, so it hands its rule down rather than being imported.
_text_expanders: list[Callable[[str], list[str]]] = []


def register_text_expander(expander: Callable[[str], list[str]]) -> None:
    if expander not in _text_expanders:
        _text_expanders.append(expander)


def with_other_words(text: str) -> str:
    """The text and, after it, what each glossary term it uses stands for ("P2P" → "procure to pay")."""
    extra = [phrase for expander in _text_expanders for phrase in expander(text)]
    return " ".join([text, *extra])


def suggest_gap_topics(
    *,
    text: str,
    related_page: Page | None = None,
    related_material: TrainingMaterial | None = None,
    limit: int = SUGGESTED_MAX,
) -> list[Topic]:
    """Topics whose names the text uses (directly or through a glossary term), then the topics the related
    page and training material carry; each once, at most `limit`."""
    found: dict[int, Topic] = {}
    if (text or "").strip():
        for topic in topics_named_in(with_other_words(text), limit=limit):
            found.setdefault(topic.pk, topic)
    if related_page is not None:
        for topic in topics_of_pages([related_page.pk], limit=limit):
            found.setdefault(topic.pk, topic)
    if related_material is not None:
        for topic in related_material.topics.order_by("name"):
            found.setdefault(topic.pk, topic)
    return list(found.values())[:limit]
