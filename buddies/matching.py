"""Buddy matching: a weighted score with its breakdown, the top candidates for one new hire, and the optimal
assignment of a whole cohort under everyone's capacity."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from buddies.eligibility import (
    Candidate,
    HireFacts,
    hire_facts,
    ineligibility,
    load_candidates,
    months_before,
    why_ineligible,
)
from buddies.models import BuddyProgramSettings, Cohort, Onboarding
from buddies.models.program import OPEN_STATUSES
from expertise.time_zones import hours_apart, plural_count, utc_offset_hours

SUGGESTIONS = 5
FAR_APART_HOURS = 12
EXPERIENCED_AFTER = 3  # earlier new hires coached before experience counts in full

# (settings field, label) in the order a breakdown is shown.
CRITERIA = [
    ("same_team_weight", _("Same team")),
    ("process_areas_weight", _("Shared process areas")),
    ("plan_topics_weight", _("Knows the plan's topics")),
    ("time_zone_weight", _("Time zone")),
    ("load_weight", _("Current load")),
    ("experience_weight", _("Buddy experience")),
    ("coaching_training_weight", _("Coaching training")),
]


@dataclass
class Criterion:
    label: str
    weight: float
    value: float  # 0 … 1
    detail: str

    @property
    def points(self) -> float:
        return round(self.weight * self.value, 2)

    def as_dict(self) -> dict:
        return {
            "criterion": self.label,
            "weight": self.weight,
            "value": round(self.value, 3),
            "points": self.points,
            "detail": self.detail,
        }


@dataclass
class BuddySuggestion:
    candidate: Candidate
    score: float
    breakdown: list[Criterion] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "buddy": self.candidate.user.get_username(),
            "name": self.candidate.name,
            "score": round(self.score, 2),
            "breakdown": [criterion.as_dict() for criterion in self.breakdown],
        }


def time_zone_detail(apart: float | None) -> str:
    if apart is None:
        return gettext("time zone unknown")
    if apart == 0:
        return gettext("same time zone")
    return ngettext("%(hours)s hour apart", "%(hours)s hours apart", plural_count(apart)) % {"hours": f"{apart:g}"}


def experience_detail(candidate: Candidate) -> str:
    """Earlier new hires and current ones told apart: someone who is a buddy now is not one for the first time."""
    before, now = candidate.experience, candidate.load
    if before:
        coached = ngettext("coached %(count)d new hire before", "coached %(count)d new hires before", before) % {
            "count": before
        }
        if now:
            coached += ngettext(", buddy to %(count)d now", ", buddy to %(count)d now", now) % {"count": now}
        return coached
    if now:
        return ngettext(
            "buddy to %(count)d new hire now, none before",
            "buddy to %(count)d new hires now, none before",
            now,
        ) % {"count": now}
    return gettext("first time as a buddy")


@dataclass
class ScoreTable:
    """Scores and eligibility of every hire × candidate pair, computed with arrays so a cohort of hundreds
    against thousands of candidates takes a fraction of a second."""

    hires: list[HireFacts]
    candidates: list[Candidate]
    weights: np.ndarray
    features: np.ndarray  # hires × candidates × criteria, each 0 … 1
    eligible: np.ndarray  # hires × candidates
    minimum_tenure_months: int

    @property
    def scores(self) -> np.ndarray:
        return self.features @ self.weights

    def breakdown(self, row: int, column: int) -> list[Criterion]:
        hire, candidate = self.hires[row], self.candidates[column]
        values = self.features[row, column]
        apart = hours_apart(hire.time_zone, candidate.profile.time_zone, on=hire.onboarding.start_date)
        shared_areas = len(hire.area_ids & candidate.area_ids)
        known = len(hire.topic_ids & candidate.topic_ids)
        details = [
            gettext("works in the same team") if values[0] else gettext("works in another team"),
            ngettext(
                "covers %(shared)d of the %(total)d process area",
                "covers %(shared)d of the %(total)d process areas",
                len(hire.area_ids),
            )
            % {"shared": shared_areas, "total": len(hire.area_ids)}
            if hire.area_ids
            else gettext("no process areas set"),
            ngettext(
                "knows %(known)d of the %(total)d plan topic",
                "knows %(known)d of the %(total)d plan topics",
                len(hire.topic_ids),
            )
            % {"known": known, "total": len(hire.topic_ids)}
            if hire.topic_ids
            else gettext("the plan has no topics"),
            time_zone_detail(apart),
            ngettext(
                "coaches %(load)d of %(capacity)d new hire now",
                "coaches %(load)d of %(capacity)d new hires now",
                candidate.capacity,
            )
            % {"load": candidate.load, "capacity": candidate.capacity},
            experience_detail(candidate),
            gettext("completed the coaching training")
            if candidate.trained
            else gettext("has not done the coaching training"),
        ]
        return [
            Criterion(
                label=str(label), weight=float(self.weights[index]), value=float(values[index]), detail=details[index]
            )
            for index, (_field, label) in enumerate(CRITERIA)
        ]

    def reason(self, row: int, column: int) -> str | None:
        return why_ineligible(
            self.candidates[column], self.hires[row], minimum_tenure_months=self.minimum_tenure_months
        )

    def reasons_left_out(self, row: int) -> dict[str, int]:
        """How many volunteers are not eligible for this hire, by kind of reason."""
        counts: dict[str, int] = {}
        for column in np.flatnonzero(~self.eligible[row]) if self.candidates else []:
            found = ineligibility(
                self.candidates[column], self.hires[row], minimum_tenure_months=self.minimum_tenure_months
            )
            kind = found[0] if found else gettext("not eligible")
            counts[kind] = counts.get(kind, 0) + 1
        return counts


def membership(sets: list[set[int]]) -> tuple[np.ndarray, dict[int, int]]:
    keys = sorted(set().union(*sets)) if sets else []
    index = {key: position for position, key in enumerate(keys)}
    matrix = np.zeros((len(sets), len(keys)), dtype=np.float32)
    for row, values in enumerate(sets):
        for value in values:
            matrix[row, index[value]] = 1
    return matrix, index


def overlap(hire_sets: list[set[int]], candidate_sets: list[set[int]]) -> np.ndarray:
    """Share of each hire's items that each candidate also has."""
    both, index = membership([*hire_sets, *candidate_sets])
    hires, candidates = both[: len(hire_sets)], both[len(hire_sets) :]
    if not index:
        return np.zeros((len(hire_sets), len(candidate_sets)))
    sizes = np.maximum(hires.sum(axis=1, keepdims=True), 1)
    return (hires @ candidates.T) / sizes


def score_table(hires: list[HireFacts], candidates: list[Candidate], program: BuddyProgramSettings) -> ScoreTable:
    n, m = len(hires), len(candidates)
    weights = np.array([getattr(program, name) for name, _label in CRITERIA], dtype=float)
    features = np.zeros((n, m, len(CRITERIA)))
    if n and m:
        hire_team = np.array([h.team_id or -1 for h in hires])[:, None]
        cand_team = np.array([c.profile.team_id or -2 for c in candidates])[None, :]
        features[:, :, 0] = hire_team == cand_team
        features[:, :, 1] = overlap([h.area_ids for h in hires], [c.area_ids for c in candidates])
        features[:, :, 2] = overlap([h.topic_ids for h in hires], [c.topic_ids for c in candidates])
        # An unknown zone is NaN here and scores as far apart as the scale goes (expertise.time_zones).
        hire_offsets = np.array([[utc_offset_hours(h.time_zone, h.onboarding.start_date)] for h in hires], dtype=float)
        cand_offsets = np.array(
            [[utc_offset_hours(c.profile.time_zone, h.onboarding.start_date) for c in candidates] for h in hires]
            if len({h.onboarding.start_date for h in hires}) > 1
            else [[utc_offset_hours(c.profile.time_zone, hires[0].onboarding.start_date) for c in candidates]],
            dtype=float,
        )
        apart = np.nan_to_num(np.abs(hire_offsets - cand_offsets), nan=FAR_APART_HOURS)
        features[:, :, 3] = 1 - np.minimum(apart, FAR_APART_HOURS) / FAR_APART_HOURS
        load = np.array([c.load / max(c.capacity, 1) for c in candidates])
        features[:, :, 4] = np.clip(1 - load, 0, 1)[None, :]
        features[:, :, 5] = np.array([min(c.experience, EXPERIENCED_AFTER) / EXPERIENCED_AFTER for c in candidates])
        features[:, :, 6] = np.array([float(c.trained) for c in candidates])
    return ScoreTable(
        hires=hires,
        candidates=candidates,
        weights=weights,
        features=features,
        eligible=eligibility(hires, candidates, minimum_tenure_months=program.minimum_tenure_months),
        minimum_tenure_months=program.minimum_tenure_months,
    )


def eligibility(hires: list[HireFacts], candidates: list[Candidate], *, minimum_tenure_months: int) -> np.ndarray:
    """The same rules as `why_ineligible`, for every pair at once."""
    if not hires or not candidates:
        return np.zeros((len(hires), len(candidates)), dtype=bool)
    far_future, far_past = date.max.toordinal(), date.min.toordinal()
    usable = np.array(
        [
            c.opted_in
            and c.user.is_active
            and c.profile.active
            and c.profile.start_date is not None
            and c.places_left > 0
            for c in candidates
        ]
    )
    started = np.array([c.profile.start_date.toordinal() if c.profile.start_date else far_future for c in candidates])
    away_until = np.array(
        [c.profile.out_of_office_until.toordinal() if c.profile.out_of_office_until else far_past for c in candidates]
    )
    starts = np.array([h.onboarding.start_date.toordinal() for h in hires])[:, None]
    tenure_cutoff = np.array([months_before(h.onboarding.start_date, minimum_tenure_months).toordinal() for h in hires])
    eligible = usable[None, :] & (started[None, :] <= tenure_cutoff[:, None]) & (away_until[None, :] < starts)
    column = {c.user_id: position for position, c in enumerate(candidates)}
    for row, hire in enumerate(hires):
        for person_id in (hire.hire_id, *hire.above):
            if person_id in column:
                eligible[row, column[person_id]] = False
    return eligible


def suggest_buddies(
    onboarding: Onboarding, *, limit: int = SUGGESTIONS
) -> tuple[list[BuddySuggestion], dict[str, int]]:
    """The best `limit` eligible buddies for one new hire, each with their score broken down, and how many
    volunteers were left out for each reason."""
    program = BuddyProgramSettings.load()
    hires = hire_facts([onboarding])
    candidates = [c for c in load_candidates(topic_ids=hires[0].topic_ids) if c.user_id != onboarding.buddy_id]
    table = score_table(hires, candidates, program)
    scores = table.scores[0] if candidates else np.zeros(0)
    left_out = table.reasons_left_out(0)
    ranked = sorted(np.flatnonzero(table.eligible[0]), key=lambda column: (-scores[column], candidates[column].user_id))
    return [
        BuddySuggestion(candidate=candidates[c], score=float(scores[c]), breakdown=table.breakdown(0, int(c)))
        for c in ranked[:limit]
    ], left_out


def optimal_assignment(scores: np.ndarray, eligible: np.ndarray, places: list[int]) -> list[int | None]:
    """For each hire (row), the candidate (column) they get, or None. As many hires as possible get a buddy;
    among those assignments, the one with the best total score; no candidate gets more than their places.

    Each candidate becomes one column per place left, and each hire also gets a column of its own meaning
    "nobody"; a bonus larger than any total score on every eligible pair makes the count of matched hires
    come first."""
    n = scores.shape[0]
    if n == 0:
        return []
    slot_owner = np.repeat(np.arange(len(places)), np.maximum(np.asarray(places, dtype=int), 0))
    slot_scores = scores[:, slot_owner] if len(slot_owner) else np.zeros((n, 0))
    slot_eligible = eligible[:, slot_owner] if len(slot_owner) else np.zeros((n, 0), dtype=bool)
    bonus = (float(np.abs(scores).max()) if scores.size else 0.0) * n + 1.0
    cost = np.where(slot_eligible, -(bonus + slot_scores), 0.0)
    cost = np.hstack([cost, np.zeros((n, n))])
    # Imported here: scipy.optimize takes about a second of CPU to import, paid otherwise by every process that
    # loads Onramp's apps (each web and Celery worker, each test worker and manage.py command).
    from scipy.optimize import linear_sum_assignment

    rows, columns = linear_sum_assignment(cost)
    chosen: list[int | None] = [None] * n
    for row, column in zip(rows, columns, strict=True):
        if column < len(slot_owner) and slot_eligible[row, column]:
            chosen[row] = int(slot_owner[column])
    return chosen


@dataclass
class Pairing:
    onboarding: Onboarding
    suggestion: BuddySuggestion


@dataclass
class CohortMatch:
    cohort: Cohort
    pairings: list[Pairing]
    unmatched: list[tuple[Onboarding, str]]
    already_paired: list[Onboarding]
    places: int

    @property
    def total_score(self) -> float:
        return sum(p.suggestion.score for p in self.pairings)

    @property
    def summary(self) -> str:
        hires = len(self.pairings) + len(self.unmatched)
        text = f"{len(self.pairings)} of {hires} new hires paired (total score {self.total_score:.1f})."
        if self.unmatched:
            text += (
                f" {len(self.unmatched)} left without a buddy: the eligible buddies have {self.places} places "
                f"for {hires} new hires; see the reason by each name."
            )
        return text

    def as_dict(self) -> dict:
        return {
            "cohort": self.cohort.name,
            "summary": self.summary,
            "total_score": round(self.total_score, 2),
            "pairings": [{"hire": p.onboarding.hire.get_username(), **p.suggestion.as_dict()} for p in self.pairings],
            "unmatched": [{"hire": o.hire.get_username(), "reason": why} for o, why in self.unmatched],
            "already_paired": [o.hire.get_username() for o in self.already_paired],
        }


def match_cohort(cohort: Cohort) -> CohortMatch:
    """The best assignment of buddies to the cohort's open onboardings that have none yet (nothing is saved)."""
    program = BuddyProgramSettings.load()
    onboardings = list(
        cohort.onboardings.filter(status__in=OPEN_STATUSES).select_related("hire__profile").order_by("start_date", "pk")
    )
    waiting = [o for o in onboardings if o.buddy_id is None]
    hires = hire_facts(waiting)
    candidates = load_candidates(topic_ids=set().union(*(h.topic_ids for h in hires)) if hires else set())
    table = score_table(hires, candidates, program)
    scores = table.scores if candidates else np.zeros((len(hires), 0))
    chosen = optimal_assignment(scores, table.eligible, [c.places_left for c in candidates])
    pairings, unmatched = [], []
    usable_places = sum(c.places_left for c, ok in zip(candidates, table.eligible.any(axis=0), strict=True) if ok)
    for row, column in enumerate(chosen):
        onboarding = hires[row].onboarding
        if column is not None:
            suggestion = BuddySuggestion(
                candidate=candidates[column], score=float(scores[row, column]), breakdown=table.breakdown(row, column)
            )
            pairings.append(Pairing(onboarding=onboarding, suggestion=suggestion))
        else:
            unmatched.append((onboarding, unmatched_reason(table, row)))
    return CohortMatch(
        cohort=cohort,
        pairings=pairings,
        unmatched=unmatched,
        already_paired=[o for o in onboardings if o.buddy_id],
        places=usable_places,
    )


def unmatched_reason(table: ScoreTable, row: int) -> str:
    eligible = int(table.eligible[row].sum()) if table.candidates else 0
    if eligible:
        return ngettext(
            "the one eligible buddy's places went to other new hires with a better match",
            "all %(count)d eligible buddies' places went to other new hires with a better match",
            eligible,
        ) % {"count": eligible}
    if not table.candidates:
        return gettext("nobody has opted in as a buddy")
    counts = sorted(table.reasons_left_out(row).items(), key=lambda item: (-item[1], item[0]))
    common = "; ".join(f"{kind}: {count}" for kind, count in counts[:4])
    volunteers = len(table.candidates)
    return ngettext(
        "no eligible buddy among %(count)d volunteer (%(reasons)s)",
        "no eligible buddy among %(count)d volunteers (%(reasons)s)",
        volunteers,
    ) % {"count": volunteers, "reasons": common}
