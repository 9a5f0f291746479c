"""The scheduled HR import: beat runs it when PEOPLE_IMPORT_SOURCE names a file or an http(s) URL; the task
fetches the export (from a real local HTTP server here), imports it as the command does, and records the run,
failed with the reason when the fetch or the file is wrong, in which case nothing is imported."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from expertise.models import Profile
from imports.models import ImportRun
from imports.tasks import import_people_from_source
from tests.onramp.test_settings import settings_value

pytestmark = pytest.mark.django_db

EXPORT = (
    "id,email,name,title,manager,start_date\n"
    "e1,marty@example.com,Marty Keller,Head of Finance,,2014-06-02\n"
    "e2,jim@example.com,Jim Okafor,AP Analyst,e1,2019-03-04\n"
)


class ExportServer(BaseHTTPRequestHandler):
    """Answers /people.csv with the export, /slow.csv after a pause, /big.csv with more than the cap, and 404
    for anything else. What each path answers is set on the server."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.server.asked.append((self.path, self.headers.get("Authorization")))
        body, status, pause = self.server.routes.get(self.path.split("?")[0], (b"not here", 404, 0))
        if pause:
            time.sleep(pause)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/csv; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def export_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ExportServer)
    server.daemon_threads = True
    server.routes = {"/people.csv": (EXPORT.encode(), 200, 0)}
    server.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def url(server, path: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}{path}"


def run(settings, source: str) -> ImportRun:
    settings.PEOPLE_IMPORT_SOURCE = source
    run_id = import_people_from_source.delay().get()
    return ImportRun.objects.get(pk=run_id)


def test_the_task_imports_the_export_from_a_url_and_records_the_run(settings, export_server, client):
    done = run(settings, url(export_server, "/people.csv"))
    assert done.status == ImportRun.Status.DONE and done.kind == ImportRun.Kind.PEOPLE
    assert done.summary == {"created": 2, "updated": 0, "errors": 0, "started": 0, "drafted": 0, "left": 0}
    assert "2 people created" in done.report and done.source == url(export_server, "/people.csv")
    assert Profile.objects.get(external_id="e2").manager.email == "marty@example.com"

    superuser = get_user_model().objects.create_superuser("importer", "importer@example.com", "x")
    client.force_login(superuser)
    history = client.get(reverse("imports_upload")).content.decode()
    assert "2 created, 0 updated; 0 starting later, 0 drafted, 0 left" in history
    assert "2 people created" in client.get(reverse("imports_run", args=[done.pk])).content.decode()

    again = run(settings, url(export_server, "/people.csv"))
    assert again.summary["created"] == 0 and again.summary["updated"] == 2
    assert Profile.objects.filter(external_id__in=["e1", "e2"]).count() == 2


def test_a_url_s_password_is_sent_as_basic_auth_and_the_history_shows_neither_it_nor_the_query(settings, export_server):
    host, port = export_server.server_address[:2]
    done = run(settings, f"http://hr:s3cret@{host}:{port}/people.csv?token=abc123")
    assert done.status == ImportRun.Status.DONE, done.report
    assert done.source == f"http://{host}:{port}/people.csv"
    # The password goes to the server as basic auth, the query as it was.
    assert export_server.asked == [("/people.csv?token=abc123", "Basic aHI6czNjcmV0")]


def test_a_url_that_fails_is_recorded_with_the_reason_and_imports_nothing(settings, export_server):
    missing = run(settings, url(export_server, "/gone.csv"))
    assert missing.status == ImportRun.Status.FAILED
    assert missing.report == f"The import could not run: {url(export_server, '/gone.csv')} answered 404 Not Found"
    assert not Profile.objects.filter(external_id__isnull=False).exists()


def test_a_server_slower_than_the_timeout_fails_the_run(settings, export_server):
    settings.PEOPLE_IMPORT_TIMEOUT_SECONDS = 0.2
    export_server.routes["/slow.csv"] = (EXPORT.encode(), 200, 2)
    slow = run(settings, url(export_server, "/slow.csv"))
    assert slow.status == ImportRun.Status.FAILED and "did not answer within 0.2 seconds" in slow.report
    assert not Profile.objects.filter(external_id__isnull=False).exists()


def test_an_export_over_the_size_cap_is_refused(settings, export_server):
    settings.PEOPLE_IMPORT_MAX_BYTES = 1000
    export_server.routes["/big.csv"] = ((EXPORT + "e3,x@example.com,Filler Row,,,\n" * 100).encode(), 200, 0)
    big = run(settings, url(export_server, "/big.csv"))
    assert big.status == ImportRun.Status.FAILED and "larger than the 1000 bytes" in big.report
    assert not Profile.objects.filter(external_id__isnull=False).exists()


def test_a_file_in_the_wrong_format_fails_the_run_and_saves_nothing(settings, export_server):
    export_server.routes["/names.csv"] = (b"name,title\nJim,Analyst\n", 200, 0)
    wrong = run(settings, url(export_server, "/names.csv"))
    assert wrong.status == ImportRun.Status.FAILED
    assert wrong.report == "The import could not run: the header needs an id or an email column"
    export_server.routes["/latin1.csv"] = ("id,name\ne9,Zoë\n".encode("latin-1"), 200, 0)
    latin = run(settings, url(export_server, "/latin1.csv"))
    assert latin.status == ImportRun.Status.FAILED and "is not UTF-8 text" in latin.report
    assert not Profile.objects.filter(external_id__isnull=False).exists()


def test_a_file_path_works_too_and_a_missing_file_is_named(settings, tmp_path):
    export = tmp_path / "people.csv"
    export.write_text(EXPORT, encoding="utf-8")
    assert run(settings, str(export)).status == ImportRun.Status.DONE
    assert Profile.objects.filter(external_id__in=["e1", "e2"]).count() == 2
    missing = run(settings, str(tmp_path / "nope.csv"))
    assert missing.status == ImportRun.Status.FAILED and missing.report.endswith("nope.csv does not exist")
    other = run(settings, "ftp://hr.example.com/people.csv")
    assert other.status == ImportRun.Status.FAILED and "neither a file path nor an http(s) URL" in other.report


def test_without_a_source_the_task_does_nothing(settings):
    settings.PEOPLE_IMPORT_SOURCE = None
    assert import_people_from_source.delay().get() is None
    assert not ImportRun.objects.exists()


def test_beat_schedules_the_import_only_when_a_source_is_set():
    expression = "'import-people' in __import__('onramp').celery_app.conf.beat_schedule"
    assert settings_value("onramp.settings.dev", expression).stdout.strip() == "False"
    scheduled = settings_value(
        "onramp.settings.dev",
        "__import__('onramp').celery_app.conf.beat_schedule['import-people']",
        PEOPLE_IMPORT_SOURCE="https://hr.example.com/people.csv",
        PEOPLE_IMPORT_SCHEDULE="15 6 * * mon-fri",
    )
    assert "'task': 'imports.tasks.import_people_from_source'" in scheduled.stdout, scheduled.stderr
    assert "<crontab: 15 6 * * mon-fri (m/h/dM/MY/d)>" in scheduled.stdout


def test_a_malformed_schedule_names_the_setting():
    result = settings_value(
        "onramp.settings.dev",
        "settings.PEOPLE_IMPORT_SOURCE",
        PEOPLE_IMPORT_SOURCE="/srv/hr/people.csv",
        PEOPLE_IMPORT_SCHEDULE="daily",
    )
    assert "PEOPLE_IMPORT_SCHEDULE must be five crontab fields" in result.stderr
