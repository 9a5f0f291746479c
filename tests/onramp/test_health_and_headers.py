import json
import logging

import pytest

from onramp.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_health_reports_each_service_and_needs_no_sign_in(client):
    response = client.get("/health/")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "search"}
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["broker"]["detail"].startswith("none: tasks run in the web process")
    assert body["checks"]["search"]["detail"] == "database"


def test_health_fails_with_503_and_names_the_broker_when_it_does_not_answer(client, settings, caplog):
    from onramp.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    previous = app.conf.broker_url
    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/health/")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    broker = response.json()["checks"]["broker"]
    # The error itself (addresses, perhaps credentials) is for the log, not for anyone who asks.
    assert broker == broker | {"ok": False, "required": True, "detail": "unavailable"}
    assert "127.0.0.1:9" not in response.content.decode()
    assert "Health check broker failed" in caplog.text and "127.0.0.1:9" in caplog.text


def test_pages_carry_a_content_security_policy_relaxed_only_for_the_admin(client, admin_user):
    site = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "script-src 'self';" in site and "frame-ancestors 'none'" in site
    client.force_login(admin_user)
    admin = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin


def test_log_lines_are_json_objects_with_the_extra_fields():
    record = logging.LogRecord("onramp", logging.WARNING, __file__, 1, "search fell back: %s", ("timeout",), None)
    record.path = "/ask/"
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING" and line["message"] == "search fell back: timeout" and line["path"] == "/ask/"
