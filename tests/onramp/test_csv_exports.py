"""Every CSV export writes text that starts like a formula (=, +, -, @, tab, carriage return) with a leading
apostrophe, so a spreadsheet opens it as text and never runs it; numbers stay numbers."""

import csv
import io
from datetime import date, timedelta

import pytest
import time_machine

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.views.reports import ReportView

from buddies.models import Cohort
from buddies.pairing import start_onboarding
from expertise.factories import TeamFactory, UserFactory, make_person
from expertise.models import Topic
from forums.gaps import raise_gap
from forums.models import GapSource
from onramp.spreadsheets import SafeSpreadsheetExportMixin
from search.models import AskedText, LoggedQuery
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x")'


def exported(client, url_name: str, **params) -> list[list[str]]:
    response = client.get(reverse(url_name), {"export": "csv", **params})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


def column(rows: list[list[str]], heading: str) -> list[str]:
    assert heading in rows[0], rows[0]
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def superuser_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_top_unanswered_searches(superuser_client):
    for text in (FORMULA, "\r=1+1"):
        asked = AskedText.objects.create(normalised=text.strip("\r=").lower(), example=text)
        LoggedQuery.objects.create(asked=asked, text=text)
    rows = exported(superuser_client, "search_reports:unanswered")
    assert sorted(column(rows, "Question")) == sorted(["'" + FORMULA, "'\r=1+1"])
    assert column(rows, "Unanswered") == ["1", "1"]


def test_pages_with_not_helpful_feedback(superuser_client):
    page = ArticlePageFactory(parent=ProcessPageFactory(title="Expenses"), title="+1 for expenses")
    PageFeedback.objects.create(page=page, helpful=False, reason="unclear", comment="@SUM(A1)", user=UserFactory())
    rows = exported(superuser_client, "wiki_reports:not_helpful")
    assert column(rows, "title") == ["'+1 for expenses"]
    assert column(rows, "Latest comment") == ["'@SUM(A1)"]
    assert column(rows, "Not helpful") == ["1"]


def test_pages_due_for_verification(superuser_client):
    owner = UserFactory(first_name="-2+3", last_name="Okafor")
    with time_machine.travel(timezone.now() - timedelta(days=200), tick=False):
        ArticlePageFactory(
            parent=ProcessPageFactory(title="Payments", page_owner=owner), title=FORMULA, page_owner=owner
        )
    rows = exported(superuser_client, "wiki_reports:pages_due")
    assert "'" + FORMULA in column(rows, "title")
    assert "'-2+3 Okafor" in column(rows, "Owner")


def test_topics_without_an_expert(superuser_client):
    Topic.objects.create(name="\tTabbed", slug="tabbed")
    Topic.objects.create(name="-2+3", slug="two-three")
    Topic.objects.create(name="Payment runs", slug="payment-runs")
    rows = exported(superuser_client, "expertise_reports:topics_without_expert")
    assert sorted(column(rows, "Topic")) == sorted(["'\tTabbed", "'-2+3", "Payment runs"])
    assert column(rows, "Experts") == ["0", "0", "0"]


def test_open_gaps_by_process(superuser_client):
    process = ProcessPageFactory(title="@Payments")
    article = ArticlePageFactory(parent=process, title="Pay a supplier")
    raise_gap(title="Missing step", source=GapSource.DIRECT, raised_by=UserFactory(), related_page=article)
    rows = exported(superuser_client, "forums_reports:open_gaps")
    assert rows[1][:3] == ["'@Payments", "1", "1"]


def test_the_program_export(client):
    admin = UserFactory(username="program.admin")
    admin.user_permissions.add(Permission.objects.get(codename="view_all_onboardings"))
    hire = make_person("-2+3", team=TeamFactory(name="@SUM(A1)"), start_date=date(2026, 11, 2))
    cohort = Cohort.objects.create(name=FORMULA, starts_on=date(2026, 11, 2), ends_on=date(2027, 2, 1))
    start_onboarding(hire=hire, start_date=date(2026, 11, 2), cohort=cohort)
    client.force_login(admin)
    response = client.get(reverse("buddies:export"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert column(rows, "hire") == ["'-2+3"]
    assert column(rows, "cohort") == ["'" + FORMULA]
    assert column(rows, "team") == ["'@SUM(A1)"]
    assert column(rows, "milestones done") == ["0"]


def test_every_onramp_report_exports_through_the_safe_mixin():
    hooks.search_for_hooks()  # imports every app's wagtail_hooks, and with them the reports

    def subclasses(cls):
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    ours = [view for view in subclasses(ReportView) if not view.__module__.startswith("wagtail.")]
    assert len(ours) >= 5
    assert [view for view in ours if not issubclass(view, SafeSpreadsheetExportMixin)] == []
