"""What the trainer dashboard shows, each part in one or two queries whatever the number of gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Min, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from forums.models import (
    OPEN_GAP_STATUSES,
    OPEN_TASK_STATUSES,
    Gap,
    GapSource,
    GapTopic,
    Raiser,
    RevisionTask,
    TaskStatus,
)
from onramp.charts import BarChart, Group, bar_chart
from wiki.visibility import may_view

CHART_MONTHS = 12
HIDDEN_PROCESS = gettext_lazy("A process you cannot open")


@dataclass
class QueueGroup:
    name: str
    count: int
    oldest: datetime | None
    sources: dict[str, int] = field(default_factory=dict)
    slug: str = ""
    process_id: int | None = None
    process: Page | None = None  # id, title and path: enough to ask whether the viewer may see its name

    @property
    def age_days(self) -> int:
        return (timezone.now() - self.oldest).days if self.oldest else 0

    @property
    def source_summary(self) -> str:
        labels = dict(GapSource.choices)
        return ", ".join(f"{labels.get(source, source)} {count}" for source, count in sorted(self.sources.items()))


def open_gaps() -> QuerySet:
    return Gap.objects.filter(status__in=OPEN_GAP_STATUSES)


def queue_by_process() -> list[QueueGroup]:
    groups: dict[int | None, QueueGroup] = {}
    rows = (
        open_gaps()
        .values("process_id", "process__title", "process__path", "source")
        .annotate(n=Count("pk"), oldest=Min("created_at"))
    )
    for row in rows:
        if row["process_id"] not in groups:
            process = Page(id=row["process_id"], title=row["process__title"], path=row["process__path"])
            groups[row["process_id"]] = QueueGroup(
                name=row["process__title"] or "No process",
                count=0,
                oldest=None,
                process_id=row["process_id"],
                process=process if row["process_id"] else None,
            )
        group = groups[row["process_id"]]
        group.count += row["n"]
        group.sources[row["source"]] = group.sources.get(row["source"], 0) + row["n"]
        group.oldest = min(filter(None, [group.oldest, row["oldest"]]), default=None)
    return sorted(groups.values(), key=lambda group: (-group.count, group.name))


def process_name_for(group: QueueGroup, request: HttpRequest) -> str:
    """The group's name, unless its process is closed to whoever made `request`."""
    if group.process is not None and not may_view(group.process, request):
        return HIDDEN_PROCESS
    return group.name


def queue_by_topic(*, limit: int = 15) -> list[QueueGroup]:
    rows = (
        GapTopic.objects.filter(content_object__status__in=OPEN_GAP_STATUSES)
        .values("tag__name", "tag__slug")
        .annotate(n=Count("content_object_id"), oldest=Min("content_object__created_at"))
        .order_by("-n", "tag__name")[:limit]
    )
    return [
        QueueGroup(name=row["tag__name"], slug=row["tag__slug"], count=row["n"], oldest=row["oldest"]) for row in rows
    ]


def tasks_by_status() -> list[tuple[str, int]]:
    counts = dict(RevisionTask.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return [(label, counts.get(value, 0)) for value, label in TaskStatus.choices]


def overdue_tasks(*, today: date | None = None) -> QuerySet:
    today = today or timezone.localdate()
    return (
        RevisionTask.objects.filter(status__in=OPEN_TASK_STATUSES, due_date__lt=today)
        .select_related("assignee__profile", "gap", "page")
        .order_by("due_date", "pk")
    )


def month_starts(today: date, months: int) -> list[date]:
    starts = []
    year, month = today.year, today.month
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(starts))


@dataclass
class MonthBar:
    month: date
    opened: int
    closed: int


def gaps_per_month(*, today: date | None = None, months: int = CHART_MONTHS) -> list[MonthBar]:
    """Gaps opened and closed in each of the last `months` months, in one query of conditional counts (an
    index range per month, rather than truncating every row's date)."""
    today = today or timezone.localdate()
    starts = month_starts(today, months)
    bounds = [timezone.make_aware(datetime.combine(start, datetime.min.time())) for start in starts]
    ends = [*bounds[1:], None]
    counts = {}
    for index, (start, end) in enumerate(zip(bounds, ends, strict=True)):
        for name, field_name in (("opened", "created_at"), ("closed", "closed_at")):
            window = Q(**{f"{field_name}__gte": start})
            if end is not None:
                window &= Q(**{f"{field_name}__lt": end})
            counts[f"{name}_{index}"] = Count("pk", filter=window)
    totals = Gap.objects.filter(Q(created_at__gte=bounds[0]) | Q(closed_at__gte=bounds[0])).aggregate(**counts)
    return [
        MonthBar(month=start, opened=totals[f"opened_{index}"], closed=totals[f"closed_{index}"])
        for index, start in enumerate(starts)
    ]


def with_people_counts(gaps: list[Gap]) -> list[Gap]:
    """Sets `people` (how many hit each gap) on a page of gaps, in one query."""
    counts = dict(
        Raiser.objects.filter(gap_id__in=[gap.pk for gap in gaps])
        .values("gap_id")
        .annotate(n=Count("pk"))
        .values_list("gap_id", "n")
    )
    for gap in gaps:
        gap.people = counts.get(gap.pk, 0)
    return gaps


def month_chart(months: list[MonthBar]) -> BarChart:
    """Gaps opened and closed per month, side by side."""
    return bar_chart(
        [Group(f"{m.month:%B %Y}", [m.opened, m.closed], short_label=f"{m.month:%b}") for m in months],
        series=("opened", "closed"),
        width=640,
        height=180,
    )
