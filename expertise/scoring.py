"""Scoring: how much the evidence says a person knows a topic.

score = Σ over kinds of min(cap of kind, Σ weight × max(floor, ½^(age / half-life))) — decay makes old evidence
count less but never nothing (what someone wrote years ago is still a place to start), and the cap per kind stops
any single source (say, a hundred small edits) from making an expert.

Beside the score, the facts keep when the person last did work of their own on the topic ("latest", which
"who knows" reads for how lately someone worked on an area, expertise/ranking.py), how much they did lately
("active": the same evidence decayed over three months, uncapped) and how many changes of their own it came in
("changes": each piece counted as its share of the change it was part of, see Evidence.change_share) and on
how many days ("days", by the date of each piece: how sustained the work is).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from expertise.models import Evidence, EvidenceKind, ExpertiseScore

DEFAULT_CAPS = {
    EvidenceKind.PAGE_EDITED: 6.0,
    EvidenceKind.PAGE_OWNED: 4.0,
    EvidenceKind.PAGE_VERIFIED: 2.0,
    EvidenceKind.GAP_RESOLVED: 3.0,
    EvidenceKind.TASK_COMPLETED: 3.0,
    EvidenceKind.ENDORSED: 3.0,
    EvidenceKind.SELF_ASSESSED: 3.0,
    EvidenceKind.MANAGER_CONFIRMED: 2.0,
    EvidenceKind.ANSWER_ACCEPTED: 3.0,
}
# The lowest score of each level, highest first.
DEFAULT_LEVELS = [
    (ExpertiseScore.Level.GO_TO, 10.0),
    (ExpertiseScore.Level.EXPERT, 6.0),
    (ExpertiseScore.Level.PRACTITIONER, 2.0),
    (ExpertiseScore.Level.LEARNING, 0.0),
]
LEVEL_RANK = {
    ExpertiseScore.Level.LEARNING: 0,
    ExpertiseScore.Level.PRACTITIONER: 1,
    ExpertiseScore.Level.EXPERT: 2,
    ExpertiseScore.Level.GO_TO: 3,
}
RECENT = timedelta(days=365)
DECAY_FLOOR = 0.1  # evidence older than about three half-lives counts for a tenth, and stays there
ACTIVE_HALF_LIFE_DAYS = 90
# What the person did themselves: ownership, endorsements and confirmations are given, not done.
ACTIVE_KINDS = {
    EvidenceKind.PAGE_EDITED,
    EvidenceKind.PAGE_VERIFIED,
    EvidenceKind.GAP_RESOLVED,
    EvidenceKind.TASK_COMPLETED,
    EvidenceKind.ANSWER_ACCEPTED,
}


def half_life_days() -> float:
    return float(getattr(settings, "EXPERTISE_HALF_LIFE_DAYS", 365))


def caps() -> dict[str, float]:
    return {**DEFAULT_CAPS, **getattr(settings, "EXPERTISE_CAPS", {})}


def decayed(weight: float, occurred_at: datetime, now: datetime) -> float:
    age_days = max((now - occurred_at).total_seconds() / 86400, 0.0)
    return weight * max(DECAY_FLOOR, math.pow(0.5, age_days / half_life_days()))


def active_weight(weight: float, occurred_at: datetime, now: datetime) -> float:
    """How much a piece of the person's own work says about them now: it halves every three months."""
    age_days = max((now - occurred_at).total_seconds() / 86400, 0.0)
    return weight * math.pow(0.5, age_days / ACTIVE_HALF_LIFE_DAYS)


def level_for(score: float) -> str:
    for level, threshold in getattr(settings, "EXPERTISE_LEVELS", DEFAULT_LEVELS):
        if score >= threshold:
            return level
    return ExpertiseScore.Level.LEARNING


@dataclass
class Scored:
    score: float
    level: str
    facts: dict


def score_evidence(rows: Iterable[tuple[str, float, datetime, int | None, str, float]], *, now: datetime) -> Scored:
    """Scores one person on one topic from their evidence rows: (kind, weight, occurred_at, given_by_id, reason,
    change_share).

    The facts kept beside the score are what reasons are written from: how many pages edited in the last
    year, how many endorsers, the latest self-assessed level, whether the manager confirmed.
    """
    limit = caps()
    by_kind: dict[str, float] = defaultdict(float)
    facts: dict = {"recent": {}, "total": {}}
    latest_self: tuple[datetime, float] | None = None
    active, latest, changes, days = 0.0, None, 0.0, set()
    for kind, weight, occurred_at, _given_by, _reason, change_share in rows:
        by_kind[kind] += decayed(weight, occurred_at, now)
        if kind in ACTIVE_KINDS:
            active += active_weight(weight, occurred_at, now)
            latest = occurred_at if latest is None or occurred_at > latest else latest
            changes += change_share
            days.add(occurred_at.date())
        facts["total"][kind] = facts["total"].get(kind, 0) + 1
        if now - occurred_at <= RECENT:
            facts["recent"][kind] = facts["recent"].get(kind, 0) + 1
        if kind == EvidenceKind.SELF_ASSESSED and (latest_self is None or occurred_at > latest_self[0]):
            latest_self = (occurred_at, weight)
    if latest_self is not None:
        facts["self_level"] = self_level_from_weight(latest_self[1])
    if latest is not None:
        facts["active"] = round(active, 3)
        facts["latest"] = latest.date().isoformat()
        facts["changes"] = round(changes, 3)
        facts["days"] = len(days)
    score = sum(min(total, limit.get(kind, 1.0)) for kind, total in by_kind.items())
    score = round(score, 3)
    return Scored(score=score, level=level_for(score), facts=facts)


def self_assessment_weight(level: int) -> float:
    """A self-assessed level counts for little on its own: 1 → 0, 5 → 3 (the cap)."""
    return (level - 1) * 0.75


def self_level_from_weight(weight: float) -> int:
    return int(round(weight / 0.75)) + 1


EVIDENCE_FIELDS = ("kind", "weight", "occurred_at", "given_by_id", "reason", "change_share")
_deferred_pairs: ContextVar[set[tuple[int, int]] | None] = ContextVar("deferred_score_pairs", default=None)


@contextmanager
def scores_deferred() -> Iterator[set[tuple[int, int]]]:
    """Inside this block `update_score` only notes the (person, topic) pair; each noted pair is scored once
    on the way out. Bulk writers (imports) would otherwise rescore the same pair after every page. Yields the
    set of pending pairs: a caller that recomputes every score itself may clear it."""
    if _deferred_pairs.get() is not None:
        yield _deferred_pairs.get()
        return
    pending: set[tuple[int, int]] = set()
    token = _deferred_pairs.set(pending)
    try:
        yield pending
    finally:
        _deferred_pairs.reset(token)
    for person_id, topic_id in sorted(pending):
        update_score(person_id=person_id, topic_id=topic_id)


@transaction.atomic
def update_score(*, person_id: int, topic_id: int, now: datetime | None = None) -> ExpertiseScore | None:
    """Recomputes and stores one person's score on one topic (called whenever evidence arrives)."""
    pending = _deferred_pairs.get()
    if pending is not None:
        pending.add((person_id, topic_id))
        return None
    now = now or timezone.now()
    rows = list(Evidence.objects.filter(person_id=person_id, topic_id=topic_id).values_list(*EVIDENCE_FIELDS))
    if not rows:
        ExpertiseScore.objects.filter(person_id=person_id, topic_id=topic_id).delete()
        return None
    scored = score_evidence(rows, now=now)
    stored, _ = ExpertiseScore.objects.update_or_create(
        person_id=person_id,
        topic_id=topic_id,
        defaults={
            "score": scored.score,
            "level": scored.level,
            "rank": LEVEL_RANK[scored.level],
            "facts": scored.facts,
            "computed_at": now,
        },
    )
    return stored


@transaction.atomic
def recompute_all_scores(*, now: datetime | None = None, batch_size: int = 5000) -> int:
    """Recomputes every stored score from all evidence (decay moves scores even when nothing new arrives).

    Reads the evidence once, ordered by person and topic, and rewrites the score table in bulk.
    Returns how many scores were written."""
    now = now or timezone.now()
    rows = Evidence.objects.order_by("person_id", "topic_id").values_list("person_id", "topic_id", *EVIDENCE_FIELDS)
    scores: list[ExpertiseScore] = []
    current: tuple[int, int] | None = None
    group: list[tuple] = []

    def flush() -> None:
        if current is None:
            return
        scored = score_evidence(group, now=now)
        scores.append(
            ExpertiseScore(
                person_id=current[0],
                topic_id=current[1],
                score=scored.score,
                level=scored.level,
                rank=LEVEL_RANK[scored.level],
                facts=scored.facts,
                computed_at=now,
            )
        )

    for person_id, topic_id, *evidence in rows.iterator(chunk_size=batch_size):
        if (person_id, topic_id) != current:
            flush()
            current, group = (person_id, topic_id), []
        group.append(evidence)
    flush()
    ExpertiseScore.objects.all().delete()
    ExpertiseScore.objects.bulk_create(scores, batch_size=batch_size)
    return len(scores)
