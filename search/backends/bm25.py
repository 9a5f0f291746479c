"""BM25F over Onramp's term index (`search.term_index`): one SQL query (two when a filter or closed sections
leave too few of the wiki's best pages), the same on SQLite and PostgreSQL. The wiki's best pages for a
question's terms are kept on the index's generation; then one query asks which of them the asker may see.

A page's score is the sum over the question's terms of the term's inverse document frequency (a word few pages
use says more about a page than one most pages use) times the posting's weight, the part of BM25F that depends
on the page alone (its counts of the term per field, weighted by field and length, saturated), which the term
index keeps (`search.posting_weights`)."""

from __future__ import annotations

import hashlib
import math

from django.db import connection
from django.db.models.expressions import RawSQL

from onramp import page_generation
from search import term_index
from search.index_generation import INDEX
from search.models import PageTerm
from search.posting_weights import REAL

# A question's best pages are looked for among this many times as many of the best pages of the whole wiki,
# then narrowed to what the asker may see; only if too few are left are all the matching pages narrowed.
CANDIDATES_PER_PAGE_WANTED = 3


def idf(page_count: int, pages: int) -> float:
    return math.log(1 + (pages - page_count + 0.5) / (page_count + 0.5))


def idfs(terms: list[str], *, counts: dict[str, int] | None = None) -> dict[str, float]:
    """Each term's inverse document frequency; a term no page has gets the highest there can be. `counts`
    (`term_index.page_counts` of at least `terms`) saves looking them up."""
    counts = term_index.page_counts(terms) if counts is None else counts
    pages = term_index.collection().page_count
    return {term: idf(counts.get(term, 0), pages) for term in terms}


def ranked_pages(
    *,
    terms: dict[str, float],
    pages,
    limit: int,
    known_idfs: dict[str, float] | None = None,
    known_counts: dict[str, int] | None = None,
) -> list[tuple[int, str, float]]:
    """(page id, title, score — higher is better) of the best `limit` pages among `pages` (a queryset already
    narrowed to what the asker may see) for `terms`, each stemmed term with how much the asker meant it
    (1 for their own words, less for a glossary expansion). `known_idfs` and `known_counts` (the page counts
    of at least `terms`) save looking them up again."""
    counts = term_index.page_counts(list(terms)) if known_counts is None else known_counts
    counts = {term: counts[term] for term in terms if term in counts}
    if not counts:
        return []
    pages_in_index = term_index.collection().page_count
    known_idfs = known_idfs or {}
    factors = {
        term: weight * known_idfs.get(term, idf(counts[term], pages_in_index))
        for term, weight in terms.items()
        if term in counts
    }
    factor_sql = "CASE posting.term " + " ".join([f"WHEN %s THEN {REAL}"] * len(factors)) + " END"
    scores_sql = (
        f"SELECT posting.page_id, SUM({factor_sql} * posting.weight) AS score "  # noqa: S608 (the model's table)
        f"FROM {PageTerm._meta.db_table} AS posting WHERE posting.term IN ({', '.join(['%s'] * len(factors))}) "
        "GROUP BY posting.page_id"
    )
    scores_params = [*(value for pair in factors.items() for value in pair), *factors]
    candidates = limit * CANDIDATES_PER_PAGE_WANTED
    ranked_now: list[tuple[int, str | None, float]] = []

    def rank() -> list[tuple[int, float]]:
        ranked_now.extend(best_pages_seen(scores_sql, scores_params, candidates, pages))
        return [(page_id, score) for page_id, _, score in ranked_now]

    # The wiki's best pages for these terms are the same for every asker until the index changes: kept, as
    # Solr's query result cache keeps them, and then only which of them the asker may see is asked.
    best_key = hashlib.sha256(repr((sorted(factors.items()), candidates)).encode()).hexdigest()
    best = page_generation.cached(f"search:best-pages:{best_key}", rank, generation=INDEX)
    rows = ranked_now
    if not rows and best:
        titles = dict(pages.filter(pk__in=[page_id for page_id, _ in best]).order_by().values_list("pk", "title"))
        rows = [(page_id, titles.get(page_id), score) for page_id, score in best]
    seen = [(page_id, title, float(score)) for page_id, title, score in rows if title is not None]
    if len(seen) >= limit or len(rows) < candidates:
        return seen[:limit]
    # Most of the wiki's best pages are closed to the asker or filtered out: all the matching pages, narrowed.
    allowed_sql, allowed_params = pages.order_by().values("pk").query.sql_with_params()
    sql = (
        f"SELECT page.id, page.title, hit.score FROM ({scores_sql}) AS hit "  # noqa: S608
        f"JOIN wagtailcore_page AS page ON page.id = hit.page_id WHERE page.id IN ({allowed_sql}) "
        "ORDER BY hit.score DESC, page.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scores_params, *allowed_params, limit])
        return [(page_id, title, float(score)) for page_id, title, score in cursor.fetchall()]


def best_pages_seen(
    scores_sql: str, scores_params: list, candidates: int, pages
) -> list[tuple[int, str | None, float]]:
    """(page id, title or None where the asker may not see it, score) of the wiki's best `candidates` pages."""
    # The best pages of the whole wiki first (the covering index on term, page and weight answers them without
    # reading the table), then which of them the asker may see: a primary-key lookup each, rather than
    # joining every matching page to every page the asker may see.
    seen_sql, seen_params = (
        pages.filter(pk__in=RawSQL("SELECT page_id FROM best", ())).order_by().values("pk", "title").query
    ).sql_with_params()
    sql = (
        f"WITH best AS ({scores_sql} ORDER BY score DESC, posting.page_id LIMIT %s) "  # noqa: S608
        f"SELECT best.page_id, seen.title, best.score FROM best LEFT JOIN ({seen_sql}) AS seen "
        "ON seen.pk = best.page_id ORDER BY best.score DESC, best.page_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scores_params, candidates, *seen_params])
        return [(page_id, title, float(score)) for page_id, title, score in cursor.fetchall()]
