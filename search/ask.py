"""Ask: one question, three answers — the pages that answer it, the people who know, and the open gaps
already raised about it. Views, the `search` command, the evaluation and the benchmark all call `ask`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from wagtail.models import Page, Site

from expertise.models import Topic
from expertise.ranking import Suggestion
from forums.models import OPEN_GAP_STATUSES, Gap
from onramp import page_generation
from search import glossary
from search.answerability import PAGES_JUDGED, Verdict, judge
from search.backends import AskBackend, BackendUnavailable, PageMatch, ParsedQuery, configured_backend, logger
from search.backends.database import DatabaseBackend
from search.highlight import sentence_snippet
from search.normalise import MAX_QUERY_CHARS, normalise, search_words
from search.onboarding import OnboardingPointer, onboarding_pointer
from search.people import people_who_know, topic_weights
from search.semantic import model as semantic_model
from search.semantic.retrieval import nearest_pages
from search.shown_pages import Crumb, ShownPage, page_facts, shown_pages
from search.vocabulary import corrections
from wiki.models import ArticlePage, PageTopic, ProcessPage
from wiki.topics import topics_named_in
from wiki.visibility import closed_sections_key, viewable

PER_PAGE = 10
PEOPLE = 5
GAPS = 5
# Reciprocal rank fusion's constant (see `reciprocal_rank_fusion`).
RRF_K = 60
PROCESS_KIND = "process"
KIND_CHOICES = [(PROCESS_KIND, "Process"), *ArticlePage.Kind.choices]
FALLBACK_NOTICE = gettext_lazy(
    "The main search service is unreachable, so these results come from the simpler database search."
)


@dataclass(frozen=True)
class AskFilters:
    area: int | None = None
    topic: str = ""
    kind: str = ""

    def as_dict(self) -> dict:
        return {
            key: value for key, value in {"area": self.area, "topic": self.topic, "kind": self.kind}.items() if value
        }


@dataclass
class PageHit:
    page: ShownPage
    score: float
    snippet: SafeString
    breadcrumbs: list[Crumb] = field(default_factory=list)


@dataclass
class Facet:
    value: str
    label: str
    count: int


@dataclass
class AskResults:
    query: ParsedQuery | None
    pages: PaginatorPage | None = None
    page_count: int = 0
    people: list[Suggestion] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    definition: glossary.Entry | None = None
    did_you_mean: str = ""
    notice: str = ""
    message: str = ""
    backend: str = "database"
    area_facets: list[Facet] = field(default_factory=list)
    topic_facets: list[Facet] = field(default_factory=list)
    truncated: bool = False
    verdict: Verdict | None = None
    onboarding: OnboardingPointer | None = None

    @property
    def found_nothing(self) -> bool:
        return self.query is not None and not self.page_count and not self.people and not self.gaps

    @property
    def nothing_answers(self) -> bool:
        """No page of the wiki answers the question (whatever weaker matches were found), and it is not a
        question about onboarding, which the onboarding pointer answers."""
        if self.query is None or self.verdict is None or self.verdict.answered:
            return False
        return self.onboarding is None


def parse_query(text: str) -> tuple[ParsedQuery | None, bool, dict[str, str]]:
    """The question as Ask reads it, whether it was cut short, and the typo corrections it made."""
    text = " ".join((text or "").split())
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    words = search_words(text)
    if not words:
        return None, truncated, {}
    fixed = corrections(words)
    extra = [*glossary.expansions(text), *fixed.values()]
    return ParsedQuery(text=text, normalised=normalise(text), words=words, extra_phrases=extra), truncated, fixed


def searchable_pages(request: HttpRequest, filters: AskFilters):
    pages = viewable(Page.objects.live().type(ArticlePage, ProcessPage), request)
    if filters.area:
        area = ProcessPage.objects.filter(pk=filters.area).first()
        pages = pages.descendant_of(area, inclusive=True) if area else pages.none()
    if filters.topic:
        pages = pages.filter(pk__in=PageTopic.objects.filter(tag__slug=filters.topic).values("content_object_id"))
    if filters.kind == PROCESS_KIND:
        pages = pages.type(ProcessPage)
    elif filters.kind in ArticlePage.Kind.values:
        pages = pages.filter(pk__in=ArticlePage.objects.filter(kind=filters.kind).values("pk"))
    return pages


def searchable_pages_key(request: HttpRequest, filters: AskFilters) -> str:
    """What `searchable_pages` depends on besides the wiki itself: the sections closed to the asker and the
    filters. Two askers with the same key may see the same pages."""
    return f"closed={closed_sections_key(request)}:filters={sorted(filters.as_dict().items())}"


def topics_named_by(query: ParsedQuery) -> list[Topic]:
    """The topics the question names, through its words or glossary expansions."""
    return topics_named_in(" ".join([query.text, *query.extra_phrases]))


def snippet_for(page: ShownPage, query: ParsedQuery) -> SafeString:
    text = page.text
    return sentence_snippet(
        list(text.sentences), query.all_words, fallback=text.summary, sentence_words=text.sentence_words
    )


def areas_at(depth: int) -> dict[str, tuple[int, str]]:
    """The process pages at `depth` (the areas, one below the home page), id and title by path; kept on the
    wiki's generation."""
    return page_generation.cached(
        f"search:areas:depth={depth}",
        lambda: {
            path: (pk, title)
            for pk, title, path in ProcessPage.objects.filter(depth=depth).values_list("pk", "title", "path")
        },
    )


def facets_for(page_ids: list[int], site_root: Page | None) -> tuple[list[Facet], list[Facet]]:
    if not page_ids:
        return [], []
    root_depth = site_root.depth if site_root else 2
    prefix = Page.steplen * (root_depth + 1)
    facts = page_facts(page_ids)
    matched = [facts[pk] for pk in page_ids if pk in facts]
    paths = Counter(fact.path[:prefix] for fact in matched)
    areas = areas_at(root_depth + 1)
    area_facets = sorted(
        (Facet(str(areas[path][0]), areas[path][1], count) for path, count in paths.items() if path in areas),
        key=lambda f: (-f.count, f.label),
    )
    topics = Counter(topic for fact in matched for topic in fact.topics).most_common(12)
    topic_facets = [Facet(slug, name, count) for (slug, name), count in topics]
    return area_facets, topic_facets


def ask(
    *,
    text: str,
    request: HttpRequest,
    filters: AskFilters | None = None,
    page_number: int | str | None = 1,
    per_page: int = PER_PAGE,
    backend: AskBackend | None = None,
    with_people: bool = True,
) -> AskResults:
    """Answers a question for the person making `request`: only pages they may see, only open gaps."""
    filters = filters or AskFilters()
    query, truncated, fixed = parse_query(text)
    if query is None:
        message = (
            "Type a question or a few words to search for."
            if not (text or "").strip()
            else ("Use letters or numbers: a search made only of symbols cannot match anything.")
        )
        return AskResults(query=None, message=message)
    backend = backend or configured_backend()
    pages = searchable_pages(request, filters)
    pages_key = searchable_pages_key(request, filters)
    gaps = Gap.objects.filter(status__in=OPEN_GAP_STATUSES)
    notice = ""
    try:
        matches = backend.match_pages(query, pages=pages, limit=100, filters=filters.as_dict(), pages_key=pages_key)
        gap_ids = backend.match_gaps(query, gaps=gaps, limit=GAPS)
    except BackendUnavailable as error:
        logger.warning("Search backend %s unreachable, falling back to the database: %s", backend.name, error)
        backend, notice = DatabaseBackend(), FALLBACK_NOTICE
        matches = backend.match_pages(query, pages=pages, limit=100, filters=filters.as_dict(), pages_key=pages_key)
        gap_ids = backend.match_gaps(query, gaps=gaps, limit=GAPS)
    lexical = matches
    if backend.name == DatabaseBackend.name:
        matches = with_semantic_recall(query, matches, pages=pages)
    site = Site.find_for_request(request)
    site_root = site.root_page if site else None
    paginator = Paginator(matches, per_page)
    shown = paginator.get_page(page_number)
    # The verdict reads words, so it reads the pages found by words: semantic recall changes the ranking shown,
    # not whether the wiki answers.
    judged_ids = [m.page_id for m in lexical[:PAGES_JUDGED]]
    by_id = shown_pages(list(dict.fromkeys([*judged_ids, *(m.page_id for m in shown)])))
    definition = glossary.definition_for(query.text)
    verdict = judge(
        query, [by_id[pk].text for pk in judged_ids if pk in by_id], corrections=fixed, defined=definition is not None
    )
    root_depth = site_root.depth if site_root else 2
    shown.object_list = [
        PageHit(
            page=by_id[m.page_id],
            score=m.score,
            snippet=snippet_for(by_id[m.page_id], query),
            breadcrumbs=by_id[m.page_id].breadcrumbs(root_depth),
        )
        for m in shown
        if m.page_id in by_id
    ]
    matched_ids = [m.page_id for m in matches]
    onboarding = onboarding_pointer(query.text, request, site_root=site_root)
    people = []
    if with_people:
        # Pages that do not answer the question (or a question about onboarding, which the asker's plan answers)
        # say nothing of who would know: only the topics the question names count then.
        weights = topic_weights(
            named=topics_named_by(query),
            page_ids=matched_ids if verdict.answered and not onboarding else [],
            known={pk: page.topic_ids for pk, page in by_id.items()},
        )
        people = people_who_know(weights=weights, asker=request.user, limit=PEOPLE)
    gap_list = sorted(Gap.objects.filter(pk__in=gap_ids), key=lambda g: gap_ids.index(g.pk))
    area_facets, topic_facets = facets_for(matched_ids, site_root)
    did_you_mean = ""
    if fixed and len(lexical) < 3:
        did_you_mean = " ".join(fixed.get(word, word) for word in normalise(query.text).split())
    return AskResults(
        query=query,
        pages=shown,
        page_count=len(matches),
        people=people,
        gaps=gap_list,
        definition=definition,
        did_you_mean=did_you_mean,
        notice=notice,
        backend=backend.name,
        area_facets=area_facets,
        topic_facets=topic_facets,
        truncated=truncated,
        verdict=verdict,
        onboarding=onboarding,
    )


def reciprocal_rank_fusion(*rankings: list[int], k: int = RRF_K) -> list[tuple[int, float]]:
    """Pages ranked by the sum over the rankings of 1 / (k + their rank there), ranks from 1, best first.
    Only ranks count, not scores, so lists scored on different scales combine fairly; a page high in both
    beats one first in either alone, and k (60, as Cormack, Clarke and Büttcher's paper and Elasticsearch
    use) keeps a single first place from outweighing broad agreement."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, page_id in enumerate(ranking, start=1):
            fused[page_id] = fused.get(page_id, 0.0) + 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def with_semantic_recall(query: ParsedQuery, matches: list[PageMatch], *, pages) -> list[PageMatch]:
    """The database backend's matches fused with the pages whose sections mean what the question means
    (`search.semantic`), when its model is installed and on; otherwise `matches` unchanged.

    The two lists: BM25's, as `DatabaseBackend.match_pages` ranks it (the term index, then the title, topic
    and phrase pass), and the pages nearest the question by sentence embedding, each scored by its nearest
    section (only pages of `pages`, what the asker may see). Elasticsearch fuses the same two lists itself
    (`search.documents.page_search`)."""
    if not semantic_model.is_available():
        return matches
    nearest = nearest_pages(" ".join([query.text, *query.extra_phrases]), pages=pages, limit=100)
    if not nearest:
        return matches
    by_id = {match.page_id: match for match in matches}
    fused = reciprocal_rank_fusion([m.page_id for m in matches], [page_id for page_id, _ in nearest])
    return [
        PageMatch(
            page_id=page_id, score=round(score, 6), highlight=by_id[page_id].highlight if page_id in by_id else None
        )
        for page_id, score in fused[: max(len(matches), 100)]
    ]
