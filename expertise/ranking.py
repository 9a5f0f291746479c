""" "Who knows X": people ranked by their expertise on the topics a question is about, each with reasons."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection
from django.db.models import Case, Count, F, FloatField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from wagtail.models import Page

from expertise.models import Evidence, EvidenceKind, ExpertiseScore, Profile, Topic
from expertise.people import availability
from expertise.privacy import self_assessment_subjects
from expertise.scoring import ACTIVE_KINDS, LEVEL_RANK, level_for
from expertise.time_zones import hours_apart, plural_count
from onramp import page_generation
from onramp.stemming import stem

# Near-equal scores are ordered by closeness to the asker: these small bonuses only reorder people whose
# scores are within a few per cent of each other.
SAME_TEAM_BONUS = 0.06
NEAR_TIME_ZONE_BONUS = 0.03
NEAR_TIME_ZONE_HOURS = 2
REASON_TOPICS = 3  # a reason per topic, for the topics that count most
# How each kind of evidence about a person counts for a question's area (their signals, see `signals_for`): a
# person's relevance is exp(Σ weight × signal), so one more unit of a signal multiplies it by exp(weight).
# Learned on the hold-out of the handbook's history (`make eval-experts` with --fit, expertise/eval/run.py):
# fitted only on the tuning cutoffs, all before the cutoffs the README reports, against who edited each area
# before the first reported cutoff; kept at zero or above, so every reason shown counts for the person.
SIGNAL_WEIGHTS = {
    # log(1 + their edits of the area's own pages: its topic's and those only its pages carry): the fit gives it
    # nothing beyond the changes and the days those edits came in.
    "area_edits": 0.0,
    # log(1 + the changes their own work on those pages came in, scoring's "changes"): an imported commit over n
    # pages counts 1/n on each, so moving or renaming pages all over the wiki is little work on any one area.
    "area_changes": 0.17,
    # log(1 + the days they did that work on, scoring's "days", summed over the area's own topics): how sustained
    # it is; a hundred edits on one afternoon are one day.
    "area_days": 0.21,
    "area_work": 0.1,  # log(1 + their scores on the area's topics, each topic by its weight)
    # log(how many of the area's own topics they worked on): the fit gives it nothing beyond the edits it
    # counts; the reason ("worked on 2 of the 3 topics") still tells the reader how broad the work is.
    "area_breadth": 0.0,
    "area_latest": 0.49,  # ½^(days since their own work on the area / AREA_LATEST_HALF_LIFE_DAYS)
    "still_active": 1.1,  # ½^(days since their own work anywhere / STILL_ACTIVE_HALF_LIFE_DAYS)
    "active_months": 0.27,  # log(1 + months of the last twelve with work of their own anywhere)
}
# Topics met only through the area's pages count for AREA_TOPIC_WEIGHT × the share of their pages in the area.
AREA_TOPIC_WEIGHT = 0.5
AREA_LATEST_HALF_LIFE_DAYS = 180
STILL_ACTIVE_HALF_LIFE_DAYS = 60
ACTIVE_YEAR = timedelta(days=365)
# Someone who left in HR is ranked down, not hidden: they may still answer, and their pages say who to ask.
LEFT_FACTOR = 0.25
QUIET_AFTER_DAYS = 180
RECENTLY_ACTIVE_DAYS = 90
QUESTION_WEEK = timedelta(days=7)
# An area fewer people worked on is filled up to this many suggestions with people at work elsewhere in the wiki.
FILL_TO = 5
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
    # What the ranking counted (see `signals_for`): for the hold-out and its fit, never shown (the area's work
    # counts self-assessments the reader may not be allowed to see).
    signals: dict[str, float] = field(default_factory=dict)

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


def most_specific(asked: set[str], named: list[Topic]) -> list[Topic]:
    """Of the topics a question names, those it names most precisely: the ones it names in full when there
    are any (before those missing a word), and none whose words all belong to a longer one it names in full
    ("the CEO team" is about the CEO team, not about every team, nor about the CEO)."""
    words = {topic.pk: stems(topic.name) for topic in named}
    full = [topic for topic in named if words[topic.pk] <= asked]
    if not full:
        return named
    return [topic for topic in full if not any(words[topic.pk] < words[other.pk] for other in full)]


def area_topics(topics: list[Topic]) -> dict[int, float]:
    """The question's topics and the topics of the pages under them, each with how much it counts.

    A topic names a process area when pages carry it; a folder's topic is on its process page, and the pages
    in its subfolders carry their own folders' topics and front-matter tags. So the area's topics are those
    of every page under a page of the named topics, each weighted by the share of its pages that lie there
    (a tag used all over the wiki says little about this area). The named topics count fully.

    One query, in SQL both SQLite and PostgreSQL run: "under" is a prefix of Wagtail's tree path, read as the
    range of paths from the area's own to the area's followed by "~" (paths are digits and capitals, which sort
    before it: byte order on SQLite, the "C" collation Wagtail gives the column on PostgreSQL), so the path's
    index finds each area's pages instead of every page being compared with every area (a LIKE on a column)."""
    weights = {topic.pk: 1.0 for topic in topics}
    links = Topic._meta.get_field("page_links").related_model
    link_table = connection.ops.quote_name(links._meta.db_table)
    page_table = connection.ops.quote_name(Page._meta.db_table)
    named = ", ".join(["%s"] * len(weights))
    sql = f"""
        SELECT link.tag_id, COUNT(DISTINCT link.id),
               (SELECT COUNT(*) FROM {link_table} everywhere WHERE everywhere.tag_id = link.tag_id)
        FROM {link_table} named
        JOIN {page_table} area ON area.id = named.content_object_id
        JOIN {page_table} page ON page.path >= area.path AND page.path < area.path || '~'
        JOIN {link_table} link ON link.content_object_id = page.id
        WHERE named.tag_id IN ({named})
        GROUP BY link.tag_id"""  # noqa: S608 - table names from the models, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, list(weights))
        for tag_id, inside, everywhere in cursor.fetchall():
            if tag_id not in weights:
                weights[tag_id] = AREA_TOPIC_WEIGHT * inside / everywhere
    return weights


def cached_area_topics(topics: list[Topic]) -> dict[int, float]:
    """area_topics, kept per set of topics until a page or its topics change (onramp.page_generation): the
    same for every asker, and its join over the tree costs more the larger the wiki."""
    named = ",".join(str(pk) for pk in sorted({topic.pk for topic in topics}))
    return page_generation.cached(f"expertise:area-topics:{named}", lambda: area_topics(topics))


def weighted_total(weights: dict[int, float]):
    """Σ weight × score over the area's topics, in SQL: what the candidates are first chosen by."""
    weight = Case(
        *(When(topic_id=topic_id, then=Value(w)) for topic_id, w in weights.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return Sum(F("score") * weight, output_field=FloatField())


@dataclass(frozen=True)
class Activity:
    """A person's own work anywhere in the wiki: when they last did some, and in how many of the last twelve
    months."""

    latest: datetime | None = None
    months: int = 0


def signals_for(scores: list[ExpertiseScore], weights: dict[int, float], activity: Activity, *, now: datetime) -> dict:
    """What a person's evidence says about their answering for the area, as numbers SIGNAL_WEIGHTS weighs: how
    much and how lately they worked on the area's topics (each topic by its weight), over how many of them,
    and whether they are still at work in the wiki at all (people who stopped everywhere have usually moved
    on). The scores decay with age but never vanish (scoring.DECAY_FLOOR): old work still counts a little."""
    area = [score for score in scores if weights.get(score.topic_id, 0.0) > 0]
    work = sum(weights[score.topic_id] * score.score for score in area)
    area = on_own_topics(area, weights)
    latest = max((date.fromisoformat(s.facts["latest"]) for s in area if s.facts.get("latest")), default=None)
    return {
        "area_work": math.log1p(work),
        "area_edits": math.log1p(sum(s.facts.get("total", {}).get(EvidenceKind.PAGE_EDITED, 0) for s in area)),
        "area_changes": math.log1p(sum(own_changes(score) for score in area)),
        "area_days": math.log1p(sum(own_days(score) for score in area)),
        "area_breadth": math.log(max(len(area), 1)),
        "area_latest": half_life(now.date() - latest, AREA_LATEST_HALF_LIFE_DAYS) if latest else 0.0,
        "still_active": (
            half_life(now - activity.latest, STILL_ACTIVE_HALF_LIFE_DAYS) if activity.latest is not None else 0.0
        ),
        "active_months": math.log1p(activity.months),
    }


def on_own_topics(scores: list[ExpertiseScore], weights: dict[int, float]) -> list[ExpertiseScore]:
    """The scores on the area's own topics: the named ones and those only its pages carry (area_topics), not
    tags it shares with the rest of the wiki."""
    return [score for score in scores if weights.get(score.topic_id, 0.0) >= AREA_TOPIC_WEIGHT]


def own_changes(score: ExpertiseScore) -> float:
    """How many changes of their own a score counts (see scoring)."""
    return own_count(score, "changes")


def own_days(score: ExpertiseScore) -> int:
    """On how many days a score's own work was done (see scoring)."""
    return int(own_count(score, "days"))


def own_count(score: ExpertiseScore, fact: str) -> float:
    """A count scoring keeps of a person's own work on a topic ("changes", "days"); for a score stored before it
    was kept, until the nightly rescoring, each piece of their own work counts one."""
    if fact in score.facts:
        return score.facts[fact]
    return sum(score.facts.get("total", {}).get(kind, 0) for kind in ACTIVE_KINDS)


def half_life(age: timedelta, days: float) -> float:
    return math.pow(0.5, max(age.total_seconds(), 0.0) / 86400 / days)


def relevance(signals: dict[str, float]) -> float:
    """exp(Σ weight × signal): how well a person answers for the area, relative to someone with no evidence."""
    return math.exp(sum(SIGNAL_WEIGHTS[name] * value for name, value in signals.items()))


def own_work(now: datetime) -> dict:
    """Annotations for a Profile query: the person's latest own work (the kinds scoring.ACTIVE_KINDS counts),
    and in how many of the last twelve months they did some; subqueries, so the profiles' one query reads
    them."""
    work = Evidence.objects.filter(person_id=OuterRef("user_id"), kind__in=ACTIVE_KINDS, occurred_at__lte=now)
    months = (
        work.filter(occurred_at__gt=now - ACTIVE_YEAR)
        .order_by()
        .values("person_id")
        .annotate(months=Count(TruncMonth("occurred_at"), distinct=True))
        .values("months")
    )
    return {
        "latest_work": Subquery(work.order_by("-occurred_at").values("occurred_at")[:1]),
        "work_months": Subquery(months),
    }


def rank_people_for(
    *,
    topics: list[Topic],
    asker: AbstractBaseUser | None = None,
    limit: int = 10,
    now: datetime | None = None,
) -> list[Suggestion]:
    """People who know `topics`, best first, available people before those who are away or at capacity,
    with the reasons a person can read. For a question in words, find its topics first
    (wiki.topics.topics_for_text).

    The topics reach the pages of their process area (area_topics); each person is ranked by their work there
    (signals, weighed by SIGNAL_WEIGHTS), and ranked down when they have left in HR. An area fewer than
    FILL_TO people worked on is filled up with the people most at work elsewhere, after its own."""
    now = now or timezone.now()
    if not topics:
        return []
    weights = cached_area_topics(topics)
    totals = ExpertiseScore.objects.filter(topic_id__in=list(weights), person__is_active=True)
    if asker is not None and asker.is_authenticated:
        totals = totals.exclude(person_id=asker.pk)
    # Enough candidates that reordering by recent work, availability and closeness cannot push out a better one.
    candidates = list(
        totals.values("person_id")
        .annotate(total=weighted_total(weights))
        .filter(total__gt=0)
        .order_by("-total", "person_id")[: limit * 5]
    )
    if not candidates:
        return []
    fill, filled = min(limit, FILL_TO) - len(candidates), set()
    if fill > 0:
        # Too few people worked on the area: those most at work elsewhere in the wiki come after them, as the
        # likeliest to take it up (many later editors of a small area never touched it before); chosen by the
        # same relevance among twice as many.
        others = active_elsewhere(
            exclude=[row["person_id"] for row in candidates] + ([asker.pk] if asker is not None and asker.pk else []),
            now=now,
            count=2 * fill,
        )
        filled = {row["person_id"] for row in others}
        candidates += others
    person_ids = [row["person_id"] for row in candidates]
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user_id__in=person_ids)
        .select_related("user", "team")
        # As expertise.people.questions_this_week counts them, in this same query.
        .annotate(
            load=Count(
                "user__questions_received",
                filter=Q(user__questions_received__asked_at__gte=timezone.now() - QUESTION_WEEK),
            ),
            **own_work(now),
        )
    }
    rows = ExpertiseScore.objects.filter(person_id__in=person_ids, topic_id__in=list(weights)).select_related("topic")
    facts_by_person: dict[int, list[ExpertiseScore]] = {}
    for row in rows:
        facts_by_person.setdefault(row.person_id, []).append(row)
    asker_profile = getattr(asker, "profile", None) if asker is not None and asker.is_authenticated else None
    # Asked only when some suggestion carries a self-assessment: the privacy rules behind it cost queries.
    self_assessed = any("self_level" in score.facts for scores in facts_by_person.values() for score in scores)
    visible_self_assessments = self_assessment_subjects(asker) if self_assessed else set()

    suggestions = []
    worked = {}  # person id: whether they did any work of their own on these topics (did_own_work)
    for row in candidates:
        profile = profiles.get(row["person_id"])
        if profile is None:
            continue
        scores = facts_by_person.get(row["person_id"], [])
        quiet = quiet_since(profile, scores, now=now)
        worked[row["person_id"]] = did_own_work(scores)
        level = max((score.level for score in scores), key=lambda lvl: LEVEL_RANK[lvl], default=level_for(row["total"]))
        activity = Activity(latest=profile.latest_work, months=profile.work_months or 0)
        found = signals_for(scores, weights, activity, now=now)
        suggestion = Suggestion(
            person=profile.user,
            profile=profile,
            score=round(relevance(found) * (1.0 if profile.active else LEFT_FACTOR), 3),
            level=level,
            unavailable=availability(profile, load=profile.load, on=now.date()),
            signals=found,
        )
        named = [score for score in scores if weights.get(score.topic_id) == 1.0] or scores
        suggestion.reasons = [
            *reasons_for(named, show_self=row["person_id"] in visible_self_assessments, closeness=[]),
            *work_reasons(scores, weights, left=not profile.active, quiet=quiet, activity=activity, now=now),
            *closeness(profile, asker_profile, now=now),
        ]
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
        return (
            suggestion.unavailable is not None,
            not worked[suggestion.person.pk],
            -suggestion.score * bonus,
            suggestion.person.pk,
        )

    suggestions.sort(key=order)
    if filled:
        # Only the best of the people at work elsewhere, as many as the area lacks; its own people all stay.
        elsewhere = [s.person.pk for s in suggestions if s.person.pk in filled][:fill]
        suggestions = [s for s in suggestions if s.person.pk not in filled or s.person.pk in elsewhere]
    return suggestions[:limit]


def active_elsewhere(*, exclude: list[int], now: datetime, count: int) -> list[dict]:
    """Candidates rows (person, total 0) for the people with the most work of their own anywhere in the wiki
    over the last year, active in HR: suggested after everyone who worked on the area."""
    rows = (
        Evidence.objects.filter(
            kind__in=ACTIVE_KINDS,
            occurred_at__lte=now,
            occurred_at__gt=now - ACTIVE_YEAR,
            person__is_active=True,
            person__profile__active=True,
        )
        .exclude(person_id__in=exclude)
        .values("person_id")
        .annotate(work=Count("id"))
        .order_by("-work", "person_id")[:count]
    )
    return [{"person_id": row["person_id"], "total": 0.0} for row in rows]


def did_own_work(scores: list[ExpertiseScore]) -> bool:
    """Whether the person ever did work of their own on these topics (edits, verifications, resolved gaps,
    finished tasks, accepted answers). Owning pages alone, as the account that ran an import does, is not: such
    a person ranks after everyone who did, however long ago."""
    return any(score.facts.get("latest") for score in scores)


def quiet_since(profile: Profile, scores: list[ExpertiseScore], *, now: datetime) -> date | None:
    """When the person's own work on these topics stopped, if that was long ago, or `now` when they have left
    in HR; None otherwise."""
    if not profile.active:
        return now.date()
    latest = max((score.facts["latest"] for score in scores if score.facts.get("latest")), default=None)
    if latest is None:
        return None
    last = date.fromisoformat(latest)
    return last if (now.date() - last).days > QUIET_AFTER_DAYS else None


def work_reasons(
    scores: list[ExpertiseScore],
    weights: dict[int, float],
    *,
    left: bool,
    quiet: date | None,
    activity: Activity,
    now: datetime,
) -> list[str]:
    """What the ranking counted beyond each topic's evidence: breadth over the area, on how many days and how
    lately they worked on it, and whether they are still at work in the wiki."""
    reasons = []
    area = [score for score in scores if weights.get(score.topic_id, 0.0) > 0]
    if len(weights) > 1 and len(area) > 1:
        reasons.append(
            ngettext(
                "worked on %(count)d of the %(total)d topics of this area",
                "worked on %(count)d of the %(total)d topics of this area",
                len(area),
            )
            % {"count": len(area), "total": len(weights)}
        )
    # Days are counted per topic, as the ranking counts them: a day's work on two of the area's topics is two.
    days = sum(own_days(score) for score in on_own_topics(area, weights))
    if days > 1:
        reasons.append(
            ngettext("worked on its topics on %(count)d day", "worked on its topics on %(count)d days", days)
            % {"count": days}
        )
    latest = max((score.facts["latest"] for score in area if score.facts.get("latest")), default=None)
    if not area and not left:
        reasons.append(gettext("no work on this area yet, but at work elsewhere in the wiki"))
    if left:
        reasons.append(gettext("has left"))
    elif quiet is not None:
        reasons.append(gettext("no work of their own on it since %(date)s") % {"date": quiet.isoformat()})
    elif latest is not None and (now.date() - datetime.fromisoformat(latest).date()).days <= RECENTLY_ACTIVE_DAYS:
        reasons.append(gettext("worked on it in the last three months"))
    if left:
        return reasons
    if activity.months:
        reasons.append(
            ngettext(
                "worked in the wiki in %(count)d of the last 12 months",
                "worked in the wiki in %(count)d of the last 12 months",
                activity.months,
            )
            % {"count": activity.months}
        )
    elif activity.latest is not None:
        reasons.append(
            gettext("no work of their own in the wiki since %(date)s") % {"date": activity.latest.date().isoformat()}
        )
    return reasons


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
