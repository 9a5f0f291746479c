"""What `load_demo` prints: a short summary, counted in words, and the login table; not each email the demo's
notifications would send, nor a log line per page saved. Not in tests/demo/, whose package loads the demo
inside a transaction that never commits: here the load commits, so its notifications' emails really go out
(the inbox queues them on commit), as they do under `make run`."""

import logging
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command

from inbox.models import Notification
from onramp.demo.loader import demo_logins

# serialized_rollback: the rows the migrations made (Wagtail's root page, the groups) are back for later tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_load_demo_prints_a_short_summary_and_the_logins(settings, capsys, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # make run's default
    out = StringIO()
    with caplog.at_level(logging.INFO):
        call_command("load_demo", stdout=out)
    output = out.getvalue()

    lines = output.splitlines()
    assert len(lines) <= 12, output
    assert lines[0].startswith("Demo organisation loaded: created ")
    # Counted in words, not with an "s" stuck on.
    assert "29 people" in lines[0] and "7 buddies" in lines[0] and "4 logged searches" in lines[0]
    assert "1 cohort," in lines[0]
    assert "persons" not in output and "buddys" not in output and "searchs" not in output

    emailed = Notification.objects.filter(emailed_at__isnull=False).count()
    assert emailed > 0, "the demo raises notifications whose emails go out on commit"
    assert f"{emailed} notification emails were not sent" in output
    assert "Subject:" not in capsys.readouterr().out, "no email was printed by the console backend"
    assert not getattr(mail, "outbox", []), "the held emails are dropped, not left in an outbox"
    assert not [record for record in caplog.records if record.levelno < logging.WARNING]

    assert "Demo logins (password for all: onramp-demo):" in output
    for role, username in demo_logins():
        assert f"  {role:<9} {username}" in lines
