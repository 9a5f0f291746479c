"""Direct use of the tsvector columns behind Wagtail's PostgreSQL search backend: matching titles and bodies
through their GIN indexes and weighing the title more in the rank. The generic backend matches on the two
columns joined together, which no index can serve, and so reads every page for every question."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.search.backends import get_search_backend

from onramp.wagtail_compat import index_entry_table

TITLE_WEIGHT = 4.0
# ts_rank's normalisation 1: a body's rank is divided by 1 + the log of its length, so long pages do not win
# merely by being long (as BM25 does on SQLite).
BODY_NORMALISATION = 0


def available() -> bool:
    return connection.vendor == "postgresql"


PAIRED_WORDS = 6  # at most this many words are paired: 15 pairs


def query_text(words: list[str], phrases: list[str], *, at_least_two: bool = False) -> str:
    """A to_tsquery expression: any word (or, with `at_least_two`, any two of the words), or any phrase with
    its words side by side. Words are letters, digits and underscores only, so no tsquery syntax can slip
    in."""
    words = list(dict.fromkeys(word for word in words if word))
    if at_least_two and len(words) >= 3:
        words = words[:PAIRED_WORDS]
        parts = [f"{a} & {b}" for i, a in enumerate(words) for b in words[i + 1 :]]
    else:
        parts = words
    parts += [" <-> ".join(phrase.split()) for phrase in phrases if phrase.strip()]
    return " | ".join(f"({part})" for part in parts)


ENOUGH = 10


def ranked_pages(
    *, words: list[str], phrases: list[str], models: list, pages, limit: int
) -> list[tuple[int, str, float]]:
    """(page id, title, rank — higher is better) of the best `limit` pages among `pages`. Questions of three
    words or more first need two of their words on a page (as a search engine's "minimum should match"),
    which keeps the pages to rank few; any one word is enough when that finds fewer than ten."""
    found = run_ranking(query_text(words, phrases, at_least_two=True), models=models, pages=pages, limit=limit)
    if len(found) < ENOUGH and len(set(words)) >= 3:
        found = run_ranking(query_text(words, phrases), models=models, pages=pages, limit=limit)
    return found


def run_ranking(expression: str, *, models: list, pages, limit: int) -> list[tuple[int, str, float]]:
    if not expression:
        return []
    entry_table = index_entry_table()
    config = getattr(get_search_backend(), "config", None)
    tsquery = "to_tsquery(%s::regconfig, %s)" if config else "to_tsquery(%s)"
    tsquery_params = [config, expression] if config else [expression]
    type_ids = [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]
    placeholders = ", ".join(["%s"] * len(type_ids))
    allowed_sql, allowed_params = pages.order_by().values("pk").query.sql_with_params()
    sql = (
        f"WITH asked AS MATERIALIZED (SELECT {tsquery} AS query) "  # noqa: S608 (table name from the model)
        "SELECT page.id, page.title, "
        "ts_rank(entry.title, asked.query) * %s + ts_rank(entry.body, asked.query, %s) AS score "
        f"FROM {entry_table} AS entry CROSS JOIN asked "
        "JOIN wagtailcore_page AS page ON page.id = CAST(entry.object_id AS integer) "
        "WHERE (entry.title @@ asked.query OR entry.body @@ asked.query) "
        f"AND entry.content_type_id IN ({placeholders}) AND page.id IN ({allowed_sql}) "
        "ORDER BY score DESC, page.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*tsquery_params, TITLE_WEIGHT, BODY_NORMALISATION, *type_ids, *allowed_params, limit])
        return [(page_id, title, score) for page_id, title, score in cursor.fetchall()]
