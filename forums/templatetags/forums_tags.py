from django import template

from forums.models import OPEN_GAP_STATUSES, Gap

register = template.Library()
SHOWN = 10


@register.inclusion_tag("forums/includes/open_gaps_for_topic.html")
def open_gaps_for_topic(topic):
    """The open gaps on a topic, for the topic page (newest first)."""
    gaps = Gap.objects.filter(status__in=OPEN_GAP_STATUSES, topic_links__tag=topic).order_by("-created_at", "-pk")
    shown = list(gaps[: SHOWN + 1])
    total = gaps.count() if len(shown) > SHOWN else len(shown)
    return {"gaps": shown[:SHOWN], "total": total, "topic": topic}
