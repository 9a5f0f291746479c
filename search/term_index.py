"""Onramp's term index: for every live wiki page, how often each stemmed word occurs in its title, headings,
summary, topics and body, each field's length, and in how many pages each word occurs (its document
frequency). It is what BM25 needs, kept in ordinary tables so SQLite and PostgreSQL rank the same way.

The search backend (`search.backends.indexed`) updates it whenever Wagtail's index is updated: a page saved,
published, unpublished, moved or deleted, a bulk import, `search_reindex`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import Avg, Count, F

from wagtail.models import Page

from onramp import page_generation
from onramp.page_generation import Kept
from onramp.stemming import stem
from search import posting_weights
from search.index_generation import INDEX
from search.models import IndexedPage, PageTerm, TermIndexState, TermStatistic
from search.normalise import STOP_WORDS, text_words
from search.page_text import body_text_of, headings_of, summary_of
from wiki.models import ArticlePage, ProcessPage

FIELDS = posting_weights.FIELDS
MAX_TERM_CHARS = 40
# How many terms' page counts a process keeps (a hundred bytes each).
KEPT_TERMS = 50000
UPSERT_ROWS = 400
UPDATE_TERMS = 5000


def searchable(page: Page) -> bool:
    return isinstance(page, ArticlePage | ProcessPage) and page.live


def terms_of(text: str) -> list[str]:
    """The stemmed words of `text` worth indexing, in order (stop words and over-long tokens left out)."""
    return [stem(word) for word in text_words(text) if word not in STOP_WORDS and len(word) <= MAX_TERM_CHARS]


def query_terms(words: Iterable[str]) -> list[str]:
    """The terms to look up for a question's words: the same stemming as the pages, without repeats."""
    return list(dict.fromkeys(stem(word) for word in words if word and len(word) <= MAX_TERM_CHARS))


def fields_of(page: Page) -> dict[str, list[str]]:
    topics = page.topics.all() if hasattr(page, "topics") else []
    return {
        "title": terms_of(page.title),
        "headings": terms_of(" ".join(headings_of(page))),
        "summary": terms_of(summary_of(page)),
        "topics": terms_of(" ".join(topic.name for topic in topics)),
        "body": terms_of(body_text_of(page)),
    }


@transaction.atomic
def index_pages(pages: Iterable[Page]) -> None:
    """Brings the term index up to date for `pages` (specific pages): live wiki pages in with their current
    text, any other page out."""
    pages = list(pages)
    out = [page.pk for page in pages if not searchable(page)]
    if out:
        remove_pages(out)
    pages = [page for page in pages if searchable(page)]
    if not pages:
        return
    ids = [page.pk for page in pages]
    before = Counter(PageTerm.objects.filter(page_id__in=ids).values_list("term", flat=True))
    PageTerm.objects.filter(page_id__in=ids).delete()
    IndexedPage.objects.filter(page_id__in=ids).delete()
    counted, lengths, after = [], [], Counter()
    for page in pages:
        fields = fields_of(page)
        counts = [Counter(fields[name]) for name in FIELDS]
        terms = set().union(*counts)
        after.update(terms)
        counted.append((page.pk, terms, counts, {name: len(fields[name]) for name in FIELDS}))
        lengths.append(IndexedPage(page_id=page.pk, **{f"{name}_length": len(fields[name]) for name in FIELDS}))
    IndexedPage.objects.bulk_create(lengths)
    averages = posting_weights.averages_for_new_weights()
    postings = []
    for page_id, terms, counts, page_lengths in counted:
        weigh = posting_weights.weigher(page_lengths, averages)
        for term in terms:
            in_fields = [field[term] for field in counts]
            postings.append((page_id, term, *in_fields, weigh(in_fields)))
    # In the order of the term index's own indexes (term, then page): each insert lands beside the last.
    postings.sort(key=itemgetter(1, 0))
    insert_postings(postings)
    after.subtract(before)
    change_page_counts(after)
    INDEX.bump()


POSTING_COLUMNS = ("page_id", "term", *FIELDS, "weight")
POSTING_ROWS = 2000


def insert_postings(rows: list[tuple]) -> None:
    """Inserts postings given as rows of POSTING_COLUMNS: as plain rows rather than model instances, which
    cost more than the database's own work (a handbook import writes a couple of hundred thousand)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in POSTING_COLUMNS)
    values = ", ".join(["%s"] * len(POSTING_COLUMNS))
    sql = f"INSERT INTO {quote(PageTerm._meta.db_table)} ({columns}) VALUES ({values})"  # noqa: S608 (model's names)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), POSTING_ROWS):
            cursor.executemany(sql, rows[start : start + POSTING_ROWS])


@transaction.atomic
def remove_pages(page_ids: Iterable[int]) -> None:
    ids = list(page_ids)
    gone = Counter(PageTerm.objects.filter(page_id__in=ids).values_list("term", flat=True))
    PageTerm.objects.filter(page_id__in=ids).delete()
    IndexedPage.objects.filter(page_id__in=ids).delete()
    change_page_counts(Counter({term: -count for term, count in gone.items()}))
    posting_weights.averages_for_new_weights()  # the other pages' weights, if the averages moved
    INDEX.bump()


def change_page_counts(changes: Counter) -> None:
    """Adds each change (positive or negative) to its term's document frequency: new and more frequent terms
    in an upsert per few hundred terms (in term order, so two publishes at once take their row locks in the
    same order), less frequent ones in an update per amount, and terms no page has any more deleted."""
    more = sorted((term, change) for term, change in changes.items() if change > 0)
    table = TermStatistic._meta.db_table
    for start in range(0, len(more), UPSERT_ROWS):
        rows = more[start : start + UPSERT_ROWS]
        values = ", ".join(["(%s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (term, page_count) VALUES {values} "  # noqa: S608 (table name from the model)
                f"ON CONFLICT (term) DO UPDATE SET page_count = {table}.page_count + excluded.page_count",
                [value for row in rows for value in row],
            )
    fewer: dict[int, list[str]] = {}
    for term, change in changes.items():
        if change < 0:
            fewer.setdefault(-change, []).append(term)
    for amount, terms in sorted(fewer.items()):
        terms.sort()
        for start in range(0, len(terms), UPDATE_TERMS):
            chunk = terms[start : start + UPDATE_TERMS]
            TermStatistic.objects.filter(term__in=chunk).update(page_count=F("page_count") - amount)
            TermStatistic.objects.filter(term__in=chunk, page_count=0).delete()


def remove_stale() -> int:
    """Takes out the pages no longer live (or no longer wiki pages), should any have been missed."""
    live = Page.objects.live().type(ArticlePage, ProcessPage).values("pk")
    stale = list(IndexedPage.objects.exclude(page_id__in=live).values_list("page_id", flat=True))
    if stale:
        remove_pages(stale)
    return len(stale)


def clear() -> None:
    with transaction.atomic():
        PageTerm.objects.all().delete()
        IndexedPage.objects.all().delete()
        TermStatistic.objects.all().delete()
        TermIndexState.objects.all().delete()
    INDEX.bump()


@dataclass(frozen=True)
class Collection:
    """What BM25 needs to know about all the indexed pages: how many, and each field's average length."""

    page_count: int
    average_lengths: dict[str, float]


def collection() -> Collection:
    return page_generation.cached("search:term-index:collection", compute_collection, generation=INDEX)


def compute_collection() -> Collection:
    totals = IndexedPage.objects.aggregate(pages=Count("page_id"), **{name: Avg(f"{name}_length") for name in FIELDS})
    return Collection(page_count=totals["pages"], average_lengths={name: float(totals[name] or 0) for name in FIELDS})


KEPT_COUNTS: Kept[str, int] = Kept(KEPT_TERMS)


def page_counts(terms: list[str]) -> dict[str, int]:
    """How many pages have each of `terms`, for those some page has: kept in the process on the index's
    generation (a question asks for a few, and Ask asks twice: to rank and to judge), the others in one query."""
    found = KEPT_COUNTS.get_or_load(
        INDEX.current(),
        terms,
        lambda missing: {
            **dict.fromkeys(missing, 0),
            **dict(TermStatistic.objects.filter(term__in=missing).values_list("term", "page_count")),
        },
    )
    return {term: count for term, count in found.items() if count}
