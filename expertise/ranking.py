""" "Who knows X": people ranked by their expertise on the topics a question is about, each with reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from expertise.models import EvidenceKind, ExpertiseScore, Profile, Topic
from expertise.people import availability, questions_this_week
from expertise.privacy import self_assessment_subjects
from expertise.scoring import LEVEL_RANK, level_for
from expertise.time_zones import hours_apart, plural_count
from onramp.stemming import stem

# Near-equal scores are ordered by closeness to the asker: these small bonuses only reorder people whose
# scores are within a few per cent of each other.
SAME_TEAM_BONUS = 0.06
NEAR_TIME_ZONE_BONUS = 0.03
NEAR_TIME_ZONE_HOURS = 2
REASON_TOPICS = 3  # a reason per topic, for the topics that count most
WORD = re.compile(r"[\w-]+")
STOP_WORDS = {"a", "an", "and", "the", "of", "to", "in", "on", "for", "how", "do", "i", "what", "is", "who", "my", "we"}


@dataclass
class Suggestion:
    person: AbstractBaseUser
    profile: Profile | None
    score: float
    level: str
    reasons: list[str] = field(default_factory=list)
    unavailable: str | None = None

    @property
    def level_label(self) -> str:
        return ExpertiseScore.Level(self.level).label

    def as_dict(self) -> dict:
        """What the who-knows page shows: level and reasons, never the score, which counts self-assessments
        the reader may not be allowed to see (see expertise.privacy)."""
        return {
            "person": self.person.get_username(),
            "name": self.profile.name if self.profile else self.person.get_full_name(),
            "level": self.level,
            "reasons": self.reasons,
            "available": self.unavailable is None,
            "unavailable": self.unavailable,
        }


def stems(text: str) -> set[str]:
    """The words' stems, by Onramp's one English stemmer: "change" meets "changes", "policy" "policies"."""
    return {stem(word) for word in WORD.findall(text.lower()) if word not in STOP_WORDS and len(word) >= 2}


def names_topic(asked: set[str], topic_stems: set[str]) -> bool:
    """A question names a topic when it has all of the topic's words, or all but one of three or more."""
    if not topic_stems:
        return False
    return len(asked & topic_stems) >= max(1, len(topic_stems) - (1 if len(topic_stems) >= 3 else 0))


def rank_people_for(
    *,
    topics: list[Topic],
    asker: AbstractBaseUser | None = None,
    limit: int = 10,
    now: datetime | None = None,
) -> list[Suggestion]:
    """People who know `topics`, best first, available people before those who are away or at capacity,
    with the reasons a person can read. For a question in words, find its topics first
    (wiki.topics.topics_for_text)."""
    now = now or timezone.now()
    if not topics:
        return []
    topic_ids = [topic.pk for topic in topics]
    totals = ExpertiseScore.objects.filter(topic_id__in=topic_ids, person__is_active=True)
    if asker is not None and asker.is_authenticated:
        totals = totals.exclude(person_id=asker.pk)
    # Enough candidates that reordering by availability and closeness cannot push out a better one.
    candidates = list(
        totals.values("person_id").annotate(total=Sum("score")).order_by("-total", "person_id")[: limit * 5]
    )
    if not candidates:
        return []
    person_ids = [row["person_id"] for row in candidates]
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user_id__in=person_ids).select_related("user", "team")
    }
    rows = ExpertiseScore.objects.filter(person_id__in=person_ids, topic_id__in=topic_ids).select_related("topic")
    facts_by_person: dict[int, list[ExpertiseScore]] = {}
    for row in rows:
        facts_by_person.setdefault(row.person_id, []).append(row)
    loads = questions_this_week(person_ids)
    asker_profile = getattr(asker, "profile", None) if asker is not None and asker.is_authenticated else None
    # Asked only when some suggestion carries a self-assessment: the privacy rules behind it cost queries.
    self_assessed = any("self_level" in score.facts for scores in facts_by_person.values() for score in scores)
    visible_self_assessments = self_assessment_subjects(asker) if self_assessed else set()

    suggestions = []
    for row in candidates:
        profile = profiles.get(row["person_id"])
        if profile is None:
            continue
        scores = facts_by_person.get(row["person_id"], [])
        total = float(row["total"])
        level = max((score.level for score in scores), key=lambda lvl: LEVEL_RANK[lvl], default=level_for(total))
        suggestion = Suggestion(
            person=profile.user,
            profile=profile,
            score=total,
            level=level,
            unavailable=availability(profile, load=loads.get(row["person_id"], 0), on=now.date()),
        )
        suggestion.reasons = reasons_for(
            scores,
            show_self=row["person_id"] in visible_self_assessments,
            closeness=closeness(profile, asker_profile, now=now),
        )
        if suggestion.unavailable:
            suggestion.reasons.append(suggestion.unavailable)
        suggestions.append(suggestion)

    def order(suggestion: Suggestion):
        bonus = 1.0
        if asker_profile is not None:
            if suggestion.profile.team_id and suggestion.profile.team_id == asker_profile.team_id:
                bonus += SAME_TEAM_BONUS
            apart = hours_apart(suggestion.profile.time_zone, asker_profile.time_zone, on=now.date())
            if apart is not None and apart <= NEAR_TIME_ZONE_HOURS:
                bonus += NEAR_TIME_ZONE_BONUS
        return (suggestion.unavailable is not None, -suggestion.score * bonus, suggestion.person.pk)

    suggestions.sort(key=order)
    return suggestions[:limit]


def closeness(profile: Profile, asker_profile: Profile | None, *, now: datetime) -> list[str]:
    """What the asker should know about reaching this person: same team, or hours apart."""
    if asker_profile is None:
        return []
    close = []
    if profile.team_id and profile.team_id == asker_profile.team_id:
        close.append(gettext("in your team"))
    apart = hours_apart(profile.time_zone, asker_profile.time_zone, on=now.date())
    if apart is not None and apart > NEAR_TIME_ZONE_HOURS:
        close.append(
            ngettext(
                "works %(hours)s hour from your time zone",
                "works %(hours)s hours from your time zone",
                plural_count(apart),
            )
            % {"hours": f"{apart:g}"}
        )
    return close


# What each kind of evidence says, counted over the last year ("recent") or over all time ("total").
# Page edits say "in the last year" when there are recent ones and fall back to all time otherwise.
REASON_PHRASES = [
    (
        EvidenceKind.PAGE_EDITED,
        "recent",
        lambda n: ngettext("edited %(count)d page in the last year", "edited %(count)d pages in the last year", n),
    ),
    (EvidenceKind.PAGE_EDITED, "total", lambda n: ngettext("edited %(count)d page", "edited %(count)d pages", n)),
    (EvidenceKind.PAGE_OWNED, "total", lambda n: ngettext("owns %(count)d page", "owns %(count)d pages", n)),
    (
        EvidenceKind.PAGE_VERIFIED,
        "recent",
        lambda n: ngettext("verified %(count)d page this year", "verified %(count)d pages this year", n),
    ),
    (EvidenceKind.GAP_RESOLVED, "total", lambda n: ngettext("resolved %(count)d gap", "resolved %(count)d gaps", n)),
    (
        EvidenceKind.TASK_COMPLETED,
        "total",
        lambda n: ngettext("completed %(count)d revision task", "completed %(count)d revision tasks", n),
    ),
    (EvidenceKind.ENDORSED, "total", lambda n: ngettext("endorsed by %(count)d", "endorsed by %(count)d", n)),
    (
        EvidenceKind.ANSWER_ACCEPTED,
        "total",
        lambda n: ngettext("gave %(count)d accepted answer", "gave %(count)d accepted answers", n),
    ),
    (EvidenceKind.MANAGER_CONFIRMED, "total", lambda n: gettext("confirmed by their manager")),
]


def reasons_for(
    scores: list[ExpertiseScore],
    *,
    show_self: bool,
    closeness: list[str],
    with_topic: bool = True,
) -> list[str]:
    """Sentences a person can read, written from the facts stored with each score. Raw self-assessed
    levels appear only when `show_self` (see expertise.privacy)."""
    reasons = []
    for score in sorted(scores, key=lambda s: -s.score):
        recent, total = score.facts.get("recent", {}), score.facts.get("total", {})
        topic = score.topic.name
        parts = []
        for kind, window, phrase in REASON_PHRASES:
            counts = recent if window == "recent" else total
            if counts.get(kind) and not (kind == EvidenceKind.PAGE_EDITED and window == "total" and recent.get(kind)):
                parts.append(phrase(counts[kind]) % {"count": counts[kind]})
        if "self_level" in score.facts:
            parts.append(
                gettext("self-assessed %(level)s/5") % {"level": score.facts["self_level"]}
                if show_self
                else gettext("has self-assessed")
            )
        if parts:
            facts = "; ".join(parts)
            reasons.append(
                gettext("%(level)s on %(topic)s: %(facts)s")
                % {"level": score.get_level_display(), "topic": topic, "facts": facts}
                if with_topic
                else facts
            )
    return reasons[:REASON_TOPICS] + closeness
