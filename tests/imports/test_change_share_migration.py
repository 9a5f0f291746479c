"""Edits imported before changes were counted become their share of their commit's change (imports 0003)."""

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Page

from expertise.factories import TopicFactory, UserFactory
from tests.schema_migrations import migrate_to

BEFORE = [("expertise", "0008_evidence_change_share"), ("imports", "0002_history_file")]


@pytest.mark.django_db(transaction=True)
def test_edits_already_imported_count_as_their_share_of_their_commit():
    jim, topic = UserFactory(), TopicFactory(name="Payment runs")
    # A test that flushed the database before this one leaves no page, no locale to make one in, and content
    # types cached by ids that are gone.
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    page = Page.objects.order_by("pk").first() or Page.add_root(instance=Page(title="Root", slug="root"))
    old_apps = migrate_to(BEFORE)
    OldContentType = old_apps.get_model("contenttypes", "ContentType")
    HistoryEdit = old_apps.get_model("imports", "HistoryEdit")
    Evidence = old_apps.get_model("expertise", "Evidence")
    source_type, _ = OldContentType.objects.get_or_create(app_label="imports", model="historyedit")
    now = timezone.now()
    for commit, path in [("w1", "a.md"), ("w1", "b.md"), ("w1", "c.md"), ("w1", "d.md"), ("s1", "a.md")]:
        edit = HistoryEdit.objects.create(commit=commit, path=path, author_id=jim.pk, page_id=page.pk, edited_at=now)
        Evidence.objects.create(
            person_id=jim.pk,
            topic_id=topic.pk,
            kind="page-edited",
            occurred_at=now,
            source_type=source_type,
            source_id=edit.pk,
        )
    Evidence.objects.create(person_id=jim.pk, topic_id=topic.pk, kind="page-verified", occurred_at=now)

    migrate_to()

    from expertise.models import Evidence as Current
    from imports.models import HistoryEdit as Edits

    commits = dict(Edits.objects.values_list("pk", "commit"))
    shares = sorted(
        (commits.get(source, ""), share) for source, share in Current.objects.values_list("source_id", "change_share")
    )
    assert shares == [("", 1.0), ("s1", 1.0)] + [("w1", 0.25)] * 4, "a verification is a change of its own"
