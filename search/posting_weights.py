"""BM25F's per-page part of a term's score, kept in each posting of the term index (`PageTerm.weight`) so that
ranking a question only adds up stored numbers (`search.backends.bm25`).

A posting's weight is the term's counts in each field of the page, each weighted by its field and divided by
the field's length relative to its average length over all pages (`FIELD_B` says how much length matters),
summed, then saturated: w / (K1 + w). It is the whole of BM25F but for the inverse document frequency, which
is applied when a question is ranked.

The averages change as pages are published, a little at a time. The weights are computed with the averages
stored in `TermIndexState`, and every weight is computed again (`refresh`) when the true averages have moved
more than `DRIFT` from them, or the formula's constants below have changed; `search_reindex` always does."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from django.db import connection

from onramp.bulk_indexing import defer_to_end
from search.index_generation import INDEX

K1 = 1.2
# A word in the title says most about a page, then its topics (the folder it was filed in among them), then
# headings, summary and body alike: headings are often generic ("Steps", "Resources") and the summary is
# often the body's first sentence again. The Elasticsearch fields use the same weights (search/documents.py).
# Chosen with `make eval-search` on half its questions and checked on the other half (see the commit).
FIELD_WEIGHTS = {"title": 6.0, "headings": 1.0, "summary": 1.0, "topics": 4.0, "body": 1.0}
# How much a field's length matters: a word in a long body or a long title says less than in a short one.
FIELD_B = {"title": 0.75, "headings": 0.75, "summary": 0.9, "topics": 0.75, "body": 0.9}
FIELDS = tuple(FIELD_WEIGHTS)
# How far (relative) the true average length of any field may move from the one the weights were computed
# with before they are all computed again.
DRIFT = 0.02
STATE_ID = 1
# Every constant as a float: PostgreSQL would otherwise compute in numeric, slower and to more digits than
# SQLite, so pages tied on one database would not be on the other.
REAL = "CAST(%s AS DOUBLE PRECISION)"
POSTINGS, PAGES, STATE = "search_pageterm", "search_indexedpage", "search_termindexstate"


def formula() -> str:
    """The constants the weights depend on besides the averages: stored with them, so changing one here
    computes every weight again."""
    return json.dumps({"k1": K1, "weights": FIELD_WEIGHTS, "b": FIELD_B}, sort_keys=True)


def weight(counts: dict[str, int], lengths: dict[str, int], averages: dict[str, float]) -> float:
    """The weight of a posting: `counts` of the term and `lengths` of the page, per field."""
    return weigher(lengths, averages)([counts[name] for name in FIELDS])


def weigher(lengths: dict[str, int], averages: dict[str, float]) -> Callable[[Sequence[int]], float]:
    """The weight of each posting of one page, from the term's counts in FIELDS order: each field's length
    part is worked out once for all the page's terms (the same arithmetic as `weight`, to the last bit)."""
    lengths_part = []
    for name in FIELDS:
        b = FIELD_B[name]
        average = averages.get(name) or 0.0
        lengths_part.append((FIELD_WEIGHTS[name], (1 - b) + (b / average if average else 0.0) * lengths[name]))

    def weigh(counts: Sequence[int]) -> float:
        weighted = 0.0
        for (field_weight, length_part), count in zip(lengths_part, counts, strict=True):
            weighted += field_weight * count / length_part
        return weighted / (K1 + weighted)

    return weigh


def true_averages() -> dict[str, float]:
    """Each field's average length over the indexed pages now."""
    columns = ", ".join(f"AVG({name}_length)" for name in FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {PAGES}")  # noqa: S608 (fixed table and column names)
        row = cursor.fetchone()
    return {name: float(value or 0) for name, value in zip(FIELDS, row, strict=True)}


def stored_averages() -> dict[str, float] | None:
    """The averages the stored weights were computed with, or None if they were computed with other constants
    (or never)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT averages, formula FROM {STATE} WHERE id = %s", [STATE_ID])  # noqa: S608
        row = cursor.fetchone()
    if row is None or row[1] != formula():
        return None
    averages = json.loads(row[0])
    return {name: float(averages.get(name, 0.0)) for name in FIELDS}


def averages_for_new_weights() -> dict[str, float]:
    """The averages to weigh newly indexed postings with: the stored ones while they are current (all weights
    then agree), after computing every weight again if they are not. In a bulk run (an import indexing chunk
    after chunk, onramp.bulk_indexing) every weight is computed again once, at its end, not after each chunk
    that moved the averages: meanwhile new postings are weighed with the true averages."""
    stored = stored_averages()
    true = true_averages()
    if stored is not None and not drifted(stored, true):
        return stored
    if defer_to_end("search.posting_weights.refresh", refresh):
        return true
    return refresh(true)


def drifted(stored: dict[str, float], true: dict[str, float]) -> bool:
    return any(abs(true[name] - stored[name]) > DRIFT * max(stored[name], true[name]) for name in FIELDS)


def refresh(averages: dict[str, float] | None = None) -> dict[str, float]:
    """Computes every posting's weight with the averages as they are now (`averages`, when the caller has just
    read them), and stores those averages. One UPDATE, the same SQL on SQLite and PostgreSQL; at 20,000 pages it
    takes seconds."""
    averages = true_averages() if averages is None else averages
    terms, params = [], []
    for name in FIELDS:
        b = FIELD_B[name]
        average = averages[name]
        terms.append(f"{REAL} * {POSTINGS}.{name} / ({REAL} + {REAL} * lengths.{name}_length)")
        params += [FIELD_WEIGHTS[name], 1 - b, b / average if average else 0.0]
    weighted = " + ".join(terms)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {POSTINGS} SET weight = ({weighted}) / ({REAL} + {weighted}) "  # noqa: S608 (fixed names)
            f"FROM {PAGES} AS lengths WHERE lengths.page_id = {POSTINGS}.page_id",
            [*params, K1, *params],
        )
        cursor.execute(
            f"INSERT INTO {STATE} (id, averages, formula) VALUES (%s, %s, %s) "  # noqa: S608 (a fixed name)
            "ON CONFLICT (id) DO UPDATE SET averages = excluded.averages, formula = excluded.formula",
            [STATE_ID, json.dumps(averages, sort_keys=True), formula()],
        )
    INDEX.bump()
    return averages
