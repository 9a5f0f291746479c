import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportRun
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db


def zipped(files: dict[str, str]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(f"export/{path}", text)
    return SimpleUploadedFile("export.zip", buffer.getvalue(), content_type="application/zip")


def test_an_admin_uploads_a_zip_and_reads_the_report(client, admin_user, home, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    archive = zipped({"finance/index.md": "# Finance\n", "finance/accruals.md": "# Post accruals\n\nAt month end.\n"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports_upload"), {"archive": archive, "under": home.pk})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports_run", args=[run.pk])
    assert run.status == ImportRun.Status.DONE and run.summary["created"] == 2
    assert ArticlePage.objects.filter(title="Post accruals", live=True).exists()
    page = client.get(reverse("imports_run", args=[run.pk])).content.decode()
    assert "2 created, 0 updated, 0 unchanged" in page
    assert "export.zip" in client.get(reverse("imports_upload")).content.decode()


def test_a_file_that_is_not_a_zip_is_refused(client, admin_user, home):
    client.force_login(admin_user)
    fake = SimpleUploadedFile("notes.zip", b"just text", content_type="application/zip")
    response = client.post(reverse("imports_upload"), {"archive": fake, "under": home.pk})
    assert response.status_code == 400
    assert "That file is not a zip archive." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_only_superusers_may_import(client, editor):
    client.force_login(editor)
    assert client.get(reverse("imports_upload")).status_code in (302, 403)


def test_the_history_uploaded_with_a_tree_is_kept_as_a_file_and_becomes_evidence(
    client, admin_user, home, django_capture_on_commit_callbacks
):
    from expertise.factories import make_person
    from expertise.models import Evidence, EvidenceKind

    author = make_person("sam.writer", external_id="sam")
    client.force_login(admin_user)
    archive = zipped({"finance/accruals.md": "# Post accruals\n\nAt month end.\n"})
    history = SimpleUploadedFile(
        "history.csv",
        b"commit,date,author,path,added,deleted\nc1,2026-01-05T10:00:00+00:00,sam,finance/accruals.md,80,0\n",
        content_type="text/csv",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports_upload"), {"archive": archive, "under": home.pk, "history": history})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.history.name.endswith(".csv")
    assert "history" not in run.summary.get("options", {})
    assert Evidence.objects.filter(person=author, kind=EvidenceKind.PAGE_EDITED, topic__name="Finance").exists()


def test_a_history_that_cannot_be_read_is_refused_with_the_reason(client, admin_user, home):
    client.force_login(admin_user)
    history = SimpleUploadedFile("history.csv", b"commit,date\nc1,2026-01-05\n", content_type="text/csv")
    response = client.post(
        reverse("imports_upload"), {"archive": zipped({"a.md": "# A\n"}), "under": home.pk, "history": history}
    )
    assert response.status_code == 400
    assert "The history cannot be read: the history file lacks the column(s) author, path, added, deleted" in (
        response.content.decode()
    )
    assert not ImportRun.objects.exists()


def test_a_worker_without_a_shared_cache_is_named_by_the_deploy_check_and_the_run_page(client, admin_user, settings):
    from django.core.checks import run_checks

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    warnings = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "imports.W001" in warnings
    run = ImportRun.objects.create(kind=ImportRun.Kind.MARKDOWN, source="export.zip", status=ImportRun.Status.RUNNING)
    client.force_login(admin_user)
    page = client.get(reverse("imports_run", args=[run.pk])).content.decode()
    assert "share no cache (set REDIS_URL)" in page

    settings.CELERY_BROKER_URL = None
    assert "imports.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]


def test_the_report_links_each_file_to_the_page_it_became(client, admin_user, home, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    archive = zipped(
        {
            "finance/index.md": "# Finance\n",
            "finance/accruals.md": "# Post accruals\n\nSee [the close](close.md).\n",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports_upload"), {"archive": archive, "under": home.pk})
    run = ImportRun.objects.get()
    accruals = ArticlePage.objects.get(title="Post accruals")
    page = client.get(reverse("imports_run", args=[run.pk])).content.decode()
    assert "2 pages written" in page
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[accruals.pk])}">Post accruals</a>' in page
    assert f'href="{accruals.url}"' in page
    # The broken link is listed under its heading, its file linked to the page it became.
    assert "Broken links (1)" in page
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[accruals.pk])}">finance/accruals.md</a>' in page
    assert ": close.md</li>" in page


def test_a_dry_run_s_report_links_no_page(client, admin_user, home, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("imports_upload"),
            {"archive": zipped({"finance/accruals.md": "# Post accruals\n"}), "under": home.pk, "dry_run": "on"},
        )
    run = ImportRun.objects.get()
    assert run.dry_run and run.summary["pages"] == {}
    page = client.get(reverse("imports_run", args=[run.pk])).content.decode()
    assert "A dry run saves no page" in page
    assert "wagtailadmin/pages/" not in page.split("<main", 1)[-1].split("All imports")[0]
