"""A temporal hold-out for "who knows": what an edit history says before a cutoff, who really edited each
process area after it, the two baselines anyone could write, and the measures (MRR, precision at 5).

Plain functions over the history's rows, so the same rules score the real handbook (`make eval-experts`,
expertise/eval/run.py) and the tiny histories of the tests."""

from __future__ import annotations

import csv
import io
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.dateparse import parse_datetime

AREA_DEPTH = 2  # departments/engineering, company-info-and-process/communication, …
# The people file's other columns tell the future: first and last commit and the number of commits are counted
# over the whole history, and role, manager, location and source come from the team file as it is at the end
# (having a role there means still being in the team then).
CUTOFF_PEOPLE_COLUMNS = ("id", "name")
RANKED = 10
AT = 5


@dataclass(frozen=True)
class Edit:
    date: datetime
    author: str
    path: str  # the page's path as it is in the tree now (history's current_path)
    changed: int  # lines added plus deleted: 0 for a pure rename

    @property
    def real(self) -> bool:
        """A real edit changes text; a rename that moves a file changes nothing anyone wrote."""
        return self.changed > 0


def read_edits(history_text: str) -> list[Edit]:
    """The history's rows that point at a page of the tree, oldest first (rows of deleted files are left
    out, as the import leaves them out)."""
    edits = []
    for record in csv.DictReader(io.StringIO(history_text)):
        path = (record.get("current_path") or "").strip() if "current_path" in record else record["path"].strip()
        date = parse_datetime((record.get("date") or "").strip())
        if not path or date is None or not record.get("author"):
            continue
        changed = int(record.get("added") or 0) + int(record.get("deleted") or 0)
        edits.append(Edit(date=date, author=record["author"].strip(), path=path, changed=changed))
    return sorted(edits, key=lambda edit: edit.date)


def history_before(history_text: str, cutoff: datetime) -> str:
    """The history CSV with only the rows dated before the cutoff, header kept: all the import may see."""
    reader = csv.DictReader(io.StringIO(history_text))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [], lineterminator="\n")
    writer.writeheader()
    for record in reader:
        date = parse_datetime((record.get("date") or "").strip())
        if date is not None and date < cutoff:
            writer.writerow(record)
    return out.getvalue()


def people_at_cutoff(people_text: str) -> str:
    """The people CSV with only who they are (id and name): every other column was counted over the whole
    history or read from the team file at its end, and would tell the ranking the future."""
    reader = csv.DictReader(io.StringIO(people_text))
    kept = [column for column in reader.fieldnames or [] if column.strip().lower() in CUTOFF_PEOPLE_COLUMNS]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=kept, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(reader)
    return out.getvalue()


def pages_before(edits: Iterable[Edit], cutoff: datetime) -> set[str]:
    """The pages that existed before the cutoff: those with an edit before it."""
    return {edit.path for edit in edits if edit.date < cutoff}


def area_of(path: str, *, depth: int = AREA_DEPTH) -> str | None:
    """The process area (folder) a page belongs to, or None for a page above that depth."""
    folders = posixpath.dirname(path).split("/") if posixpath.dirname(path) else []
    return "/".join(folders[:depth]) if len(folders) >= depth else None


def later_editors(edits: Iterable[Edit], cutoff: datetime, *, horizon: timedelta | None = None) -> dict[str, set[str]]:
    """For each area, the people who really edited its pages after the cutoff (within `horizon` of it, when
    given): the truth a ranking is scored against."""
    found: dict[str, set[str]] = defaultdict(set)
    for edit in edits:
        area = area_of(edit.path)
        if area and edit.real and edit.date >= cutoff and (horizon is None or edit.date < cutoff + horizon):
            found[area].add(edit.author)
    return dict(found)


def _ranked(counts: Counter, latest: dict[str, datetime]) -> list[str]:
    return sorted(counts, key=lambda author: (-counts[author], -latest[author].timestamp(), author))


def area_top_editors(edits: Iterable[Edit], cutoff: datetime) -> dict[str, list[str]]:
    """Baseline 1: for each area, the people with the most real edits on its pages before the cutoff."""
    counts: dict[str, Counter] = defaultdict(Counter)
    latest: dict[str, dict[str, datetime]] = defaultdict(dict)
    for edit in edits:
        area = area_of(edit.path)
        if area and edit.real and edit.date < cutoff:
            counts[area][edit.author] += 1
            latest[area][edit.author] = edit.date
    return {area: _ranked(counts[area], latest[area]) for area in counts}


def most_active(edits: Iterable[Edit], cutoff: datetime) -> list[str]:
    """Baseline 2: the people with the most real edits anywhere before the cutoff, the same for every area."""
    counts: Counter = Counter()
    latest: dict[str, datetime] = {}
    for edit in edits:
        if edit.real and edit.date < cutoff:
            counts[edit.author] += 1
            latest[edit.author] = edit.date
    return _ranked(counts, latest)


def reciprocal_rank(ranked: list[str], relevant: set[str], *, limit: int = RANKED) -> float:
    """1 / the rank of the first person in `ranked` who really edited later; 0 when none of the first
    `limit` did."""
    for position, person in enumerate(ranked[:limit], start=1):
        if person in relevant:
            return 1 / position
    return 0.0


def precision_at(ranked: list[str], relevant: set[str], *, k: int = AT) -> float:
    """The share of the first k suggestions who really edited later (fewer than k suggestions count as
    misses)."""
    return sum(1 for person in ranked[:k] if person in relevant) / k


@dataclass
class Measures:
    mrr: float = 0.0
    precision: float = 0.0
    areas: int = 0

    @classmethod
    def of(cls, rankings: dict[str, list[str]], truth: dict[str, set[str]]) -> Measures:
        """Mean reciprocal rank and mean precision at 5 over the areas in `truth`."""
        if not truth:
            return cls()
        areas = sorted(truth)
        return cls(
            mrr=sum(reciprocal_rank(rankings.get(area, []), truth[area]) for area in areas) / len(areas),
            precision=sum(precision_at(rankings.get(area, []), truth[area]) for area in areas) / len(areas),
            areas=len(areas),
        )


def scored_areas(edits: list[Edit], cutoff: datetime, *, horizon: timedelta | None = None) -> dict[str, set[str]]:
    """The areas a cutoff is scored on: those with pages before the cutoff and real editors after it."""
    before = {area_of(path) for path in pages_before(edits, cutoff)}
    return {area: people for area, people in later_editors(edits, cutoff, horizon=horizon).items() if area in before}
