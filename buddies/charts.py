"""Small charts drawn on the server as SVG, each with the numbers it shows for a table alternative."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

WIDTH, HEIGHT, PAD = 320, 140, 28


@dataclass
class Bar:
    label: str
    value: float | None  # 0 … 1
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    @property
    def percent(self) -> str:
        return "—" if self.value is None else f"{round(self.value * 100)}%"


def bar_chart(items: list[tuple[str, float | None]]) -> dict:
    """Bars for shares (0 … 1): positions computed here, the template only draws."""
    bars, slot = [], (WIDTH - PAD) / max(len(items), 1)
    for index, (label, value) in enumerate(items):
        height = (HEIGHT - PAD) * (value or 0)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=PAD + index * slot + slot * 0.2,
                width=slot * 0.6,
                height=height,
                y=HEIGHT - PAD - height,
            )
        )
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - PAD, "pad": PAD}


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
