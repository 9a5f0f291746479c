"""Which articles to suggest beside an article."""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count
from django.http import HttpRequest

from expertise.models import Topic
from wiki.models import ArticlePage, PageTopic
from wiki.visibility import viewable


def related_articles(article: ArticlePage, *, request: HttpRequest, limit: int = 5) -> list[ArticlePage]:
    """Articles sharing the most topics with `article`, then its siblings, never itself."""
    topic_ids = PageTopic.objects.filter(content_object_id=article.pk).values("tag_id")
    live = viewable(ArticlePage.objects.live().exclude(pk=article.pk), request)
    by_topic = list(
        live.filter(topic_links__tag_id__in=topic_ids)
        .annotate(shared=Count("topic_links", distinct=True))
        .order_by("-shared", "title")[:limit]
    )
    if len(by_topic) < limit:
        siblings = live.sibling_of(article).exclude(pk__in=[page.pk for page in by_topic]).order_by("title")
        by_topic.extend(siblings[: limit - len(by_topic)])
    return by_topic


def owners_of_topic_pages(topics: list[Topic], *, limit: int = 5) -> list[AbstractBaseUser]:
    """Active people who own live articles on any of `topics`, for the "who to ask" block."""
    topic_ids = [topic.pk for topic in topics if topic is not None]
    if not topic_ids:
        return []
    owned = ArticlePage.objects.live().filter(topic_links__tag_id__in=topic_ids).values("page_owner_id")
    return list(
        get_user_model().objects.filter(is_active=True, pk__in=owned).order_by("first_name", "last_name")[:limit]
    )
