"""Imports under hostile input: archives and folders that try to reach outside the tree, expand without
bound, cannot be read, or stop the worker; every one ends in a form error or a finished run, never a 500."""

import io
import os
import signal
import struct
import warnings
import zipfile
from dataclasses import replace
from datetime import timedelta

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from imports.models import ImportRun
from imports.runs import WORKER_STOPPED
from imports.sources import DirectorySource, UnreadableEntry, ZipSource, folders_of
from imports.tasks import run_markdown_import
from wiki.models import ArticlePage, ProcessPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fails_instead_of_hanging():
    """The bug guarded against looped forever: stop the test with an error rather than hang the suite."""

    def stop(signum, frame):
        raise TimeoutError("the import never finished")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def zip_of(entries: dict | list[tuple[str, bytes | str]], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """An archive holding each entry under exactly the name given (twice, if a list repeats it), as a
    hostile tool could write it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a name written twice
        for name, content in entries.items() if isinstance(entries, dict) else entries:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return buffer.getvalue()


def with_first_entry_header(
    archive: bytes, *, extract_version=None, flag_bits=None, compress_type=None, file_size=None
) -> bytes:
    """The archive with its first entry's fields overwritten in both its local and its central header."""
    data = bytearray(archive)
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    for value, fmt, local_offset, central_offset in [
        (extract_version, "<B", 4, 6),
        (flag_bits, "<H", 6, 8),
        (compress_type, "<H", 8, 10),
        (file_size, "<I", 22, 24),
    ]:
        if value is not None:
            struct.pack_into(fmt, data, local + local_offset, value)
            struct.pack_into(fmt, data, central + central_offset, value)
    return bytes(data)


def upload(client, home, archive: bytes, **fields):
    return client.post(
        reverse("imports_upload"),
        {
            "archive": SimpleUploadedFile("export.zip", archive, content_type="application/zip"),
            "under": home.pk,
            **fields,
        },
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def import_through_the_admin(admin_client, home, archive: bytes, capture) -> ImportRun:
    with capture(execute=True):
        response = upload(admin_client, home, archive)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return ImportRun.objects.get()


# Names that point outside the tree (item 2) and entries left out (item 7)


def test_entries_with_unsafe_names_are_not_read_and_each_has_a_line_in_the_report(
    admin_client, home, django_capture_on_commit_callbacks, fails_instead_of_hanging
):
    archive = zip_of(
        {
            "export/finance/pay.md": "# Pay suppliers\n",
            "/abs/x.md": "# Absolute\n",
            "export/../up.md": "# Parent\n",
            "C:x.md": "# Drive\n",
            "C:/x.md": "# Drive and root\n",
            "export\\evil.md": "# Backslash\n",
        }
    )
    run = import_through_the_admin(admin_client, home, archive, django_capture_on_commit_callbacks)

    assert run.status == ImportRun.Status.DONE and run.summary["created"] == 1
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Pay suppliers"]
    assert list(ProcessPage.objects.values_list("slug", flat=True)) == ["finance"], "the top folder is looked through"
    for line in [
        "/abs/x.md: an absolute path, not read",
        "../up.md: a parent folder (..) in the path, not read",
        "C:x.md: a drive letter in the name, not read",
        "C:/x.md: a drive letter in the name, not read",
        "export\\evil.md: a backslash in the name, not read",
    ]:
        assert line in run.report
    assert run.summary["skipped"] == 5


def test_folders_of_ends_whatever_the_paths(fails_instead_of_hanging):
    assert folders_of(["/abs/x.md"]) == ["/abs"]
    assert folders_of(["a/b/c.md", "a/d.md", "e.md"]) == ["a", "a/b"]


def test_hidden_files_folders_and_macos_metadata_each_have_a_line_in_the_report(
    admin_client, home, django_capture_on_commit_callbacks
):
    archive = zip_of(
        [
            ("export/finance/pay.md", "# Pay suppliers\n"),
            ("export/finance/.DS_Store", b"\x00\x00"),
            ("export/.git/config", "[core]\n"),
            ("export/.git/HEAD", "ref: refs/heads/main\n"),
            ("__MACOSX/export/finance/._pay.md", b"\x00\x05"),
            ("export/finance/pay.md", "# Pay suppliers again\n"),
        ]
    )
    run = import_through_the_admin(admin_client, home, archive, django_capture_on_commit_callbacks)

    assert run.status == ImportRun.Status.DONE
    report = run.report
    assert "finance/.DS_Store: hidden file, not imported" in report
    assert report.count(".git/") == 1 and ".git/: hidden folder, not imported" in report
    assert "__MACOSX/: macOS metadata, not imported" in report
    assert "finance/pay.md: in the archive twice, only the first copy read" in report
    assert ArticlePage.objects.filter(title="Pay suppliers").exists()


# Zip bombs and archives that cannot be read (items 3 and 4): refused from the table of contents


@pytest.mark.parametrize(
    ("limits", "entries", "compression", "named"),
    [
        ({}, {"export/bomb.md": "# Bomb\n" + "a" * 300_000}, zipfile.ZIP_DEFLATED, "(IMPORT_MAX_COMPRESSION_RATIO)"),
        (
            {"IMPORT_MAX_FILE_BYTES": 1000},
            {"export/big.md": "# Big\n" + "b" * 2000},
            zipfile.ZIP_STORED,
            "(IMPORT_MAX_FILE_BYTES)",
        ),
        (
            {"IMPORT_MAX_TOTAL_BYTES": 3000},
            {f"export/{n}.md": f"# {n}\n" + "c" * 1500 for n in range(3)},
            zipfile.ZIP_STORED,
            "(IMPORT_MAX_TOTAL_BYTES)",
        ),
        (
            {"IMPORT_MAX_FILES": 3},
            {f"export/{n}.md": f"# {n}\n" for n in range(4)},
            zipfile.ZIP_DEFLATED,
            "(IMPORT_MAX_FILES)",
        ),
    ],
    ids=["compression ratio", "file size", "total size", "file count"],
)
def test_an_archive_that_would_expand_too_far_is_refused_before_it_is_read(
    admin_client, home, settings, limits, entries, compression, named
):
    for name, value in limits.items():
        setattr(settings, name, value)
    response = upload(admin_client, home, zip_of(entries, compression=compression))

    assert response.status_code == 400
    [error] = response.context["form"].errors["archive"]
    assert named in error
    assert not ImportRun.objects.exists()


def test_the_worker_refuses_an_archive_beyond_the_limits_too_and_fails_the_run(
    admin_client, home, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        upload(admin_client, home, zip_of({"export/big.md": "# Big\n" + "b" * 2000}, compression=zipfile.ZIP_STORED))
    settings.IMPORT_MAX_FILE_BYTES = 1000  # lowered between the upload and the worker
    for send in queued:
        send()

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert run.report.startswith("The import could not run: export/big.md would expand to")
    assert "(IMPORT_MAX_FILE_BYTES)" in admin_client.get(reverse("imports_run", args=[run.pk])).content.decode()
    assert not ArticlePage.objects.exists()


def test_an_entry_larger_than_its_declared_size_is_read_no_further_and_skipped_with_a_line(
    admin_client, home, django_capture_on_commit_callbacks
):
    entries = {"export/finance/lies.md": "# Lies\n" + "d" * 5000, "export/finance/pay.md": "# Pay suppliers\n"}
    archive = with_first_entry_header(zip_of(entries), file_size=100)
    run = import_through_the_admin(admin_client, home, archive, django_capture_on_commit_callbacks)

    assert run.status == ImportRun.Status.DONE and run.summary["created"] == 1
    assert "finance/lies.md: cannot be read (damaged in the archive: Bad CRC-32" in run.report
    assert ArticlePage.objects.filter(title="Pay suppliers").exists()


def test_an_entry_is_never_read_beyond_the_file_limit_whatever_the_archive_declares():
    archive = zipfile.ZipFile(io.BytesIO(zip_of({"a.md": "# A\n" + "e" * 5000}, compression=zipfile.ZIP_STORED)))
    source = ZipSource(archive)
    source.limits = replace(source.limits, max_file_bytes=1000)
    with pytest.raises(UnreadableEntry, match="expands beyond"):
        source.read("a.md")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ({"flag_bits": 0x1}, "export/a.md is encrypted: upload an archive without a password."),
        ({"compress_type": 99}, "export/a.md is compressed with a method Onramp does not read (number 99)"),
        ({"compress_type": zipfile.ZIP_BZIP2}, "export/a.md is compressed with a method Onramp does not read"),
        ({"flag_bits": 0x20}, "export/a.md is stored as a patch, which Onramp does not read"),
        ({"extract_version": 99}, "The zip archive is damaged or cannot be read: zip file version 9.9."),
    ],
    ids=["encrypted", "unknown method", "bzip2", "patch", "future zip version"],
)
def test_an_archive_onramp_cannot_read_is_refused_with_the_reason(admin_client, home, header, message):
    archive = with_first_entry_header(zip_of({"export/a.md": "# A\n", "export/b.md": "# B\n"}), **header)
    response = upload(admin_client, home, archive)

    assert response.status_code == 400
    [error] = response.context["form"].errors["archive"]
    assert error.startswith(message)
    assert not ImportRun.objects.exists()


# Every run ends (item 4)


def test_any_error_in_the_worker_fails_the_run_with_the_reason(admin_client, admin_user, home):
    run = ImportRun.objects.create(
        kind=ImportRun.Kind.MARKDOWN,
        source="export.zip",
        upload="imports/gone-from-storage.zip",
        started_by=admin_user,
        summary={"options": {"under": home.pk}},
    )
    run_markdown_import.delay(run.pk)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.finished_at is not None
    assert run.report.startswith("The import stopped on an unexpected error and nothing was saved: FileNotFoundError")
    assert "FileNotFoundError" in admin_client.get(reverse("imports_run", args=[run.pk])).content.decode()


def test_a_run_is_imported_once_however_often_its_message_arrives(
    admin_client, home, django_capture_on_commit_callbacks
):
    run = import_through_the_admin(
        admin_client, home, zip_of({"export/pay.md": "# Pay suppliers\n"}), django_capture_on_commit_callbacks
    )
    report = run.report
    run_markdown_import.delay(run.pk)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.report == report
    assert ArticlePage.objects.count() == 1


def test_a_run_whose_worker_stopped_is_failed_when_the_history_is_shown(admin_client, admin_user, settings):
    limit = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    stalled = ImportRun.objects.create(
        kind=ImportRun.Kind.MARKDOWN,
        source="stalled.zip",
        status=ImportRun.Status.RUNNING,
        started_at=timezone.now() - limit - timedelta(minutes=1),
    )
    running = ImportRun.objects.create(kind=ImportRun.Kind.MARKDOWN, source="running.zip", status="running")

    admin_client.get(reverse("imports_upload"))

    stalled.refresh_from_db()
    running.refresh_from_db()
    assert stalled.status == ImportRun.Status.FAILED and stalled.report == WORKER_STOPPED
    assert running.status == ImportRun.Status.RUNNING
    detail = admin_client.get(reverse("imports_run", args=[stalled.pk])).content.decode()
    assert "The worker running this import stopped before it finished" in detail


# Folders on disk (item 5)


def test_the_command_follows_no_link_out_of_the_folder_and_reports_each(tmp_path, admin_user, home):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Payroll secrets\n", encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "finance").mkdir(parents=True)
    (tree / "finance/pay.md").write_text("# Pay suppliers\n", encoding="utf-8")
    (tree / ".git").mkdir()
    (tree / ".git/config").write_text("[core]\n", encoding="utf-8")
    os.symlink(outside / "secret.md", tree / "finance/link.md")
    os.symlink(outside, tree / "finance/linked")

    out = io.StringIO()
    call_command("import_markdown", str(tree), "--owner", admin_user.username, stdout=out)

    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Pay suppliers"]
    report = out.getvalue()
    assert "finance/link.md: a symbolic link, not followed" in report
    assert "finance/linked/: a symbolic link, not followed" in report
    assert ".git/: hidden folder, not imported" in report
    with pytest.raises(UnreadableEntry):
        DirectorySource(tree).read("../outside/secret.md")


# The edit history (item 7)


def test_a_history_larger_than_the_limit_is_refused_by_the_form_and_the_command(
    admin_client, admin_user, home, settings, tmp_path
):
    settings.IMPORT_MAX_HISTORY_BYTES = 100
    history = b"commit,date,author,path,added,deleted\n" + b"c1,2026-01-05T10:00:00+00:00,sam,a.md,80,0\n" * 3
    response = upload(
        admin_client,
        home,
        zip_of({"export/a.md": "# A\n"}),
        history=SimpleUploadedFile("history.csv", history, content_type="text/csv"),
    )
    assert response.status_code == 400
    [error] = response.context["form"].errors["history"]
    assert error.startswith("The history is larger than") and "(IMPORT_MAX_HISTORY_BYTES)" in error
    assert not ImportRun.objects.exists()

    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "history.csv").write_bytes(history)
    with pytest.raises(CommandError, match=r"is larger than .* \(IMPORT_MAX_HISTORY_BYTES\)"):
        call_command(
            "import_markdown", str(tree), "--owner", admin_user.username, "--history", str(tmp_path / "history.csv")
        )
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("under", ["99999999999999999999", "²", "/no/such/page/"])
def test_the_command_names_a_page_to_import_under_that_does_not_exist(tmp_path, admin_user, under):
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--under"):
        call_command("import_markdown", str(tmp_path), "--owner", admin_user.username, "--under", under)
    assert not ArticlePage.objects.exists()
