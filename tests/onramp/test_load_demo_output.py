"""What `load_demo` prints: a short summary, counted in words, and the login table; not each email the demo's
notifications would send, nor a log line per page saved.

The printed summary is checked on the browser stack, which loads the whole demo anyway
(tests/browser/test_production_demo.py); here, without loading it a second time, the two quieting pieces it is
loaded inside (onramp/demo/quiet_load.py)."""

import logging

from django.core import mail
from django.core.mail import send_mail

from onramp.demo.quiet_load import held_emails, info_logs_off


def test_emails_sent_while_held_are_counted_not_sent_and_leave_no_outbox(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # make run's default
    before = list(getattr(mail, "outbox", []))
    with held_emails() as held:
        send_mail("Check-in tomorrow", "Body", "onramp@example.com", ["jill@example.com"])
        send_mail("A gap on your topic", "Body", "onramp@example.com", ["ben@example.com"])

    assert held.count == 2
    assert "Check-in tomorrow" not in capsys.readouterr().out, "the console backend printed nothing"
    assert list(getattr(mail, "outbox", [])) == before, "the held emails are dropped, an outbox left as it was"
    send_mail("After the load", "Body", "onramp@example.com", ["jill@example.com"])
    assert "After the load" in capsys.readouterr().out, "afterwards emails go out as configured again"


def test_info_logs_are_off_while_loading_and_warnings_still_show(caplog):
    before = logging.root.manager.disable
    log = logging.getLogger("wagtail")
    with caplog.at_level(logging.INFO), info_logs_off():
        assert not log.isEnabledFor(logging.INFO)
        assert log.isEnabledFor(logging.WARNING)
        log.info("Page edited")
        log.warning("Something to look at")

    assert logging.root.manager.disable == before, "logging is as it was afterwards"
    assert [record.getMessage() for record in caplog.records] == ["Something to look at"]
