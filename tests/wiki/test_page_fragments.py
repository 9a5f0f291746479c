"""An article's body, and the parts of its page the same for all its readers (its title, summary, contents and
topics: the shared_fragment tag), are rendered once for all its readers (wiki.page_fragments): an edit
published shows at once, a preview never comes from (or goes into) the cache, and a reader the page is closed
to never gets it."""

import datetime
import re

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

from expertise.factories import TopicFactory, UserFactory, make_person
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.freshness import verify_page

pytestmark = pytest.mark.django_db


def body(text: str) -> list:
    return [("heading", {"text": "Before you start", "level": "h2"}), ("text", f"<p>{text}</p>")]


def test_an_edit_published_shows_in_the_article_body_at_once(signed_in):
    page = ArticlePageFactory(title="Posting an invoice", body=body("Check the purchase order."))
    assert "Check the purchase order." in signed_in.get(page.url).content.decode()

    page.body = body("Check the goods receipt first.")
    page.save_revision().publish()

    html = signed_in.get(page.url).content.decode()
    assert "Check the goods receipt first." in html and "Check the purchase order." not in html


def test_a_draft_is_not_shown_until_published_and_a_preview_shows_it(signed_in):
    page = ArticlePageFactory(title="Posting an invoice", body=body("Check the purchase order."))
    signed_in.get(page.url)
    page.body = body("Draft wording nobody should read yet.")
    page.save_revision()

    assert "Draft wording" not in signed_in.get(page.url).content.decode()
    preview = page.get_latest_revision_as_object().make_preview_request()
    assert "Draft wording" in preview.render().content.decode()
    assert "Draft wording" not in signed_in.get(page.url).content.decode()


def test_the_title_summary_and_contents_show_an_edit_at_once_and_a_preview_its_draft(signed_in):
    page = ArticlePageFactory(title="Posting an invoice", summary="How to post one.", body=body("Check it."))
    assert "<h1>Posting an invoice</h1>" in signed_in.get(page.url).content.decode()  # cached now
    page.title, page.summary = "Posting a supplier invoice", "Post it in three steps."
    page.body = [("heading", {"text": "Three steps", "level": "h2"}), ("text", "<p>Scan, match, post.</p>")]
    page.save_revision()

    preview = page.get_latest_revision_as_object().make_preview_request().render().content.decode()
    assert "<h1>Posting a supplier invoice</h1>" in preview and "Post it in three steps." in preview
    live = signed_in.get(page.url).content.decode()
    assert "<h1>Posting an invoice</h1>" in live and "Three steps" not in live and "three steps" not in live

    page.get_latest_revision().publish()
    html = signed_in.get(page.url).content.decode()
    assert "<h1>Posting a supplier invoice</h1>" in html and '<p class="lead">Post it in three steps.</p>' in html
    assert '<nav class="toc"' in html and ">Three steps</a>" in html


def test_a_reader_the_page_is_closed_to_never_gets_its_cached_body(client):
    team = Group.objects.create(name="Payroll team")
    member, outsider = UserFactory(), UserFactory()
    member.groups.add(team)
    area = ProcessPageFactory(title="Payroll and pensions")
    page = ArticlePageFactory(parent=area, title="Executive pay", body=body("Salary bands for the board."))
    restriction = PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)
    client.force_login(member)
    assert "Salary bands for the board." in client.get(page.url).content.decode()

    client.force_login(outsider)
    response = client.get(page.url)
    assert response.status_code != 200
    assert "Salary bands for the board." not in response.content.decode()


def test_a_who_to_ask_block_names_people_as_their_profiles_say_now(signed_in):
    topic = TopicFactory(name="Payment runs")
    owner = make_person("jim.okafor")
    ArticlePageFactory(title="Payment run checklist", page_owner=owner, topics=[topic])
    page = ArticlePageFactory(
        title="Posting an invoice", body=[("who_to_ask", {"topics": [topic], "note": "for payment runs"})]
    )
    assert "Jim Okafor" in signed_in.get(page.url).content.decode()

    owner.profile.display_name = "Jimmy Okafor-Reyes"
    owner.profile.save()

    assert "Jimmy Okafor-Reyes" in signed_in.get(page.url).content.decode()


def test_each_reader_sends_feedback_with_their_own_csrf_token_though_the_form_is_cached(db):
    page = ArticlePageFactory(title="Posting an invoice", body=body("Check the purchase order."))
    for username in ("ann.first", "ben.second"):  # the second gets the form's fields from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(UserFactory(username=username))
        html = client.get(page.url).content.decode()
        form = html.split('class="form feedback-form"')[1].split("</form>")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        response = client.post(page.url, {"helpful": "yes", "csrfmiddlewaretoken": token})
        assert response.status_code == 302, username


def owner_card(html: str) -> str:
    return html.split('class="card owner-card"')[1].split("</section>")[0]


def test_the_owner_card_cached_for_its_readers_falls_due_on_time(client, person):
    page = ArticlePageFactory(title="Posting an invoice", page_owner=person, verification_interval_days=1)
    # Verified a day ago, less ten seconds: due in ten seconds, well within the cached card's lifetime.
    verify_page(page=page, user=person, now=timezone.now() - datetime.timedelta(days=1, seconds=-10))
    page.refresh_from_db()
    client.force_login(UserFactory(username="rita.reader"))
    assert "badge--verified" in owner_card(client.get(page.url).content.decode())  # cached now

    with time_machine.travel(page.verification_due_at + datetime.timedelta(seconds=1)):
        card = owner_card(client.get(page.url).content.decode())
    assert "badge--due" in card and "Verification was due" in card
