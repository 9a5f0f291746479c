"""Self-assessed progress drawn on the server as an SVG line chart, with the numbers it shows for a table
alternative. Bar charts are drawn by onramp.charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from buddies.models import Onboarding
from expertise.models import SelfAssessment

WIDTH = 340
LEFT, RIGHT, TOP = 40, 12, 10  # room for the level numbers and the "Level" title left of the plot
PLOT_HEIGHT = 110
BOTTOM = 34  # the dates under the axis and the "Date" title
LEGEND_ROW, LEGEND_COLUMNS = 16, 2

# Each series differs by colour AND by dash and marker, so the lines stay apart in grey or for colour-blind
# readers; the colours keep 4.5:1 contrast on white.
STYLES = [
    ("#0b5cad", "", "circle"),
    ("#a1261b", "6 3", "square"),
    ("#1c6b3a", "2 3", "triangle"),
    ("#6a3d9a", "8 3 2 3", "diamond"),
    ("#7a4d00", "4 2", "circle"),
]


def marker(shape: str, x: float, y: float, size: float = 3.5) -> str:
    """An SVG path of the marker `shape` centred on (x, y)."""
    if shape == "square":
        return f"M{x - size:g},{y - size:g}h{2 * size:g}v{2 * size:g}h{-2 * size:g}Z"
    if shape == "triangle":
        return f"M{x:g},{y - size - 1:g}L{x + size + 0.5:g},{y + size:g}L{x - size - 0.5:g},{y + size:g}Z"
    if shape == "diamond":
        return f"M{x:g},{y - size - 1:g}L{x + size + 1:g},{y:g}L{x:g},{y + size + 1:g}L{x - size - 1:g},{y:g}Z"
    return f"M{x - size:g},{y:g}a{size:g},{size:g} 0 1,0 {2 * size:g},0a{size:g},{size:g} 0 1,0 {-2 * size:g},0"


@dataclass
class Series:
    name: str
    points: list[tuple[datetime, int]]
    path: str = ""
    dots: list[tuple[float, float, int, datetime]] = field(default_factory=list)
    colour: str = ""
    dash: str = ""
    shape: str = ""
    markers: list[tuple[str, int, datetime]] = field(default_factory=list)  # (path, level, when)
    legend_x: float = 0
    legend_y: float = 0
    legend_marker: str = ""

    @property
    def legend_line_end(self) -> float:
        return round(self.legend_x + 20, 1)

    @property
    def legend_text_x(self) -> float:
        return round(self.legend_x + 26, 1)


def progress_chart(series: list[Series], *, start: datetime, end: datetime, top: int = 5) -> dict:
    """Self-assessed levels (1 … `top`) over time, one line per topic, with both axes and a legend."""
    span = max((end - start).total_seconds(), 1)
    plot_width = WIDTH - LEFT - RIGHT
    bottom = TOP + PLOT_HEIGHT

    def y_of(level: int) -> float:
        return round(TOP + PLOT_HEIGHT * (1 - (level - 1) / max(top - 1, 1)), 1)

    legend_top = bottom + BOTTOM + 4
    for index, line in enumerate(series):
        line.colour, line.dash, line.shape = STYLES[index % len(STYLES)]
        line.dots = []
        for when, level in sorted(line.points):
            x = LEFT + plot_width * min(max((when - start).total_seconds() / span, 0), 1)
            line.dots.append((round(x, 1), y_of(level), level, when))
        line.path = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y, _, _) in enumerate(line.dots))
        line.markers = [(marker(line.shape, x, y), level, when) for x, y, level, when in line.dots]
        row, column = divmod(index, LEGEND_COLUMNS)
        line.legend_x = round(LEFT + column * plot_width / LEGEND_COLUMNS, 1)
        line.legend_y = legend_top + row * LEGEND_ROW
        line.legend_marker = marker(line.shape, line.legend_x + 10, line.legend_y)
    rows = -(-len(series) // LEGEND_COLUMNS)
    middle = start + (end - start) / 2
    return {
        "series": series,
        "width": WIDTH,
        "height": legend_top + rows * LEGEND_ROW,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": bottom,
        "levels": [(y_of(level), level) for level in range(1, top + 1)],
        "dates": [
            (LEFT, start, "start"),
            (round(LEFT + plot_width / 2, 1), middle, "middle"),
            (WIDTH - RIGHT, end, "end"),
        ],
        "date_y": bottom + 14,
        "axis_title_x": round(LEFT + plot_width / 2, 1),
        "axis_title_y": bottom + 28,
        "level_x": LEFT - 6,
        "level_title_x": 10,
        "level_title_y": TOP + PLOT_HEIGHT / 2,
        "start": start,
        "end": end,
        "top_level": top,
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
