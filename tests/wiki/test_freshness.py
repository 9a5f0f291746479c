from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.urls import reverse

from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from expertise.factories import UserFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.freshness import Freshness
from wiki.models import ArticlePage, PageVerification

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def article(db):
    with time_machine.travel(PUBLISHED, tick=False):
        area = ProcessPageFactory(title="Procure to pay")
        return ArticlePageFactory(parent=area, title="Run the payment proposal", verification_interval_days=90)


def state_on(page, when):
    page = ArticlePage.objects.get(pk=page.pk)
    with time_machine.travel(when, tick=False):
        return page.freshness.state


def test_a_new_page_is_unverified_then_due_then_stale(article):
    assert state_on(article, PUBLISHED + timedelta(days=89)) == Freshness.UNVERIFIED
    assert state_on(article, PUBLISHED + timedelta(days=90)) == Freshness.DUE
    assert state_on(article, PUBLISHED + timedelta(days=119)) == Freshness.DUE
    assert state_on(article, PUBLISHED + timedelta(days=120)) == Freshness.STALE


def test_verifying_restarts_the_interval_and_records_who(client, article):
    verify_day = PUBLISHED + timedelta(days=100)
    client.force_login(article.page_owner)
    with time_machine.travel(verify_day, tick=False):
        response = client.post(reverse("wiki_verify", args=[article.pk]), {"note": "Checked the new limits"})
    assert response.status_code == 302
    verification = PageVerification.objects.get(page=article)
    assert verification.verified_by == article.page_owner
    assert verification.note == "Checked the new limits"
    assert state_on(article, verify_day + timedelta(days=89)) == Freshness.VERIFIED
    assert state_on(article, verify_day + timedelta(days=91)) == Freshness.DUE
    with time_machine.travel(verify_day + timedelta(days=1), tick=False):
        html = client.get(article.url).content.decode()
    assert f"Last verified {verify_day:%-d %b %Y} by {article.page_owner.get_full_name()}" in html


def test_editing_and_publishing_does_not_verify(article):
    with time_machine.travel(PUBLISHED + timedelta(days=95), tick=False):
        page = ArticlePage.objects.get(pk=article.pk)
        page.summary = "A new summary"
        page.save_revision().publish()
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.last_verified_at is None
    assert state_on(page, PUBLISHED + timedelta(days=96)) == Freshness.DUE
    assert not PageVerification.objects.exists()


def test_publishing_an_older_draft_keeps_a_later_verification(client, article):
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.summary = "Drafted before the verification"
    revision = draft.save_revision()
    client.force_login(article.page_owner)
    client.post(reverse("wiki_verify", args=[article.pk]))
    Revision.objects.get(pk=revision.pk).publish()
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.summary == "Drafted before the verification"
    assert page.last_verified_by == article.page_owner


def test_only_the_owner_or_a_publisher_may_verify(client, article):
    client.force_login(UserFactory())
    response = client.post(reverse("wiki_verify", args=[article.pk]))
    assert response.status_code == 403
    assert not PageVerification.objects.exists()


def test_the_verify_button_shows_only_to_the_owner(client, article):
    client.force_login(UserFactory())
    assert "Still correct" not in client.get(article.url).content.decode()
    client.force_login(article.page_owner)
    assert "Still correct" in client.get(article.url).content.decode()


def test_an_overlong_note_is_refused_with_a_message(client, article):
    client.force_login(article.page_owner)
    response = client.post(reverse("wiki_verify", args=[article.pk]), {"note": "x" * 501}, follow=True)
    assert "Keep the note to 500 characters or fewer." in response.content.decode()
    assert not PageVerification.objects.exists()


def test_owner_verifies_from_the_admin(client, article, editor):
    client.force_login(editor)
    url = reverse("wiki_admin_verify", args=[article.pk])
    page = client.get(url)
    assert "Is “Run the payment proposal” still correct?" in page.content.decode()
    response = client.post(url, {"note": "All screens checked"})
    assert response.status_code == 302
    assert PageVerification.objects.get(page=article).verified_by == editor


def test_the_admin_page_header_offers_verification(client, article, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert reverse("wiki_admin_verify", args=[article.pk]) in html


@pytest.mark.parametrize("interval", ["0", "-5"])
def test_a_verification_interval_below_one_day_is_refused_in_the_admin(client, article, admin_user, interval):
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "kind": "procedure",
            "summary": article.summary,
            "body": streamfield([]),
            "topics": "",
            "page_owner": article.page_owner.pk,
            "verification_interval_days": interval,
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    assert b"at least one day" in response.content or b"greater than or equal to 0" in response.content
    assert ArticlePage.objects.get(pk=article.pk).verification_interval_days == 90


def test_the_model_refuses_an_interval_of_zero(article):
    from django.core.exceptions import ValidationError

    article.verification_interval_days = 0
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "verification_interval_days" in error.value.message_dict
