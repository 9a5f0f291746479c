"""Self-assessed progress drawn on the server as an SVG line chart, with the numbers it shows for a table
alternative. Bar charts are drawn by onramp.charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from buddies.models import Onboarding
from expertise.models import SelfAssessment

WIDTH, HEIGHT, PAD = 320, 140, 28


@dataclass
class Series:
    name: str
    points: list[tuple[datetime, int]]
    path: str = ""
    dots: list[tuple[float, float, int, datetime]] = field(default_factory=list)


def progress_chart(series: list[Series], *, start: datetime, end: datetime, top: int = 5) -> dict:
    """Self-assessed levels (1 … `top`) over time, one line per topic."""
    span = max((end - start).total_seconds(), 1)
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    for line in series:
        line.dots = []
        for when, level in sorted(line.points):
            x = PAD + inner_w * min(max((when - start).total_seconds() / span, 0), 1)
            y = PAD + inner_h * (1 - (level - 1) / max(top - 1, 1))
            line.dots.append((round(x, 1), round(y, 1), level, when))
        line.path = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y, _, _) in enumerate(line.dots))
    levels = [(PAD + inner_h * (1 - (level - 1) / max(top - 1, 1)), level) for level in range(1, top + 1)]
    return {
        "series": series,
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "levels": levels,
        "start": start,
        "end": end,
    }


def self_assessment_chart(onboarding: Onboarding, topic_ids: set[int], *, today):
    """A hire's self-assessments on the topics, as one line per topic over their onboarding so far."""
    rows = list(
        SelfAssessment.objects.filter(person_id=onboarding.hire_id, topic_id__in=topic_ids)
        .select_related("topic")
        .order_by("assessed_at")
    )
    if not rows:
        return None, []
    by_topic: dict[str, list] = {}
    for row in rows:
        by_topic.setdefault(row.topic.name, []).append((row.assessed_at, row.level))
    start = min(
        rows[0].assessed_at,
        timezone.make_aware(timezone.datetime.combine(onboarding.start_date, timezone.datetime.min.time())),
    )
    end = max(rows[-1].assessed_at, timezone.now())
    chart = progress_chart(
        [Series(name=name, points=points) for name, points in sorted(by_topic.items())], start=start, end=end
    )
    return chart, rows
