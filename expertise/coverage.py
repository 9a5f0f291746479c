"""The expertise map: who knows which topics, per person or per team, and where knowledge is thin."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from expertise.models import ExpertiseScore, Profile, Team, Topic

EXPERT_RANK = 2  # expert or go-to person
RANK_LABELS = {0: _("Learning"), 1: _("Practitioner"), 2: _("Expert"), 3: _("Go-to person")}


RISKS_SHOWN = 5  # the map names this many worst topics, not every thin one
# The gap statuses forums counts as open (forums.models.OPEN_GAP_STATUSES); spelled here because forums sits
# above expertise in the layers.
OPEN_GAP_STATUSES = ("new", "triaged", "in-revision")


@dataclass
class TopicCoverage:
    topic: Topic
    experts: int
    practitioners: int = 0
    stale_pages: int = 0
    open_gaps: int = 0
    risk_rank: int | None = None  # 1 for the worst; None when not among the ranked risks

    @property
    def at_risk(self) -> bool:
        """Bus factor: no expert at all, or only one."""
        return self.experts <= 1

    @property
    def risk_score(self) -> int:
        """How badly the topic's knowledge is at risk: no expert weighs most, then one expert, nobody learning
        to take over, pages overdue for review and unanswered gaps (each capped, so one noisy topic does not
        swamp the rest)."""
        score = {0: 4, 1: 2}.get(self.experts, 0)
        if self.at_risk and not self.practitioners:
            score += 1
        return score + min(self.stale_pages, 3) + min(self.open_gaps, 3)

    @property
    def risk_reasons(self) -> list[str]:
        reasons = []
        if self.experts == 0:
            reasons.append(gettext("no expert"))
        elif self.experts == 1:
            reasons.append(gettext("only one expert"))
        if self.at_risk and not self.practitioners:
            reasons.append(gettext("nobody practising it"))
        if self.stale_pages:
            reasons.append(
                ngettext("%(count)d page overdue for review", "%(count)d pages overdue for review", self.stale_pages)
                % {"count": self.stale_pages}
            )
        if self.open_gaps:
            reasons.append(
                ngettext("%(count)d open gap", "%(count)d open gaps", self.open_gaps) % {"count": self.open_gaps}
            )
        return reasons


@dataclass
class MapRow:
    label: str
    url: str
    cells: list[dict | None] = field(default_factory=list)


@dataclass
class CoverageMap:
    topics: list[TopicCoverage]
    rows: list[MapRow]
    page: PaginatorPage | None

    @property
    def risks(self) -> list[TopicCoverage]:
        """The ranked worst topics, worst first."""
        return sorted((c for c in self.topics if c.risk_rank is not None), key=lambda c: c.risk_rank)


def map_topics(topics: QuerySet[Topic] | None = None) -> list[Topic]:
    """The map's columns by name: `topics` (a process area's, see wiki.topics.topics_of_area), or every topic
    someone has a score on."""
    if topics is None:
        topics = Topic.objects.filter(scores__isnull=False).distinct()
    return list(topics.order_by("name"))


def expert_counts(topic_ids: list[int], *, team: Team | None = None) -> dict[int, int]:
    scores = ExpertiseScore.objects.filter(topic_id__in=topic_ids, rank__gte=EXPERT_RANK, person__is_active=True)
    if team is not None:
        scores = scores.filter(person__profile__team=team)
    return dict(scores.values("topic_id").annotate(n=Count("person_id")).values_list("topic_id", "n"))


def coverage_map(
    *,
    topics: QuerySet[Topic] | None = None,
    team: Team | None = None,
    by: str = "people",
    page_number=1,
    per_page: int = 100,
) -> CoverageMap:
    topics = map_topics(topics)
    topic_ids = [topic.pk for topic in topics]
    counts = expert_counts(topic_ids, team=team)
    coverage = [TopicCoverage(topic=topic, experts=counts.get(topic.pk, 0)) for topic in topics]
    rank_risks(coverage, team=team)
    if by == "teams":
        return CoverageMap(topics=coverage, rows=team_rows(topic_ids, team=team), page=None)
    rows, page = people_rows(topic_ids, team=team, page_number=page_number, per_page=per_page)
    return CoverageMap(topics=coverage, rows=rows, page=page)


def rank_risks(coverage: list[TopicCoverage], *, team: Team | None = None, shown: int = RISKS_SHOWN) -> None:
    """Reads each topic's practitioners, pages overdue for review and open gaps, and ranks the `shown` worst
    (a score of 2 or more, so a topic is never ranked for one stale page alone) by `risk_score`."""
    by_id = {c.topic.pk: c for c in coverage}
    practising = ExpertiseScore.objects.filter(topic_id__in=by_id, rank=1, person__is_active=True)
    if team is not None:
        practising = practising.filter(person__profile__team=team)
    for topic_id, n in practising.values("topic_id").annotate(n=Count("person_id")).values_list("topic_id", "n"):
        by_id[topic_id].practitioners = n
    now = timezone.now()
    signals = Topic.objects.filter(pk__in=by_id).annotate(
        # Through the page-topic links by name, as expertise may not import wiki.
        stale=Count(
            "page_links",
            filter=Q(
                page_links__content_object__live=True,
                page_links__content_object__articlepage__verification_due_at__lt=now,
            ),
            distinct=True,
        ),
        gaps=Count("gap", filter=Q(gap__status__in=OPEN_GAP_STATUSES), distinct=True),
    )
    for topic_id, stale, gaps in signals.values_list("pk", "stale", "gaps"):
        by_id[topic_id].stale_pages, by_id[topic_id].open_gaps = stale, gaps
    ranked = sorted((c for c in coverage if c.risk_score >= 2), key=lambda c: (-c.risk_score, c.experts, c.topic.name))
    for position, item in enumerate(ranked[:shown], start=1):
        item.risk_rank = position


def people_rows(topic_ids: list[int], *, team: Team | None, page_number, per_page: int):
    scores = ExpertiseScore.objects.filter(topic_id__in=topic_ids, person__is_active=True)
    if team is not None:
        scores = scores.filter(person__profile__team=team)
    people = scores.values("person_id").annotate(total=Sum("score")).order_by("-total", "person_id")
    page = Paginator(people, per_page).get_page(page_number)
    person_ids = [row["person_id"] for row in page.object_list]
    profiles = {p.user_id: p for p in Profile.objects.filter(user_id__in=person_ids).select_related("user")}
    cells: dict[tuple[int, int], dict] = {
        (person_id, topic_id): {"rank": rank, "label": RANK_LABELS[rank], "score": round(score, 1)}
        for person_id, topic_id, rank, score in ExpertiseScore.objects.filter(
            person_id__in=person_ids, topic_id__in=topic_ids
        ).values_list("person_id", "topic_id", "rank", "score")
    }
    rows = []
    for person_id in person_ids:
        profile = profiles.get(person_id)
        if profile is None:
            continue
        rows.append(
            MapRow(
                label=profile.name,
                url=f"/people/{profile.user.get_username()}/",
                cells=[cells.get((person_id, topic_id)) for topic_id in topic_ids],
            )
        )
    return rows, page


def team_rows(topic_ids: list[int], *, team: Team | None) -> list[MapRow]:
    teams = [team] if team is not None else list(Team.objects.order_by("name"))
    scores = ExpertiseScore.objects.filter(
        topic_id__in=topic_ids, person__is_active=True, person__profile__team__in=teams
    )
    cells = {
        (team_id, topic_id): {
            "rank": best,
            "label": ngettext("%(count)d expert, best: %(best)s", "%(count)d experts, best: %(best)s", experts)
            % {"count": experts, "best": RANK_LABELS[best]},
            "score": experts,
        }
        for team_id, topic_id, best, experts in scores.values("person__profile__team_id", "topic_id")
        .annotate(best=Max("rank"), experts=Count("person_id", filter=Q(rank__gte=EXPERT_RANK)))
        .values_list("person__profile__team_id", "topic_id", "best", "experts")
    }
    return [
        MapRow(
            label=t.name, url=f"/people/?team={t.slug}", cells=[cells.get((t.pk, topic_id)) for topic_id in topic_ids]
        )
        for t in teams
    ]


def topics_without_an_expert(*, at_most: int = 1) -> QuerySet[Topic]:
    """Topics with `at_most` experts or fewer, fewest first: the bus-factor risks."""
    return (
        Topic.objects.annotate(
            experts=Count("scores", filter=Q(scores__rank__gte=EXPERT_RANK, scores__person__is_active=True)),
            practitioners=Count("scores", filter=Q(scores__rank=1, scores__person__is_active=True)),
        )
        .filter(experts__lte=at_most)
        .order_by("experts", "name")
    )
