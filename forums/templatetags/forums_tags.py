from django import template

from forums.dashboard import process_name_for
from forums.models import OPEN_GAP_STATUSES, Gap, RevisionTask, TaskKind
from wiki.visibility import HIDDEN_PAGE, may_view

register = template.Library()
register.filter("process_name_for", process_name_for)
SHOWN = 10


@register.filter
def subject_for(task: RevisionTask, request) -> str:
    """What a task is about, as whoever made `request` may read it: a page closed to them is not named."""
    if task.kind == TaskKind.PAGE and task.page_id and not may_view(task.page, request):
        return HIDDEN_PAGE
    return task.subject_title


@register.inclusion_tag("forums/includes/open_gaps_for_topic.html")
def open_gaps_for_topic(topic):
    """The open gaps on a topic, for the topic page (newest first)."""
    gaps = Gap.objects.filter(status__in=OPEN_GAP_STATUSES, topic_links__tag=topic).order_by("-created_at", "-pk")
    shown = list(gaps[: SHOWN + 1])
    total = gaps.count() if len(shown) > SHOWN else len(shown)
    return {"gaps": shown[:SHOWN], "total": total, "topic": topic}
