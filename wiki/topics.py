"""Topics found through the wiki's pages: a process area's topics, and the topics a question is about."""

from django.db.models import QuerySet

from expertise.models import Topic
from expertise.ranking import names_topic, stems
from wiki.models import ArticlePage, PageTopic, ProcessPage


def topics_of_area(area: ProcessPage) -> QuerySet[Topic]:
    """Topics of the pages in a process area (the area itself and everything under it)."""
    links = PageTopic.objects.filter(content_object__path__startswith=area.path)
    return Topic.objects.filter(pk__in=links.values("tag_id"))


def topics_for_text(text: str, *, page_limit: int = 3, topic_limit: int = 5) -> list[Topic]:
    """Topics a free-text question is about: the topics it names, or, when it names none, the topics of
    the few wiki pages that best match it."""
    asked = stems(text)
    if not asked:
        return []
    named = [topic for topic in Topic.objects.only("id", "name", "slug") if names_topic(asked, stems(topic.name))]
    if named:
        return sorted(named, key=lambda topic: topic.name)[:topic_limit]
    pages = ArticlePage.objects.live()
    page_ids = [page.pk for page in pages.search(text, operator="and")[:page_limit]] or [
        page.pk for page in pages.search(text, operator="or")[:page_limit]
    ]
    via_pages = Topic.objects.filter(
        pk__in=PageTopic.objects.filter(content_object_id__in=page_ids).values("tag_id")
    ).order_by("name")
    return list(via_pages[:topic_limit])
