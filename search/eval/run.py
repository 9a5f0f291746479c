"""`make eval-search`: imports the real handbook into a scratch SQLite database and a scratch PostgreSQL
database, scores Ask's database backend on our own questions (questions.toml) on each — MRR@10 and
recall@5 — and prints the two side by side: lexical (BM25) and, where the semantic extra is installed,
hybrid (BM25 fused with semantic recall, `search.semantic`) in the same run. The section vectors are
computed once, on SQLite, and reused by hash on PostgreSQL.

Run from the repository root: `python search/eval/run.py [--keep] [--quiet]` (--keep reuses the scratch
databases of the last run instead of importing again, and keeps them). PostgreSQL is the server at
EVAL_POSTGRES_SERVER (default postgres://postgres@127.0.0.1:5432); with none there, only SQLite is scored
and the run says so. `--database sqlite|postgres` scores one; `--postgres URL` scores an existing database.
EVAL_SEARCH_SQLITE and EVAL_SEARCH_POSTGRES_DATABASE name other scratch databases (two runs side by side)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HANDBOOK = ROOT.parent / "shared" / "corpora" / "handbook"
SCRATCH = Path(os.environ.get("EVAL_SEARCH_SQLITE", ROOT / "bench" / "data" / "eval-search.sqlite3"))
POSTGRES_SERVER = os.environ.get("EVAL_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")
POSTGRES_SCRATCH = os.environ.get("EVAL_SEARCH_POSTGRES_DATABASE", "onramp_eval_search")
TARGETS = {"MRR@10": 0.70, "recall@5": 0.85}
RESULT_PREFIX = "RESULT "
# Onramp's modules (imports, search, Wagtail models) are imported inside the functions: a script, this file
# chooses its settings and calls django.setup() in main() first.


def load_questions() -> list[dict]:
    return tomllib.loads((HERE / "questions.toml").read_text(encoding="utf-8"))["question"]


def load_unanswerable() -> list[dict]:
    """Questions nothing in the handbook answers: Ask should say so."""
    return tomllib.loads((HERE / "questions.toml").read_text(encoding="utf-8")).get("unanswerable", [])


def postgres_unreachable(server: str) -> str | None:
    """Why the PostgreSQL server cannot be used, or None when it can."""
    import psycopg

    try:
        with psycopg.connect(f"{server}/postgres", connect_timeout=5):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def use_postgres(url: str, *, keep: bool) -> None:
    import psycopg

    server, name = url.rstrip("/").rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not keep:
            connection.execute(f'DROP DATABASE "{name}"')
        if not exists or not keep:
            connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "onramp.settings.test"


def drop_postgres(url: str) -> None:
    import psycopg

    server, name = url.rstrip("/").rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(keep: bool) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        if keep and SCRATCH.exists():
            return
        SCRATCH.unlink(missing_ok=True)
    elif keep and "wagtailcore_page" in connection.introspection.table_names():
        from imports.models import ImportedPage

        if ImportedPage.objects.exists():
            return
    call_command("migrate", verbosity=0)
    from wagtail.models import Site

    from imports.markdown_tree import import_markdown_tree
    from imports.people import import_people
    from imports.sources import DirectorySource

    owner = get_user_model().objects.create_superuser("evaluator", "evaluator@example.com", "x")
    import_people((HANDBOOK / "people.csv").read_text(encoding="utf-8"))
    import_markdown_tree(
        DirectorySource(HANDBOOK / "pages"),
        under=Site.objects.get(is_default_site=True).root_page,
        owner=owner,
        history_text=(HANDBOOK / "history.csv").read_text(encoding="utf-8"),
    )


def page_ids_for(paths: list[str]) -> set[int]:
    from imports.models import ImportedPage

    ids = set()
    for path in paths:
        candidates = [path]
        if path.endswith("/index.md"):
            candidates.append(path[: -len("index.md")])
        found = ImportedPage.objects.filter(path__in=candidates).values_list("page_id", flat=True)
        if not found:
            raise SystemExit(f"questions.toml: no imported page for “{path}”")
        ids.update(found)
    return ids


def evaluate(questions: list[dict], *, verbose: bool) -> dict[str, float]:
    """Each measure (as in TARGETS) over all the questions."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory

    from search.ask import ask

    request = RequestFactory().get("/ask/")
    request.session = SessionStore()
    request.user = get_user_model().objects.get(username="evaluator")
    reciprocal_ranks, recalls = [], []
    for number, question in enumerate(questions, start=1):
        # A folder's index file is imported twice, as the folder's area page and as its article: either one
        # finds that answer.
        answer_pages = [page_ids_for([path]) for path in question["answers"]]
        answers = set().union(*answer_pages)
        results = ask(text=question["text"], request=request, per_page=10, with_people=False)
        ranked = [hit.page.pk for hit in results.pages.object_list] if results.pages else []
        rank = next((position for position, page_id in enumerate(ranked, start=1) if page_id in answers), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        first_five = set(ranked[:5])
        recalls.append(sum(bool(pages & first_five) for pages in answer_pages) / min(len(answer_pages), 5))
        if verbose:
            top = results.pages.object_list[0].page.title if ranked else "(nothing)"
            print(f"{number:2}. rank {rank or '-':>2}  {question['text']!r}  top: {top}")
    return {"MRR@10": sum(reciprocal_ranks) / len(questions), "recall@5": sum(recalls) / len(questions)}


def evaluate_abstention(answerable: list[dict], unanswerable: list[dict], *, verbose: bool) -> tuple[float, float]:
    """How often Ask says "nothing in the wiki answers this" for the unanswerable questions (it should), and
    how often it says so for the answerable ones (it should not)."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory

    from search.ask import ask

    request = RequestFactory().get("/ask/")
    request.session = SessionStore()
    request.user = get_user_model().objects.get(username="evaluator")

    def says_nothing(question: dict) -> bool:
        results = ask(text=question["text"], request=request, per_page=10, with_people=False)
        if verbose:
            coverage = results.verdict.coverage if results.verdict else "-"
            verdict = "nothing answers" if results.nothing_answers else "answered"
            print(f"    {verdict:15} coverage {coverage}  {question['text']!r}")
        return results.nothing_answers

    if verbose:
        print("Unanswerable questions:")
    caught = sum(says_nothing(question) for question in unanswerable)
    if verbose:
        print("Answerable questions:")
    wrong = sum(says_nothing(question) for question in answerable)
    return caught / max(len(unanswerable), 1), wrong / max(len(answerable), 1)


def known_vectors() -> dict[str, bytes]:
    """The section vectors the SQLite scratch database holds, by text hash (reused on PostgreSQL)."""
    import sqlite3

    if not SCRATCH.exists():
        return {}
    with sqlite3.connect(SCRATCH) as scratch:
        try:
            return dict(scratch.execute("SELECT text_hash, vector FROM search_pagesection"))
        except sqlite3.Error:
            return {}


def fill_section_vectors(*, verbose: bool) -> None:
    from django.db import connection

    from onramp.progress import ProgressBar
    from search.semantic.store import embed_all

    known = known_vectors() if connection.vendor != "sqlite" else {}
    pages, embedded = embed_all(ProgressBar() if verbose else None, known=known)
    reused = f" ({len(known)} vectors known from the SQLite run)" if known else ""
    print(f"Semantic recall: {pages} pages, {embedded} sections embedded{reused}.")


def score_all(questions: list[dict], unanswerable: list[dict], *, verbose: bool) -> dict[str, float]:
    scores = evaluate(questions, verbose=verbose)
    if unanswerable:
        caught, wrong = evaluate_abstention(questions, unanswerable, verbose=verbose)
        scores["says nothing answers, unanswerable"] = caught
        scores["says nothing answers, answerable"] = wrong
    return scores


def score_one(arguments: argparse.Namespace) -> dict[str, dict[str, float] | None]:
    """Scores the database this process was started for, lexical then hybrid (None when the semantic model
    is not installed or --lexical), printing a line per question unless --quiet."""
    SCRATCH.parent.mkdir(parents=True, exist_ok=True)
    if arguments.postgres:
        use_postgres(arguments.postgres, keep=arguments.keep)
    else:
        os.environ["DJANGO_SETTINGS_MODULE"] = "onramp.settings.bench"
        os.environ["BENCH_DATABASE"] = str(SCRATCH)
    os.environ.pop("ELASTICSEARCH_URL", None)  # this scores the database backend
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.test import override_settings

    from search.semantic import model

    verbose = not arguments.quiet
    # The import itself embeds nothing: the vectors are filled in one go below (and reused on PostgreSQL).
    with override_settings(ONRAMP_SEMANTIC=False):
        prepare(arguments.keep)
    questions, unanswerable = load_questions(), load_unanswerable()
    with override_settings(ONRAMP_SEMANTIC=False):
        if verbose:
            print("Lexical (BM25):")
        lexical = score_all(questions, unanswerable, verbose=verbose)
    hybrid = None
    with override_settings(ONRAMP_SEMANTIC=not arguments.lexical):
        if model.is_available():
            fill_section_vectors(verbose=verbose)
            if verbose:
                print("Hybrid (BM25 and semantic recall, reciprocal rank fusion):")
            hybrid = score_all(questions, unanswerable, verbose=verbose)
        elif not arguments.lexical:
            print(f"Hybrid skipped: the semantic model ({model.package_name()}) is not installed.")
    return {"lexical": lexical, "hybrid": hybrid}


def run_child(database: str, arguments: argparse.Namespace) -> dict[str, dict[str, float] | None] | None:
    """Scores one database in a process of its own (Django is set up once per process)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--database", database]
    command += ["--keep"] if arguments.keep else []
    command += ["--quiet"] if arguments.quiet else []
    command += ["--lexical"] if arguments.lexical else []
    print(f"— {database} —", flush=True)
    child = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)  # noqa: S603 (our own script)
    scores = None
    for line in child.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            scores = json.loads(line[len(RESULT_PREFIX) :])
        else:
            print(line)
    if child.returncode or scores is None:
        print(f"{database}: the run failed (exit status {child.returncode}).")
        return None
    return scores


def columns(scores: dict[str, dict[str, dict[str, float] | None] | None]) -> dict[str, dict[str, float] | None]:
    """One column per database and ranking: SQLite and PostgreSQL lexical, then hybrid where it was scored."""
    found = {db: (result or {}).get("lexical") for db, result in scores.items()}
    found.update({f"{db} hybrid": result["hybrid"] for db, result in scores.items() if result and result.get("hybrid")})
    return found


def side_by_side(scores: dict[str, dict[str, float] | None]) -> str:
    names = {"sqlite": "SQLite", "postgres": "PostgreSQL", "sqlite hybrid": "SQLite+sem", "postgres hybrid": "PG+sem"}
    measures = list(dict.fromkeys(measure for found in scores.values() if found for measure in found))
    width = max(len(measure) for measure in [*measures, ""]) + 2
    lines = ["".join([" " * width, *(f"{names.get(db, db):>12}" for db in scores), f"{'target':>10}"])]
    for measure in measures:
        cells = [f"{found[measure]:>12.3f}" if found else f"{'—':>12}" for found in scores.values()]
        target = f"≥ {TARGETS[measure]:.2f}" if measure in TARGETS else ""
        lines.append("".join([measure.ljust(width), *cells, f"{target:>10}"]))
    return "\n".join(lines)


def misses(scores: dict[str, float]) -> list[str]:
    return [measure for measure, target in TARGETS.items() if measure in scores and scores[measure] < target]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--keep", action="store_true", help="Reuse the scratch databases of the last run, and keep them."
    )
    parser.add_argument("--quiet", action="store_true", help="Print only the totals.")
    parser.add_argument("--database", choices=["sqlite", "postgres"], help="Score only this database.")
    parser.add_argument("--lexical", action="store_true", help="Score BM25 alone, even with the semantic model.")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="Score this PostgreSQL database only (postgres://host/name; emptied unless --keep).",
    )
    arguments = parser.parse_args()
    if not HANDBOOK.is_dir():
        raise SystemExit(f"The handbook corpus is not at {HANDBOOK}.")
    if arguments.database == "postgres" and not arguments.postgres:
        arguments.postgres = f"{POSTGRES_SERVER}/{POSTGRES_SCRATCH}"
    if arguments.database or arguments.postgres:
        print(RESULT_PREFIX + json.dumps(score_one(arguments)))
        return
    scores: dict[str, dict[str, dict[str, float] | None] | None] = {"sqlite": run_child("sqlite", arguments)}
    unreachable = postgres_unreachable(POSTGRES_SERVER)
    skipped = ""
    if unreachable:
        skipped = f"PostgreSQL skipped: no server at {POSTGRES_SERVER} ({unreachable})."
        scores["postgres"] = None
    else:
        try:
            scores["postgres"] = run_child("postgres", arguments)
        finally:
            if not arguments.keep:
                drop_postgres(f"{POSTGRES_SERVER}/{POSTGRES_SCRATCH}")
    print(f"\n{len(load_questions())} questions, Ask's database backend (+sem: with semantic recall):")
    table = columns(scores)
    print(side_by_side(table))
    if skipped:
        print(skipped)
    failed = [db for db, found in scores.items() if found is None and not (db == "postgres" and skipped)]
    # The targets hold for Ask as it is served: with semantic recall where the model is installed (make install
    # installs it), BM25 alone otherwise. BM25's own misses beside it are told, not failed.
    served = {db: table.get(f"{db} hybrid") or found for db, found in table.items() if " " not in db}
    missed = {db: misses(found) for db, found in served.items() if found and misses(found)}
    for db, found in table.items():
        if found and misses(found) and db not in missed:
            print(f"{db} alone misses the target for {', '.join(misses(found))} (Ask as served meets it).")
    for db, measures in missed.items():
        print(f"{db} misses the target for {', '.join(measures)}.")
    if failed or missed:
        raise SystemExit(1)
    print("Ask as served meets the targets on every database scored.")


if __name__ == "__main__":
    main()
