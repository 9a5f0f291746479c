from datetime import timedelta

import pytest
import time_machine

from django.urls import reverse
from django.utils import timezone

from expertise.factories import UserFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.freshness import verify_page
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    owner = UserFactory(first_name="Jim", last_name="Okafor")
    long_ago = timezone.now() - timedelta(days=200)
    with time_machine.travel(long_ago, tick=False):
        area = ProcessPageFactory(title="Record to report", page_owner=owner)
        stale = ArticlePageFactory(parent=area, title="Post accruals", page_owner=owner)
        fresh = ArticlePageFactory(parent=area, title="Post a journal entry", page_owner=owner)
    verify_page(page=fresh, user=owner)
    with time_machine.travel(timezone.now() - timedelta(days=100), tick=False):
        due = ArticlePageFactory(parent=area, title="Reverse an entry", page_owner=UserFactory())
    return {"owner": owner, "area": area, "stale": stale, "fresh": fresh, "due": due}


def test_pages_due_report_lists_due_and_stale_pages_only(client, editor, pages):
    client.force_login(editor)
    html = client.get(reverse("wiki_reports:pages_due")).content.decode()
    assert "Post accruals" in html and "Reverse an entry" in html and "Record to report" in html
    assert "Post a journal entry" not in html
    assert "Stale" in html and "Due for verification" in html


def test_pages_due_report_filters_by_state_and_owner(client, editor, pages):
    client.force_login(editor)
    stale_only = client.get(reverse("wiki_reports:pages_due"), {"state": "stale"}).content.decode()
    assert "Post accruals" in stale_only and "Reverse an entry" not in stale_only
    mine = client.get(reverse("wiki_reports:pages_due"), {"owner": pages["owner"].pk}).content.decode()
    assert "Post accruals" in mine and "Reverse an entry" not in mine


def test_pages_due_report_exports_csv(client, editor, pages):
    client.force_login(editor)
    response = client.get(reverse("wiki_reports:pages_due"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Post accruals" in body and "Jim Okafor" in body


def test_reports_are_closed_to_people_without_page_permissions(client, pages):
    client.force_login(UserFactory())
    assert client.get(reverse("wiki_reports:pages_due")).status_code in (302, 403)
    assert client.get(reverse("wiki_reports:not_helpful")).status_code in (302, 403)


def test_not_helpful_report_counts_votes_and_shows_the_latest_reason(client, editor, pages):
    reader = UserFactory()
    PageFeedback.objects.create(
        page=pages["stale"], helpful=False, reason="outdated", comment="Old screen", user=reader
    )
    PageFeedback.objects.create(page=pages["stale"], helpful=False, reason="steps-missing", comment="Step 3?")
    PageFeedback.objects.create(page=pages["stale"], helpful=True)
    PageFeedback.objects.create(page=pages["fresh"], helpful=True)
    client.force_login(editor)
    html = client.get(reverse("wiki_reports:not_helpful")).content.decode()
    assert "Post accruals" in html
    assert "Steps are missing" in html and "Step 3?" in html
    assert "Post a journal entry" not in html
    filtered = client.get(reverse("wiki_reports:not_helpful"), {"reason": "wrong"}).content.decode()
    assert "Post accruals" not in filtered


def test_not_helpful_report_says_when_the_latest_vote_gave_no_reason(client, editor, pages):
    PageFeedback.objects.create(page=pages["stale"], helpful=False, reason="", comment="Lost at step 2")
    client.force_login(editor)
    html = client.get(reverse("wiki_reports:not_helpful")).content.decode()
    assert "Post accruals" in html and "Lost at step 2" in html and "No reason given" in html
    export = client.get(reverse("wiki_reports:not_helpful"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "No reason given" in body


def test_dashboard_panel_lists_the_signed_in_owners_due_pages(client, pages):
    from django.contrib.auth.models import Group

    owner = pages["owner"]
    owner.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(owner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="my-pages-due-heading"')[1].split("</section>")[0]
    assert "Post accruals" in panel
    assert "Reverse an entry" not in panel
    assert "Post a journal entry" not in panel


def test_dashboard_panel_says_when_nothing_is_due(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "None of your pages is due in the next two weeks." in html
