"""Whether a change to "who knows" is better beyond the noise of a few dozen areas.

`python expertise/eval/run.py --save FILE` keeps each area's reciprocal rank and precision at 5, per cutoff; two
such files, before and after a change, are compared here area by area. The difference of each measure is
computed as the table computes the measure (the mean over cutoffs of the mean over their areas), and its 90%
interval by a paired bootstrap over areas: the areas are drawn again with replacement, each with all its
cutoffs, and the difference recomputed, so an area that moved at every cutoff counts as one area, not as many
independent questions. A change whose interval lies above zero is better beyond the noise of these areas.

Plain functions over plain data, so the tests check them on results written by hand."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

MEASURES = ("MRR", "P@5")
SAMPLES = 2000
SEED = 19  # the same intervals on every run: a comparison is read, then quoted


class ComparisonError(ValueError):
    pass


# {(cutoff, area): (reciprocal rank, precision at 5)}
Results = dict[tuple[str, str], tuple[float, float]]


@dataclass(frozen=True)
class Difference:
    measure: str
    before: float
    after: float
    low: float  # 5th percentile of the bootstrapped difference
    high: float  # 95th percentile

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def verdict(self) -> str:
        if self.low > 0:
            return "better beyond the noise"
        if self.high < 0:
            return "worse beyond the noise"
        return "within the noise"


def dump(results: Results, *, label: str) -> str:
    """The JSON `--save` writes: what was scored, and each area's measures per cutoff."""
    rows = [
        {"cutoff": cutoff, "area": area, "reciprocal_rank": rr, "precision_at_5": precision}
        for (cutoff, area), (rr, precision) in sorted(results.items())
    ]
    return json.dumps({"scored": label, "areas": rows}, indent=1)


def load(path: Path) -> tuple[str, Results]:
    """Reads a file `--save` wrote; a clear error names the file when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        results = {
            (row["cutoff"], row["area"]): (float(row["reciprocal_rank"]), float(row["precision_at_5"]))
            for row in data["areas"]
        }
        return str(data["scored"]), results
    except FileNotFoundError as error:
        raise ComparisonError(f"{path}: no such file") from error
    except (ValueError, KeyError, TypeError) as error:
        raise ComparisonError(f"{path}: not a file written by `run.py --save` ({error})") from error


def by_area(results: Results) -> dict[str, list[tuple[str, tuple[float, float]]]]:
    """Each area's measures, cutoff by cutoff: what a bootstrap draw is made of."""
    grouped: dict[str, list[tuple[str, tuple[float, float]]]] = defaultdict(list)
    for (cutoff, area), values in results.items():
        grouped[area].append((cutoff, values))
    return grouped


def table_mean(results: Results, index: int, areas: list[str] | None = None) -> float:
    """The mean over cutoffs of the mean over each cutoff's areas (as the README's table), optionally over a
    drawn list of areas, in which an area may appear more than once."""
    return mean_over(by_area(results), index, areas)


def mean_over(grouped: dict[str, list[tuple[str, tuple[float, float]]]], index: int, areas: list[str] | None) -> float:
    per_cutoff: dict[str, list[float]] = defaultdict(list)
    for area in sorted(grouped) if areas is None else areas:
        for cutoff, values in grouped[area]:
            per_cutoff[cutoff].append(values[index])
    if not per_cutoff:
        return 0.0
    return sum(sum(values) / len(values) for values in per_cutoff.values()) / len(per_cutoff)


def compare(before: Results, after: Results, *, samples: int = SAMPLES, seed: int = SEED) -> list[Difference]:
    """Each measure before and after, and the 90% interval of its change by a paired bootstrap over areas.
    Both runs must have scored the same areas at the same cutoffs."""
    if set(before) != set(after):
        only = sorted(set(before) ^ set(after))[:3]
        raise ComparisonError(
            "the two runs did not score the same areas at the same cutoffs (for example "
            + ", ".join(f"{area} at {cutoff}" for cutoff, area in only)
            + "): save both with the same options"
        )
    if not before:
        raise ComparisonError("the runs scored no area")
    areas = sorted({area for _, area in before})
    generator = random.Random(seed)
    draws = [[generator.choice(areas) for _ in areas] for _ in range(samples)]
    grouped_before, grouped_after = by_area(before), by_area(after)  # once, not once per draw
    differences = []
    for index, measure in enumerate(MEASURES):
        changes = sorted(
            mean_over(grouped_after, index, drawn) - mean_over(grouped_before, index, drawn) for drawn in draws
        )
        differences.append(
            Difference(
                measure=measure,
                before=mean_over(grouped_before, index, None),
                after=mean_over(grouped_after, index, None),
                low=changes[int(0.05 * samples)],
                high=changes[int(0.95 * samples) - 1],
            )
        )
    return differences


def report(before_path: Path, after_path: Path) -> str:
    """What `run.py --compare BEFORE AFTER` prints."""
    before_label, before = load(before_path)
    after_label, after = load(after_path)
    if before_label != after_label:
        raise ComparisonError(
            f"{before_path} scored {before_label}, {after_path} {after_label}: compare like with like"
        )
    areas = len({area for _, area in before})
    lines = [f"{before_label}: {len(before)} questions, {areas} areas; 90% intervals of a paired bootstrap over areas"]
    for change in compare(before, after):
        lines.append(
            f"{change.measure:<4} {change.before:.4f} → {change.after:.4f}  change {change.change:+.4f} "
            f"[{change.low:+.4f}, {change.high:+.4f}]  {change.verdict}"
        )
    return "\n".join(lines)
