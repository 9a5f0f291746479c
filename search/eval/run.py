"""`make eval-search`: imports the real handbook into a scratch SQLite database and scores Ask's database
backend on our own questions (questions.toml): MRR@10 and recall@5.

Run from the repository root: `python search/eval/run.py [--keep]` (--keep reuses the scratch database
from the last run instead of importing again)."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HANDBOOK = ROOT.parent / "shared" / "corpora" / "handbook"
SCRATCH = ROOT / "bench" / "data" / "eval-search.sqlite3"
TARGET_MRR = 0.5
# Onramp's modules (imports, search, Wagtail models) are imported inside the functions: a script, this file
# chooses its settings and calls django.setup() in main() first.


def load_questions() -> list[dict]:
    return tomllib.loads((HERE / "questions.toml").read_text(encoding="utf-8"))["question"]


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


def evaluate(questions: list[dict], *, verbose: bool) -> tuple[float, float]:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory

    from search.ask import ask

    request = RequestFactory().get("/ask/")
    request.session = SessionStore()
    request.user = get_user_model().objects.get(username="evaluator")
    reciprocal_ranks, recalls = [], []
    for number, question in enumerate(questions, start=1):
        answers = page_ids_for(question["answers"])
        results = ask(text=question["text"], request=request, per_page=10, with_people=False)
        ranked = [hit.page.pk for hit in results.pages.object_list] if results.pages else []
        rank = next((position for position, page_id in enumerate(ranked, start=1) if page_id in answers), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        recalls.append(len(answers & set(ranked[:5])) / min(len(answers), 5))
        if verbose:
            top = results.pages.object_list[0].page.title if ranked else "(nothing)"
            print(f"{number:2}. rank {rank or '-':>2}  {question['text']!r}  top: {top}")
    return sum(reciprocal_ranks) / len(questions), sum(recalls) / len(questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", action="store_true", help="Reuse the scratch database of the last run.")
    parser.add_argument("--quiet", action="store_true", help="Print only the totals.")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="Score on this PostgreSQL database instead (postgres://host/name; emptied unless --keep).",
    )
    arguments = parser.parse_args()
    if not HANDBOOK.is_dir():
        raise SystemExit(f"The handbook corpus is not at {HANDBOOK}.")
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
    prepare(arguments.keep)
    questions = load_questions()
    mrr, recall = evaluate(questions, verbose=not arguments.quiet)
    verdict = "meets" if mrr >= TARGET_MRR else "misses"
    print(f"{len(questions)} questions: MRR@10 {mrr:.3f}, recall@5 {recall:.3f}")
    print(f"This {verdict} the MRR@10 target of {TARGET_MRR}.")
    if mrr < TARGET_MRR:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
