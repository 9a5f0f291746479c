"""Direct use of the SQLite FTS5 table behind Wagtail's database search backend, for what the generic
backend cannot express: per-column weights in BM25 (titles count more than bodies) and prefix terms, which
stand in for stemming ("reimburs*" finds reimbursed and reimbursement)."""

from __future__ import annotations

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from onramp import wagtail_compat

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
# Longest first; a suffix is only cut when four letters or more remain.
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")
MIN_PREFIX = 4


def tables() -> tuple[str, str] | None:
    """The FTS5 table and the index-entry table Wagtail's backend keeps, or None when there is none."""
    if connection.vendor != "sqlite":
        return None
    fts = wagtail_compat.fts_table()
    if fts is None:
        return None
    with connection.cursor() as cursor:
        existing = connection.introspection.table_names(cursor)
    if fts not in existing:
        return None
    return fts, wagtail_compat.index_entry_table()


def available() -> bool:
    return tables() is not None


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light English stem, used as a prefix: never a dictionary word, only what the word starts with."""
    if not word.isalpha():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PREFIX:
            word = word[: -len(suffix)]
            if len(word) > MIN_PREFIX and word[-1] == word[-2] and word[-1] not in "aeiou":
                word = word[:-1]  # travell(ing) → travel
            break
    if word.endswith("e") and len(word) > MIN_PREFIX:
        word = word[:-1]  # purchase, purchased, purchasing → purchas
    return word


def term(word: str) -> str:
    base = stem(word)
    return f'"{base}"*' if len(base) >= MIN_PREFIX else f'"{base}"'


def match_expression(words: list[str], phrases: list[str]) -> str:
    """An FTS5 MATCH expression: any of the words (as stems) or any of the phrases. Words are made of
    letters, digits and underscores only, so quoting them is enough to keep FTS5 syntax out."""
    parts = list(dict.fromkeys(term(word) for word in words if word))
    parts += [f'"{phrase}"' for phrase in phrases if phrase]
    return " OR ".join(parts)


def ranked_pages(
    *, words: list[str], phrases: list[str], models: list, pages, limit: int
) -> list[tuple[int, str, float]]:
    """(page id, title, BM25 score — lower is better) of the best `limit` pages among `pages` (a queryset
    already narrowed to what the asker may see), in one query."""
    expression = match_expression(words, phrases)
    if not expression:
        return []
    fts_table, entry_table = tables()
    type_ids = [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]
    placeholders = ", ".join(["%s"] * len(type_ids))
    allowed_sql, allowed_params = pages.order_by().values("pk").query.sql_with_params()
    sql = (
        f"SELECT page.id, page.title, bm25({fts_table}, 0.0, %s, %s) AS score "  # noqa: S608 (table names from models)
        f"FROM {fts_table} JOIN {entry_table} AS entry ON entry.id = {fts_table}.rowid "
        "JOIN wagtailcore_page AS page ON page.id = CAST(entry.object_id AS INTEGER) "
        f"WHERE {fts_table} MATCH %s AND entry.content_type_id IN ({placeholders}) "
        f"AND page.id IN ({allowed_sql}) "
        "ORDER BY score LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [BODY_WEIGHT, TITLE_WEIGHT, expression, *type_ids, *allowed_params, limit])
        return [(page_id, title, score) for page_id, title, score in cursor.fetchall()]
