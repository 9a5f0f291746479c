"""BM25F over Onramp's term index (`search.term_index`): one SQL query, the same on SQLite and PostgreSQL.

Each field's count of a term is divided by the field's length relative to its average (`b` says how much),
weighted by the field, summed, saturated (`K1`) and multiplied by the term's inverse document frequency:
a word few pages use says more about a page than one most pages use."""

from __future__ import annotations

import math

from django.db import connection

from search import term_index
from search.models import IndexedPage, PageTerm

K1 = 1.2
# A word in the title says most about a page, then its topics (the folder it was filed in among them), then
# headings, summary and body alike: headings are often generic ("Steps", "Resources") and the summary is
# often the body's first sentence again. The Elasticsearch fields use the same weights (search/documents.py).
# Chosen with `make eval-search` on half its questions and checked on the other half (see the commit).
FIELD_WEIGHTS = {"title": 6.0, "headings": 1.0, "summary": 1.0, "topics": 4.0, "body": 1.0}
# How much a field's length matters: a word in a long body or a long title says less than in a short one.
FIELD_B = {"title": 0.75, "headings": 0.75, "summary": 0.9, "topics": 0.75, "body": 0.9}
# Every constant of the score as a float: PostgreSQL would otherwise compute it in numeric, several times
# slower, and to more digits than SQLite (which ranks in floats), so two pages tied on SQLite would not be.
REAL = "CAST(%s AS DOUBLE PRECISION)"


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
    collection = term_index.collection()
    known_idfs = known_idfs or {}
    factors = {
        term: weight * known_idfs.get(term, idf(counts[term], collection.page_count))
        for term, weight in terms.items()
        if term in counts
    }
    weighted_count_sql, weighted_count_params = [], []
    for name in term_index.FIELDS:
        average = collection.average_lengths[name]
        b = FIELD_B[name]
        weighted_count_sql.append(f"{REAL} * posting.{name} / ({REAL} + {REAL} * page_lengths.{name}_length)")
        weighted_count_params += [FIELD_WEIGHTS[name], 1 - b, b / average if average else 0.0]
    factor_sql = "CASE posting.term " + " ".join([f"WHEN %s THEN {REAL}"] * len(factors)) + " END"
    factor_params = [value for pair in factors.items() for value in pair]
    term_placeholders = ", ".join(["%s"] * len(factors))
    allowed_sql, allowed_params = pages.order_by().values("pk").query.sql_with_params()
    # Each matching page's score from the postings alone (the covering index on term and page answers them
    # without reading the table), then only those pages joined to the pages the asker may see.
    sql = (
        "SELECT page.id, page.title, hit.score FROM ("  # noqa: S608 (table names from the models)
        f"SELECT scored.page_id, SUM(scored.factor * scored.weighted / ({REAL} + scored.weighted)) AS score FROM ("
        f"SELECT posting.page_id, {factor_sql} AS factor, ({' + '.join(weighted_count_sql)}) AS weighted "
        f"FROM {PageTerm._meta.db_table} AS posting "
        f"JOIN {IndexedPage._meta.db_table} AS page_lengths ON page_lengths.page_id = posting.page_id "
        f"WHERE posting.term IN ({term_placeholders})"
        ") AS scored GROUP BY scored.page_id"
        ") AS hit JOIN wagtailcore_page AS page ON page.id = hit.page_id "
        f"WHERE page.id IN ({allowed_sql}) "
        "ORDER BY hit.score DESC, page.id LIMIT %s"
    )
    params = [K1, *factor_params, *weighted_count_params, *factors, *allowed_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(page_id, title, float(score)) for page_id, title, score in cursor.fetchall()]
