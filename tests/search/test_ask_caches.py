"""What Ask keeps between requests (the shown pages, the areas, the topics' names) is never out of date and
never shows one asker what only another may see."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site

from expertise.models import Topic
from forums.factories import GapFactory
from search.ask import ask
from wiki.freshness import verify_page
from wiki.models import ArticlePage
from wiki.topics import topics_named_in

pytestmark = pytest.mark.django_db


def ask_html(client, **params) -> str:
    response = client.get(reverse("search:ask"), params)
    assert response.status_code == 200
    return response.content.decode()


def hit_html(html: str, title: str) -> str:
    """The result entry of the page titled `title`."""
    hits = [piece.split("\n</li>")[0] for piece in html.split('<li class="ask-hit">')[1:]]
    found = [hit for hit in hits if f">{title}</a></h3>" in hit]
    assert len(found) == 1, f"{title!r} is not shown once"
    return found[0]


def test_a_page_published_again_shows_its_new_title_and_text(signed_in, corpus):
    before = ask_html(signed_in, q="supplier invoice")
    assert "Open the <mark>invoice</mark> queue" in hit_html(before, "Posting a supplier invoice")
    page = corpus["post_invoice"]
    page.title = "Posting an invoice from a supplier"
    page.body = [("text", "<p>Scan the supplier invoice first, then post it.</p>")]
    page.save_revision().publish()

    after = ask_html(signed_in, q="supplier invoice")

    assert "Posting a supplier invoice" not in after
    assert "Scan the <mark>supplier</mark> <mark>invoice</mark> first" in hit_html(
        after, "Posting an invoice from a supplier"
    )


def test_an_area_retitled_shows_in_the_breadcrumbs_of_its_pages(signed_in, corpus):
    assert "<li>Procure to pay</li>" in hit_html(
        ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice"
    )
    area = corpus["p2p"]
    area.title = "Purchase to pay"
    area.save_revision().publish()

    hit = hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")

    assert "<li>Purchase to pay</li>" in hit
    assert "Procure to pay" not in hit


def test_verifying_a_page_changes_its_badge_at_once(signed_in, corpus):
    assert "badge--unverified" in hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")
    page = corpus["post_invoice"]
    verify_page(page=page, user=page.page_owner)

    hit = hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")

    assert "badge--verified" in hit
    assert "badge--unverified" not in hit


def test_a_gap_raised_on_a_page_shows_as_a_known_issue_at_once(signed_in, corpus, editor):
    assert "badge--known-issue" not in ask_html(signed_in, q="supplier invoice")
    GapFactory(title="Which queue?", raised_by=editor, related_page=corpus["post_invoice"])

    hit = hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")

    assert "badge--known-issue" in hit


def test_a_site_added_changes_the_links_as_pages_give_them(corpus, person, request_for, home):
    def shown_url() -> str:
        hit = next(
            hit
            for hit in ask(text="supplier invoice", request=request_for(person)).pages.object_list
            if hit.page.pk == corpus["post_invoice"].pk
        )
        return hit.page.url

    assert shown_url() == Page.objects.get(pk=corpus["post_invoice"].pk).url
    Site.objects.create(hostname="other.example", port=80, root_page=corpus["people"], site_name="People")

    assert shown_url() == Page.objects.get(pk=corpus["post_invoice"].pk).url
    assert shown_url().startswith("http://")


def test_a_page_one_asker_saw_stays_hidden_from_another_who_may_not_see_it(client, corpus, person, editor):
    restriction = PageViewRestriction.objects.create(page=corpus["p2p"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)
    assert "Posting a supplier invoice" in ask_html(client, q="supplier invoice")

    client.force_login(person)
    html = ask_html(client, q="supplier invoice")

    assert "Posting a supplier invoice" not in html
    assert "Procure to pay" not in html


def test_a_topic_renamed_is_named_by_its_new_name_at_once(corpus):
    assert [topic.slug for topic in topics_named_in("claiming travel expenses")] == ["travel-expenses"]
    topic = Topic.objects.get(slug="travel-expenses")
    topic.name = "Travel costs"
    topic.save()

    assert topics_named_in("claiming travel expenses") == []
    assert [topic.name for topic in topics_named_in("travel costs")] == ["Travel costs"]


def test_a_topic_added_to_the_best_page_changes_who_is_asked_about(corpus, person, request_for):
    from expertise.factories import ExpertiseScoreFactory

    expert = ExpertiseScoreFactory(topic=Topic.objects.create(name="Accruals", slug="accruals"), score=9).person
    assert expert not in [s.person for s in ask(text="month-end checklist", request=request_for(person)).people]
    page = corpus["mentions_invoice"]
    page.topics.add(Topic.objects.get(slug="accruals"))
    page.save_revision().publish()

    assert expert in [s.person for s in ask(text="month-end checklist", request=request_for(person)).people]


def test_the_facets_count_a_page_moved_or_given_a_topic_at_once(corpus, person, request_for):
    def facets() -> tuple[dict[str, int], dict[str, int]]:
        results = ask(text="reverse journal entry", request=request_for(person))
        return (
            {facet.label: facet.count for facet in results.area_facets},
            {facet.label: facet.count for facet in results.topic_facets},
        )

    assert facets() == ({"Finance": 1}, {})
    page = corpus["journal"]
    page.topics.add(Topic.objects.get(slug="travel-expenses"))
    page.save_revision().publish()
    assert facets() == ({"Finance": 1}, {"Travel expenses": 1})

    page.move(corpus["people"], pos="last-child")

    assert facets() == ({"People": 1}, {"Travel expenses": 1})


def test_a_gap_closed_takes_the_known_issue_off_at_once(signed_in, corpus, editor):
    from forums.gaps import decline_gap

    gap = GapFactory(title="Which queue?", raised_by=editor, related_page=corpus["post_invoice"])
    assert "badge--known-issue" in hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")
    decline_gap(gap=gap, by=corpus["post_invoice"].page_owner, reason="The queue is named on the page.")

    hit = hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")

    assert "badge--known-issue" not in hit


def test_a_result_shows_the_freshness_badge_the_wiki_shows_and_the_verified_one_once_verified(signed_in, corpus):
    from django.template.loader import render_to_string

    page = corpus["post_invoice"]
    badge = render_to_string("includes/freshness_badge.html", {"page": ArticlePage.objects.get(pk=page.pk)})
    assert badge in hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")
    verify_page(page=page, user=page.page_owner)

    badge = render_to_string("includes/freshness_badge.html", {"page": ArticlePage.objects.get(pk=page.pk)})

    assert "badge--verified" in badge
    assert badge in hit_html(ask_html(signed_in, q="supplier invoice"), "Posting a supplier invoice")
