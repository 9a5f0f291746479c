"""Topics found through the wiki's pages: a process area's topics, and the topics a question is about."""

from django.db.models import QuerySet

from expertise.models import Topic
from expertise.ranking import most_specific, names_topic, stems
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
    named = [topic for topic in Topic.objects.only("id", "name", "slug") if names_topic(asked, stems(topic.name))]
    return sorted(most_specific(asked, named), key=lambda topic: topic.name)[:limit]


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
