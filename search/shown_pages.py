"""The pages Ask shows, as what Ask shows and reads of them: title, link, kind, where the page is, its
verification dates, its topics and its text (`PageText`: parsing a body costs more than matching it).

They are the same for every asker, so each is kept in the cache per page, keyed on the wiki's generation
(`onramp.page_generation`: a page saved, published, moved or deleted, its topics changed or a topic renamed
makes every entry stale at once) and on this module's own generation, which a page's verification (written
without saving the page) and a site saved or deleted (links depend on the sites) make new. Who may see a page
is never kept here: Ask asks only for pages the asker may see. Whether a page has a known issue (an open gap
or revision task) is read for every request, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.encoding import force_str

from wagtail.models import Page, Site

from onramp import page_generation
from search.page_text import PageText
from wiki.freshness import FreshnessState, verification_due_at, verification_state
from wiki.models import ArticlePage, OwnedPage, ProcessPage
from wiki.problems import has_known_issue, mark_known_issues
from wiki.signals import page_verified

SHOWN = page_generation.Generation("search:shown-pages-generation")
KIND_LABELS = dict(ArticlePage.Kind.choices)


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


def shown_pages(ids: list[int]) -> dict[int, ShownPage]:
    """The pages of `ids` that exist, by id, each knowing whether it has a known issue: from the cache, and
    the others in one query per wiki page type and one for their ancestors."""
    prefix = f"onramp:pages:{page_generation.current()}:search:shown:{SHOWN.current()}:"
    kept = cache.get_many([f"{prefix}{pk}" for pk in ids])
    found = {pk: kept[f"{prefix}{pk}"] for pk in ids if f"{prefix}{pk}" in kept}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        loaded = load(missing)
        cache.set_many(
            {f"{prefix}{pk}": page for pk, page in loaded.items()}, page_generation.lifetime(page_generation.MAX_AGE)
        )
        found.update(loaded)
    # After storing: whether a page has a known issue is read afresh for each request.
    mark_known_issues(found.values())
    return found


def load(ids: list[int]) -> dict[int, ShownPage]:
    """The pages as their own types (one query per wiki page type, whatever the mix; Wagtail's `.specific()`
    costs a query per type present), with their topics, then their ancestors in one query."""
    pages: dict[int, Page] = {}
    for model in (ArticlePage, ProcessPage):
        pages.update({page.pk: page for page in model.objects.filter(pk__in=ids).prefetch_related("topics")})
    others = [pk for pk in ids if pk not in pages]
    if others:
        pages.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
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


@receiver(page_verified, dispatch_uid="search.shown_pages.verified")
def page_verified_or_site_changed(sender, **kwargs) -> None:
    SHOWN.bump()


post_save.connect(page_verified_or_site_changed, sender=Site, dispatch_uid="search.shown_pages.site_saved")
post_delete.connect(page_verified_or_site_changed, sender=Site, dispatch_uid="search.shown_pages.site_deleted")
