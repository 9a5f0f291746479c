"""Topics found through the wiki's pages: a process area's topics, and the topics a question is about."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models import QuerySet

from expertise.models import Topic
from expertise.ranking import most_specific, names_topic, stems
from onramp import page_generation
from wiki.models import ArticlePage, PageTopic, ProcessPage


def topics_of_area(area: ProcessPage) -> QuerySet[Topic]:
    """Topics of the pages in a process area (the area itself and everything under it)."""
    links = PageTopic.objects.filter(content_object__path__startswith=area.path)
    return Topic.objects.filter(pk__in=links.values("tag_id"))


def topics_named_in(text: str, *, limit: int = 5) -> list[Topic]:
    """The topics a text names (word stems, in any order), only the most specific of them
    (expertise.ranking.most_specific), alphabetically."""
    asked = stems(text)
    if not asked:
        return []
    named = [
        Topic.from_db(DEFAULT_DB_ALIAS, ["id", "name", "slug"], [pk, name, slug])
        for pk, name, slug, topic_stems in topic_stems_list()
        if names_topic(asked, topic_stems)
    ]
    return sorted(most_specific(asked, named), key=lambda topic: topic.name)[:limit]


def topic_stems_list() -> list[tuple[int, str, str, set[str]]]:
    """Every topic's id, name, slug and the stems of its name, by name; kept on the wiki's generation, which a
    topic saved or deleted makes new (onramp.page_generation)."""
    return page_generation.cached(
        "wiki:topic-stems",
        lambda: [
            (pk, name, slug, stems(name))
            for pk, name, slug in Topic.objects.order_by("name").values_list("pk", "name", "slug")
        ],
    )


def topics_of_pages(page_ids: list[int], *, limit: int = 5) -> list[Topic]:
    """The topics the given wiki pages are tagged with, alphabetically."""
    links = PageTopic.objects.filter(content_object_id__in=page_ids)
    return list(Topic.objects.filter(pk__in=links.values("tag_id")).order_by("name")[:limit])


def topics_for_text(text: str, *, page_limit: int = 3, topic_limit: int = 5) -> list[Topic]:
    """Topics a free-text question is about: the topics it names, or, when it names none, the topics of
    the few wiki pages that best match it."""
    if not stems(text):
        return []
    if named := topics_named_in(text, limit=topic_limit):
        return named
    pages = ArticlePage.objects.live()
    page_ids = [page.pk for page in pages.search(text, operator="and")[:page_limit]] or [
        page.pk for page in pages.search(text, operator="or")[:page_limit]
    ]
    return topics_of_pages(page_ids, limit=topic_limit)
