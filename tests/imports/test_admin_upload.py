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
