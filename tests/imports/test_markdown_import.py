import base64
import re
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page, PageLogEntry, Revision

from expertise.factories import UserFactory, make_person
from expertise.models import Evidence, EvidenceKind
from imports.markdown_tree import TreeImportError, import_markdown_tree
from imports.models import HistoryEdit, ImportedPage
from imports.sources import DirectorySource
from wiki.models import ArticlePage, ProcessPage

pytestmark = pytest.mark.django_db

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
RUN_PAYMENTS = """---
title: Run the payment proposal
description: Twice a week we pay suppliers.
tags: [Payment runs, Bank files]
---
# Ignored because front matter has a title

Read the [finance overview](../index.md) and the [missing page](./missing.md).

## Before you start

| Field | Value |
|---|---|
| Run date | Tuesday |

```sql
select * from payments
```

![Proposal screen](proposal.png)

![Old screen](gone.png)

![Remote](https://example.com/remote.png)

<script>alert("x")</script>
"""


def write_tree(root: Path) -> Path:
    files = {
        "index.md": "---\ntitle: Finance handbook\n---\nWelcome.\n",
        "finance/index.md": "# Finance\n\nHow finance works.\n",
        "finance/payables/run-payments.md": RUN_PAYMENTS,
        "finance/payables/park-invoices.md": "# Park invoices\n\nSee [payments](run-payments.md#before-you-start).\n",
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "finance/payables/proposal.png").write_bytes(PNG)
    (root / "finance/bad-utf8.md").write_bytes(b"# Caf\xe9 \xff\xfe\n")
    (root / "finance/broken-front.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (root / "finance/binary.md").write_bytes(b"\x00\x01\x02PK")
    return root


@pytest.fixture
def tree(tmp_path):
    return write_tree(tmp_path / "handbook")


@pytest.fixture
def owner(db):
    return UserFactory(username="importer")


def links_to(html: str, page_id: int) -> bool:
    return re.search(rf'<a (?=[^>]*linktype="page")(?=[^>]*id="{page_id}")', html) is not None


def run(tree, home, owner, **kwargs):
    return import_markdown_tree(DirectorySource(tree), under=home, owner=owner, **kwargs)


def test_folders_become_process_pages_and_files_articles(tree, home, owner):
    report = run(tree, home, owner)
    assert report.created == 4 and report.unchanged == 0
    finance = ProcessPage.objects.get(slug="finance")
    payables = ProcessPage.objects.get(slug="payables")
    assert finance.title == "Finance" and payables.get_parent().pk == finance.pk
    article = ArticlePage.objects.get(slug="run-payments")
    assert article.get_parent().pk == payables.pk and article.live
    assert article.title == "Run the payment proposal"
    assert article.summary == "Twice a week we pay suppliers."
    assert sorted(t.name for t in article.topics.all()) == ["Bank files", "Payables", "Payment runs"]


def test_every_bad_file_is_reported_with_its_reason_and_the_rest_imported(tree, home, owner):
    report = run(tree, home, owner)
    reasons = dict(report.skipped)
    assert reasons["finance/bad-utf8.md"].startswith("not valid UTF-8")
    assert reasons["finance/broken-front.md"].startswith("broken front matter")
    assert reasons["finance/binary.md"] == "binary file, not Markdown"
    assert not ArticlePage.objects.filter(slug__in=["bad-utf8", "broken-front", "binary"]).exists()


def test_the_body_becomes_blocks_and_links_become_page_links(tree, home, owner):
    report = run(tree, home, owner)
    article = ArticlePage.objects.get(slug="run-payments")
    types = [block.block_type for block in article.body]
    assert {"heading", "table", "code", "image", "text"} <= set(types)
    raw = str(article.body.raw_data)
    finance = ProcessPage.objects.get(slug="finance")
    assert links_to(raw, finance.pk)
    assert "<script" not in raw and "alert" not in raw
    assert "https://example.com/remote.png" in raw
    assert ("finance/payables/run-payments.md", "./missing.md") in report.broken_links
    assert ("finance/payables/run-payments.md", "gone.png") in report.missing_images
    park = ArticlePage.objects.get(slug="park-invoices")
    assert links_to(str(park.body.raw_data), article.pk)


def test_the_tree_stays_sound_and_every_new_page_has_its_history(tree, home, owner):
    run(tree, home, owner)
    assert all(problems == [] for problems in Page.find_problems()), "paths, depths and child counts agree"
    payables = ProcessPage.objects.get(slug="payables")
    assert payables.numchild == 2 and home.specific.get_children().count() == Page.objects.get(pk=home.pk).numchild
    article = ArticlePage.objects.get(slug="run-payments")
    actions = list(PageLogEntry.objects.filter(page=article).order_by("pk").values_list("action", "user"))
    assert actions == [("wagtail.create", owner.pk), ("wagtail.publish", owner.pk)]
    # The admin adds a page where the import did, and the next import adds one after it: no path is reused.
    payables.add_child(instance=ArticlePage(title="Written in Onramp", slug="written-in-onramp", page_owner=owner))
    (tree / "finance/payables/close-books.md").write_text("# Close the books\n\nMonthly.\n", encoding="utf-8")
    report = run(tree, home, owner)
    assert report.created == 1
    assert [page.slug for page in payables.get_children()] == [
        "park-invoices",
        "run-payments",
        "written-in-onramp",
        "close-books",
    ]
    assert all(problems == [] for problems in Page.find_problems())


def test_importing_the_same_tree_again_changes_nothing(tree, home, owner):
    run(tree, home, owner)
    pages = dict(ImportedPage.objects.values_list("path", "page_id"))
    revisions = Revision.objects.count()
    again = run(tree, home, owner)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert dict(ImportedPage.objects.values_list("path", "page_id")) == pages
    assert Revision.objects.count() == revisions
    assert ArticlePage.objects.filter(slug="run-payments").count() == 1


def test_a_changed_file_gets_a_new_revision_of_the_same_page(tree, home, owner):
    run(tree, home, owner)
    page = ArticlePage.objects.get(slug="park-invoices")
    revisions = page.revisions.count()
    (tree / "finance/payables/park-invoices.md").write_text("# Park invoices\n\nNow with approval.\n")
    report = run(tree, home, owner)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 3)
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert "Now with approval." in str(page.body.raw_data)


def test_a_page_edited_in_onramp_is_not_overwritten(tree, home, owner):
    run(tree, home, owner)
    page = ArticlePage.objects.get(slug="park-invoices")
    page.summary = "Edited by the team in Onramp"
    page.save_revision(user=owner).publish()
    (tree / "finance/payables/park-invoices.md").write_text("# Park invoices\n\nChanged upstream.\n")
    report = run(tree, home, owner)
    assert report.drafted == ["finance/payables/park-invoices.md"]
    page.refresh_from_db()
    assert page.summary == "Edited by the team in Onramp"
    assert page.has_unpublished_changes


def test_files_gone_from_the_tree_are_unpublished_unless_edited_in_onramp(tree, home, owner):
    run(tree, home, owner)
    edited = ArticlePage.objects.get(slug="park-invoices")
    edited.save_revision(user=owner).publish()
    (tree / "finance/payables/park-invoices.md").unlink()
    (tree / "finance/payables/run-payments.md").unlink()
    report = run(tree, home, owner, unpublish_missing=True)
    assert report.unpublished == ["finance/payables/run-payments.md"]
    assert report.kept == ["finance/payables/park-invoices.md"]
    assert not ArticlePage.objects.get(slug="run-payments").live
    assert ArticlePage.objects.get(slug="park-invoices").live


def test_a_dry_run_changes_nothing(tree, home, owner):
    report = run(tree, home, owner, dry_run=True)
    assert report.created == 4 and report.dry_run
    assert not ArticlePage.objects.exists() and not ImportedPage.objects.exists()


HISTORY = """commit,date,author,path,added,deleted
a1,2024-01-02T10:00:00Z,p1,finance/payables/run-payments.md,120,0
a2,2024-02-02T10:00:00Z,p2,finance/payables/run-payments.md,2,1
a3,not-a-date,p1,finance/payables/run-payments.md,1,1
a4,2024-03-02T10:00:00Z,p9,finance/payables/run-payments.md,5,0
a5,2024-03-02T10:00:00Z,p1,old/path.md,5,0
"""


def test_history_becomes_weighted_evidence_and_names_the_owner(tree, home, owner):
    jim = make_person("jim.okafor", external_id="p1")
    ben = make_person("ben.ashworth", external_id="p2")
    report = run(tree, home, owner, history_text=HISTORY)
    assert report.history.recorded == 2
    assert report.history.unknown_authors == {"p9"} and report.history.unknown_paths == 1
    assert report.history_bad_rows == [(4, "date 'not-a-date' is not an ISO 8601 date and time")]
    article = ArticlePage.objects.get(slug="run-payments")
    assert article.page_owner == jim, "the author who wrote most of the page owns it"
    weights = dict(
        Evidence.objects.filter(kind=EvidenceKind.PAGE_EDITED, topic__name="Payment runs").values_list(
            "person", "weight"
        )
    )
    assert weights[jim.pk] == 1.0 and weights[ben.pk] == pytest.approx(0.23)
    again = run(tree, home, owner, history_text=HISTORY)
    assert again.history.recorded == 0 and HistoryEdit.objects.count() == 2


def test_a_commit_over_several_pages_is_one_change_shared_among_them(tree, home, owner):
    jim = make_person("jim.okafor", external_id="p1")
    history = (
        "commit,date,author,path,added,deleted\n"
        "b1,2024-01-02T10:00:00Z,p1,finance/index.md,3,1\n"
        "b1,2024-01-02T10:00:00Z,p1,finance/payables/run-payments.md,3,1\n"
        "b1,2024-01-02T10:00:00Z,p1,finance/payables/park-invoices.md,3,1\n"
        "b1,2024-01-02T10:00:00Z,p1,finance/gone.md,3,1\n"  # not a page of the tree: not shared with
        "b2,2024-02-02T10:00:00Z,p1,finance/payables/run-payments.md,40,0\n"
    )
    run(tree, home, owner, history_text=history)

    edits = dict(HistoryEdit.objects.values_list("pk", "commit"))
    shares = {
        (edits[source], round(share, 4))
        for source, share in Evidence.objects.filter(kind=EvidenceKind.PAGE_EDITED).values_list(
            "source_id", "change_share"
        )
    }
    assert shares == {("b1", 0.3333), ("b2", 1.0)}, "three pages of the tree in b1, the fourth path is none"
    runs = jim.expertise_scores.get(topic__name="Payment runs")
    assert runs.facts["changes"] == pytest.approx(1 / 3 + 1, abs=1e-3)
    assert runs.facts["total"][EvidenceKind.PAGE_EDITED] == 2


def test_a_history_without_the_needed_columns_is_refused(tree, home, owner):
    with pytest.raises(TreeImportError, match="lacks the column"):
        run(tree, home, owner, history_text="commit,date\nx,y\n")
    assert not ArticlePage.objects.exists()


def test_the_command_reports_and_refuses_bad_arguments(tree, home, owner, capsys):
    call_command("import_markdown", str(tree), "--owner", "importer", "--dry-run")
    assert "Dry run: nothing was saved. 4 created" in capsys.readouterr().out
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("import_markdown", str(tree / "nowhere"), "--owner", "importer")
    with pytest.raises(CommandError, match="No page matches --under"):
        call_command("import_markdown", str(tree), "--owner", "importer", "--under", "no/such/page")
