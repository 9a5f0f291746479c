"""The pages Ask shows, as what Ask shows and reads of them: title, link, kind, where the page is, its
verification dates, its topics and its text (`PageText`: parsing a body costs more than matching it).

They are the same for every asker, so each is kept per page, keyed on the wiki's generation
(`onramp.page_generation`: a page saved, published, moved, deleted or verified, its topics changed, a topic
renamed, or a site saved or deleted, since links depend on the sites, makes every entry stale at once). They are
kept in each process's memory, not in the shared cache: a results page shows a dozen pages, and as many entries
per question would crowd out of a per-process cache (5,000 entries) the generations themselves and the
people rankings; the generations, read from the shared cache, still make every process's entries stale at
once. Who may see a page is never kept here: Ask asks only for pages the asker may see. Whether a page has a
known issue (an open gap or revision task) is kept apart, on the problems' generation
(`page_generation.PROBLEMS`, which a gap or revision task saved or deleted moves on).

The same way, `page_facts` keeps what the facets count of every page matched (a hundred a question): its path
and its topics."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime

from django.utils.encoding import force_str

from wagtail.models import Page

from onramp import page_generation
from onramp.page_generation import Kept
from onramp.wagtail_compat import share_site_root_paths
from search.page_text import PageText
from wiki.freshness import FreshnessState, verification_due_at, verification_state
from wiki.models import ArticlePage, OwnedPage, PageTopic, ProcessPage
from wiki.problems import has_known_issue, pages_with_known_issues

KIND_LABELS = dict(ArticlePage.Kind.choices)
# How many shown pages a process keeps, the least recently shown left out first (a few kilobytes each).
KEPT_PAGES = 2000
# How many matched pages' facts (a path and a few topics) a process keeps.
KEPT_FACTS = 20000


@dataclass(frozen=True)
class Crumb:
    """An ancestor of a shown page, for its breadcrumbs."""

    depth: int
    title: str


@dataclass(frozen=True)
class Verification:
    due_at: datetime | None
    last_verified_at: datetime | None
    first_published_at: datetime | None
    interval_days: int


@dataclass
class ShownPage:
    pk: int
    title: str
    url: str | None
    url_path: str
    path: str
    depth: int
    # An article's kind; "" for a process.
    kind: str
    text: PageText
    # None for a page type without topics.
    topic_ids: tuple[int, ...] | None
    ancestors: tuple[Crumb, ...]
    verification: Verification | None

    def get_kind_display(self) -> str:
        return force_str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def freshness(self) -> FreshnessState | None:
        """As `OwnedPage.freshness`; None for a page nobody owns."""
        if self.verification is None:
            return None
        v = self.verification
        due_at = v.due_at or verification_due_at(
            last_verified_at=v.last_verified_at, first_published_at=v.first_published_at, interval_days=v.interval_days
        )
        return verification_state(due_at=due_at, last_verified_at=v.last_verified_at, known_issue=has_known_issue(self))

    def breadcrumbs(self, root_depth: int) -> list[Crumb]:
        """The page's ancestors below the site's home page (at `root_depth`), top first."""
        return [crumb for crumb in self.ancestors if crumb.depth > root_depth]


KEPT: Kept[int, ShownPage] = Kept(KEPT_PAGES)
KEPT_FACTS_OF: Kept[int, PageFacts] = Kept(KEPT_FACTS)
KEPT_KNOWN_ISSUES: Kept[int, bool] = Kept(KEPT_FACTS)


def shown_pages(ids: list[int]) -> dict[int, ShownPage]:
    """The pages of `ids` that exist, by id, each knowing whether it has a known issue: kept ones, and the
    others in one query per wiki page type and one for their ancestors."""
    found = KEPT.get_or_load(page_generation.current(), ids, load)
    # Copies, each told whether it has a known issue: the kept pages are shared by every request.
    found = {pk: copy.copy(page) for pk, page in found.items()}
    known = known_issues(list(found))
    for pk, page in found.items():
        page._known_issue = known[pk]
    return found


def known_issues(ids: list[int]) -> dict[int, bool]:
    """Whether each page has a known issue (wiki.problems): kept ones, and the others in one query."""

    def load_known(missing: list[int]) -> dict[int, bool]:
        with_issues = pages_with_known_issues(missing)
        return {pk: pk in with_issues for pk in missing}

    return KEPT_KNOWN_ISSUES.get_or_load(page_generation.PROBLEMS.current(), ids, load_known)


@dataclass(frozen=True)
class PageFacts:
    """What the facets count of a matched page."""

    path: str
    # (slug, name) of each of its topics.
    topics: tuple[tuple[str, str], ...]


def page_facts(ids: list[int]) -> dict[int, PageFacts]:
    """The path and topics of each page of `ids` that exists: kept ones, and the others in two queries."""
    return KEPT_FACTS_OF.get_or_load(page_generation.current(), ids, load_facts)


def load_facts(ids: list[int]) -> dict[int, PageFacts]:
    topics: dict[int, list[tuple[str, str]]] = {pk: [] for pk in ids}
    for pk, slug, name in PageTopic.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__slug", "tag__name"
    ):
        topics[pk].append((slug, name))
    return {
        pk: PageFacts(path=path, topics=tuple(topics[pk]))
        for pk, path in Page.objects.filter(pk__in=ids).values_list("pk", "path")
    }


def load(ids: list[int]) -> dict[int, ShownPage]:
    """The pages as their own types (one query per wiki page type, whatever the mix; Wagtail's `.specific()`
    costs a query per type present), with their topics, then their ancestors in one query."""
    pages: dict[int, Page] = {}
    for model in (ArticlePage, ProcessPage):
        pages.update({page.pk: page for page in model.objects.filter(pk__in=ids).prefetch_related("topics")})
    others = [pk for pk in ids if pk not in pages]
    if others:
        pages.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
    share_site_root_paths(pages.values())
    steplen = Page.steplen
    wanted = {page.path[: steplen * depth] for page in pages.values() for depth in range(1, page.depth)}
    ancestors = {
        path: Crumb(depth, title)
        for path, depth, title in Page.objects.filter(path__in=wanted).values_list("path", "depth", "title")
    }
    return {pk: shown_page(page, ancestors) for pk, page in pages.items()}


def shown_page(page: Page, ancestors: dict[str, Crumb]) -> ShownPage:
    topics = getattr(page, "topics", None)
    return ShownPage(
        pk=page.pk,
        title=page.title,
        url=page.url,
        url_path=page.url_path,
        path=page.path,
        depth=page.depth,
        kind=getattr(page, "kind", "") or "",
        text=PageText.of(page),
        topic_ids=tuple(topic.pk for topic in topics.all()) if topics is not None else None,
        ancestors=tuple(
            ancestors[page.path[: Page.steplen * depth]]
            for depth in range(1, page.depth)
            if page.path[: Page.steplen * depth] in ancestors
        ),
        verification=Verification(
            due_at=page.verification_due_at,
            last_verified_at=page.last_verified_at,
            first_published_at=page.first_published_at,
            interval_days=page.verification_interval_days,
        )
        if isinstance(page, OwnedPage)
        else None,
    )
