"""Which articles to suggest beside an article."""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count
from django.http import HttpRequest

from expertise.models import Topic
from onramp import page_generation
from wiki.models import ArticlePage, PageTopic
from wiki.visibility import closed_sections_key, viewable


def related_articles(article: ArticlePage, *, request: HttpRequest, limit: int = 5) -> list[ArticlePage]:
    """Articles sharing the most topics with `article`, then its siblings, never itself. Cached for every
    reader with the same closed sections (`wiki.visibility.closed_sections`), on the wiki's generation."""
    name = f"wiki:related:{article.pk}:closed={closed_sections_key(request)}:limit={limit}"
    return page_generation.cached(name, lambda: _related_articles(article, request=request, limit=limit))


def _related_articles(article: ArticlePage, *, request: HttpRequest, limit: int) -> list[ArticlePage]:
    topic_ids = PageTopic.objects.filter(content_object_id=article.pk).values("tag_id")
    live = viewable(ArticlePage.objects.live().exclude(pk=article.pk), request)
    ranked_ids = list(
        live.filter(topic_links__tag_id__in=topic_ids)
        .values("pk")
        .annotate(shared=Count("topic_links", distinct=True))
        .order_by("-shared", "title")
        .values_list("pk", flat=True)[:limit]
    )
    if len(ranked_ids) < limit:
        siblings = live.sibling_of(article).exclude(pk__in=ranked_ids).order_by("title")
        ranked_ids.extend(siblings.values_list("pk", flat=True)[: limit - len(ranked_ids)])
    pages = ArticlePage.objects.filter(pk__in=ranked_ids).only("id", "title", "url_path", "path", "depth").in_bulk()
    return [pages[pk] for pk in ranked_ids]


def owners_of_topic_pages(topics: list[Topic], *, limit: int = 5) -> list[AbstractBaseUser]:
    """Active people who own live articles on any of `topics`, for the "who to ask" block."""
    topic_ids = [topic.pk for topic in topics if topic is not None]
    if not topic_ids:
        return []
    owned = ArticlePage.objects.live().filter(topic_links__tag_id__in=topic_ids).values("page_owner_id")
    return list(
        get_user_model().objects.filter(is_active=True, pk__in=owned).order_by("first_name", "last_name")[:limit]
    )
