"""Self-assessed progress drawn on the server as an SVG line chart, with the numbers it shows for a table
alternative. Bar charts are drawn by onramp.charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

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
