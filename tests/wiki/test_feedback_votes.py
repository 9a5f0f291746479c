"""One "was this helpful?" vote per person and version of a page: voting again replaces the earlier vote,
and what trainers count (the report, the candidate gaps) are votes, not clicks."""

import csv
import importlib
import io
from datetime import timedelta

import pytest

from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from expertise.factories import UserFactory
from forums.candidates import NotHelpfulFeedback
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticlePageFactory(parent=ProcessPageFactory(title="Expenses"), title="Submit an expense claim")


@pytest.fixture
def trainer(db):
    user = UserFactory(username="carrie", is_superuser=True)
    user.user_permissions.add(Permission.objects.get(codename="triage_gap"))
    return user


def test_twenty_posts_are_one_vote_and_the_latest_counts(signed_in, person, article):
    for number in range(20):
        response = signed_in.post(article.url, {"helpful": "no", "reason": "unclear", "comment": f"try {number}"})
        assert response.status_code == 302
    vote = PageFeedback.objects.get()
    assert (vote.user, vote.reason, vote.comment) == (person, "unclear", "try 19")
    assert vote.revision_id == article.live_revision_id

    signed_in.post(article.url, {"helpful": "yes"})
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason) == (True, "")


def test_a_new_version_of_the_page_takes_a_second_vote(signed_in, person, article):
    signed_in.post(article.url, {"helpful": "no", "reason": "outdated"})
    article.title = "Submit an expense claim (2027)"
    article.save_revision(user=article.page_owner).publish(user=article.page_owner, skip_permission_checks=True)
    article.refresh_from_db()
    for _ in range(3):
        signed_in.post(article.url, {"helpful": "no", "reason": "wrong"})
    assert sorted(PageFeedback.objects.values_list("reason", flat=True)) == ["outdated", "wrong"]
    assert PageFeedback.objects.filter(revision_id=article.live_revision_id).count() == 1


def test_other_people_each_have_their_vote(client, article):
    for _ in range(2):
        client.force_login(UserFactory())
        client.post(article.url, {"helpful": "no", "reason": "unclear"})
        client.post(article.url, {"helpful": "no", "reason": "unclear"})
    assert PageFeedback.objects.count() == 2


def test_the_report_and_the_candidate_queue_count_votes_not_clicks(client, signed_in, article, trainer):
    for _ in range(20):
        signed_in.post(article.url, {"helpful": "no", "reason": "steps-missing", "comment": "Step 3?"})
    assert NotHelpfulFeedback().count() == 1
    client.force_login(trainer)
    assert "Candidate gaps: “Not helpful” feedback (1)" in client.get(reverse("forums:dashboard")).content.decode()
    response = client.get(reverse("wiki_reports:not_helpful"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(body)))
    assert row[header.index("Not helpful")] == "1"


def test_the_migration_keeps_each_persons_latest_vote(article):
    """The migration's clean-up, run on votes that differ only in their version (the constraint allows those;
    before the migration nothing told them apart)."""
    migration = importlib.import_module("wiki.migrations.0004_one_feedback_per_person_and_version")
    reader, other = UserFactory(), UserFactory()
    now = timezone.now()
    for days_ago, comment in [(3, "first"), (1, "latest"), (2, "second")]:
        revision = article.save_revision(user=article.page_owner)
        PageFeedback.objects.create(
            page=article,
            user=reader,
            revision=revision,
            helpful=False,
            reason="unclear",
            comment=comment,
            created_at=now - timedelta(days=days_ago),
        )
    PageFeedback.objects.create(page=article, user=other, helpful=True)
    PageFeedback.objects.create(page=article, user=None, helpful=True)
    PageFeedback.objects.create(page=article, user=None, helpful=True)

    migration.keep_each_persons_latest_vote(apps, None)

    assert list(PageFeedback.objects.filter(user=reader).values_list("comment", flat=True)) == ["latest"]
    assert PageFeedback.objects.filter(user=other).count() == 1
    assert PageFeedback.objects.filter(user__isnull=True).count() == 2
