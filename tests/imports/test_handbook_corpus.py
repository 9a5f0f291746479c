"""The whole real handbook (883 pages, its edit history and its people), imported into a fresh database.

Runs under CI=true (in the PostgreSQL pass) or when ONRAMP_CORPUS_TESTS=1; it takes a few minutes."""

import json
import os
from pathlib import Path

import pytest

from django.core.management import call_command

from expertise.models import Profile
from imports.models import HistoryEdit, ImportRun
from wiki.models import ArticlePage, ProcessPage

HANDBOOK = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "handbook"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.corpus,
    pytest.mark.skipif(
        os.environ.get("CI") != "true" and os.environ.get("ONRAMP_CORPUS_TESTS") != "1",
        reason="the handbook import runs under CI=true or ONRAMP_CORPUS_TESTS=1",
    ),
]


def test_the_whole_handbook_imports_and_its_history_says_who_knows_what(capsys, django_user_model):
    assert HANDBOOK.is_dir(), f"the handbook corpus is read from shared/ beside the checkout ({HANDBOOK})"
    django_user_model.objects.create_superuser("importer", "importer@example.com", "x")
    people_rows = sum(1 for _ in (HANDBOOK / "people.csv").open(encoding="utf-8")) - 1
    markdown_files = sorted((HANDBOOK / "pages").rglob("*.md"))
    folders = {path.parent for path in markdown_files} - {HANDBOOK / "pages"}
    folders |= {parent for folder in folders for parent in folder.parents if HANDBOOK / "pages" in parent.parents}

    call_command("import_people", str(HANDBOOK / "people.csv"))
    assert Profile.objects.filter(external_id__isnull=False).count() == people_rows

    call_command(
        "import_markdown", str(HANDBOOK / "pages"), "--history", str(HANDBOOK / "history.csv"), "--owner", "importer"
    )
    run = ImportRun.objects.filter(kind=ImportRun.Kind.MARKDOWN).latest("started_at")
    assert run.summary["created"] + run.summary["skipped"] == len(markdown_files), run.report[:2000]
    assert run.summary["skipped"] == 0, run.report[:2000]
    capsys.readouterr()
    assert ArticlePage.objects.count() == len(markdown_files)
    assert ProcessPage.objects.count() == len(folders)
    history_rows_with_current_pages = 12258
    assert HistoryEdit.objects.count() == history_rows_with_current_pages

    call_command("whoknows", "trivy", "--json", "--limit", "5")
    ranked = json.loads(capsys.readouterr().out)
    assert ranked, "the history names people who edited the Trivy pages"
    assert any("edited" in reason for reason in ranked[0]["reasons"]), ranked
