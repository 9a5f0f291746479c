"""Bar charts drawn on the server as SVG: positions are computed here, templates only draw them, and the same
numbers also go in a table beside each chart. Used by the buddy program's KPIs and the trainers' dashboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass
class Group:
    label: str  # names the group in each bar's title, e.g. "March 2026" or "Check-ins held"
    values: Sequence[float | None]  # one per series; None when there is nothing to show yet
    short_label: str = ""  # under the group on the axis; the label when empty


@dataclass
class Bar:
    group: str
    series: str  # "" in a chart of one series
    value: float | None
    text: str  # the value as printed: "40%", "3", "—"
    x: float
    y: float
    width: float
    height: float

    @property
    def title(self) -> str:
        return f"{self.group}: {self.text} {self.series}".rstrip()

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def label_y(self) -> float:
        return round(self.y - 3, 1)


@dataclass
class AxisLabel:
    text: str
    x: float
    y: float

    @property
    def lines(self) -> list[str]:
        """The name on at most two lines, split at the space nearest its middle, so that a long name stays
        under its own bar."""
        if len(self.text) <= LABEL_LINE or " " not in self.text:
            return [self.text]
        middle = len(self.text) / 2
        cut = min((i for i, char in enumerate(self.text) if char == " "), key=lambda i: abs(i - middle))
        return [self.text[:cut], self.text[cut + 1 :]]


LABEL_LINE = 12  # characters under a bar before its name wraps


@dataclass
class BarChart:
    width: int
    height: int
    pad: int
    baseline: float
    label_y: float
    bars: list[Bar]
    labels: list[AxisLabel]


def as_count(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def as_percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def bar_chart(
    groups: Sequence[Group],
    *,
    series: Sequence[str] = ("",),
    top: float | None = None,
    text: Callable[[float | None], str] = as_count,
    width: int = 320,
    height: int = 140,
    pad: int = 28,
) -> BarChart:
    """A bar per series side by side in each group, scaled so that `top` (by default the largest value, at
    least 1) reaches the top of the plot; `pad` is left of the bars and below the baseline, and half of it is
    kept above the tallest bar for its value."""
    top = top or max([value or 0 for group in groups for value in group.values] + [1])
    baseline = height - pad
    plot_height = baseline - pad / 2
    slot = (width - pad) / max(len(groups), 1)
    gap = 2 if len(series) > 1 else 0
    bar_width = max((slot * 0.6 - gap * (len(series) - 1)) / len(series), 1)
    label_y = round(baseline + pad * 0.6, 1)
    bars, labels = [], []
    for index, group in enumerate(groups):
        left = pad + index * slot + slot * 0.2
        for offset, (name, value) in enumerate(zip(series, group.values, strict=True)):
            bar_height = round(plot_height * min(max(value or 0, 0), top) / top, 1)
            bars.append(
                Bar(
                    group=group.label,
                    series=name,
                    value=value,
                    text=text(value),
                    x=round(left + offset * (bar_width + gap), 1),
                    y=round(baseline - bar_height, 1),
                    width=round(bar_width, 1),
                    height=bar_height,
                )
            )
        labels.append(AxisLabel(text=group.short_label or group.label, x=round(left + slot * 0.3, 1), y=label_y))
    return BarChart(width=width, height=height, pad=pad, baseline=baseline, label_y=label_y, bars=bars, labels=labels)
