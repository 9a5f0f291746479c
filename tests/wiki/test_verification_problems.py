"""Verification that means something: a page nobody confirmed says *Unverified*, the owner reviews what is
open on a page (gaps, revision tasks, not-helpful votes) before confirming it and must write a note while
any are open, and readers see a *known issue*, linking the gaps they may see, until it is dealt with."""

import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from expertise.factories import TopicFactory, UserFactory
from forums.gaps import decline_gap, raise_gap
from forums.models import GapSource, RevisionTask, TaskKind
from forums.triage import PageTaskPlan, triage_gap
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.freshness import Freshness
from wiki.models import ArticlePage, PageFeedback, PageVerification

pytestmark = pytest.mark.django_db

NOTE_ERROR = "Write a note: problems are open on this page"


@pytest.fixture
def area(db):
    return ProcessPageFactory(title="Procure to pay")


@pytest.fixture
def article(area):
    return ArticlePageFactory(parent=area, title="Run the payment proposal")


@pytest.fixture
def gap(article, person):
    return raise_gap(
        title="The proposal stops at blocked vendors",
        source=GapSource.DIRECT,
        raised_by=person,
        related_page=article,
    )


def badges(html: str) -> list[str]:
    return re.findall(r'class="badge badge--([a-z-]+)"', html)


def owner_card(html: str) -> str:
    return html[html.index('class="card owner-card"') :].split("</aside>", 1)[0]


def verify_url(page) -> str:
    return reverse("wiki_verify", args=[page.pk])


# Unverified


def test_a_page_nobody_confirmed_is_unverified_in_its_badge_and_its_sentence(signed_in, article, area):
    html = signed_in.get(article.url).content.decode()
    card = owner_card(html)
    assert badges(card) == ["unverified"]
    assert ">Unverified<" in card
    assert "Never verified since it was published." in card
    assert "First check due" in card
    assert "Verified<" not in card.replace("Unverified<", "")
    # The process page lists it with the same badge.
    listing = signed_in.get(area.url).content.decode()
    articles = listing.split('<ul class="article-list">')[1].split("</ul>")[0]
    assert badges(articles) == ["unverified"] and ">Unverified</span>" in articles


def test_once_confirmed_the_badge_and_the_sentence_both_say_verified(client, article):
    client.force_login(article.page_owner)
    client.post(verify_url(article), {"note": ""})
    card = owner_card(client.get(article.url).content.decode())
    assert badges(card) == ["verified"]
    assert "Last verified" in card and "Never verified" not in card
    assert ArticlePage.objects.get(pk=article.pk).freshness.state == Freshness.VERIFIED


# The verify screen lists what is open, and asks for a note


def test_the_owner_sees_the_open_gap_task_and_not_helpful_votes_before_verifying(client, article, gap, editor):
    triage_gap(gap=gap, by=article.page_owner, page_plan=PageTaskPlan(assignee=editor, page=article))
    PageFeedback.objects.create(page=article, helpful=False, reason="outdated", comment="The limits changed in May.")
    client.force_login(article.page_owner)
    card = owner_card(client.get(article.url).content.decode())
    assert "3 open problems" in card
    assert f'href="{gap.get_absolute_url()}">The proposal stops at blocked vendors</a>' in card
    task = RevisionTask.objects.get(gap=gap)
    assert f'href="{task.get_absolute_url()}"' in card
    assert "Assigned to Carrie Trainer" in card
    assert "It is out of date" in card and "The limits changed in May." in card
    assert "Note (required)" in card


def test_a_reader_sees_neither_the_problem_list_nor_the_votes(signed_in, article, gap):
    PageFeedback.objects.create(page=article, helpful=False, reason="outdated", comment="The limits changed in May.")
    html = signed_in.get(article.url).content.decode()
    assert "open problem" not in html
    assert "The limits changed in May." not in html
    assert "Still correct" not in html


def test_verifying_with_an_open_gap_and_no_note_is_refused_naming_the_note(client, article, gap):
    client.force_login(article.page_owner)
    response = client.post(verify_url(article), {"note": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert NOTE_ERROR in html
    assert 'id="verify-note_error"' in html  # the error sits on the note field
    assert not PageVerification.objects.exists()
    assert ArticlePage.objects.get(pk=article.pk).last_verified_at is None


def test_verifying_with_a_note_keeps_it_in_the_history_shown_to_editors(client, article, gap, person):
    client.force_login(article.page_owner)
    response = client.post(verify_url(article), {"note": "Blocked vendors are rare; the gap is in triage."})
    assert response.status_code == 302
    assert PageVerification.objects.get(page=article).note == "Blocked vendors are rare; the gap is in triage."
    card = owner_card(client.get(article.url).content.decode())
    assert "Verification history" in card and "Blocked vendors are rare; the gap is in triage." in card
    client.force_login(person)
    assert "Blocked vendors are rare" not in client.get(article.url).content.decode()


def test_not_helpful_votes_ask_for_a_note_only_until_the_next_verification(client, article):
    PageFeedback.objects.create(page=article, helpful=False, reason="unclear")
    client.force_login(article.page_owner)
    assert client.post(verify_url(article), {"note": ""}).status_code == 400
    assert client.post(verify_url(article), {"note": "Reworded step 3."}).status_code == 302
    # The vote is acknowledged: the next verification needs no note.
    assert "open problem" not in owner_card(client.get(article.url).content.decode())
    assert client.post(verify_url(article), {"note": ""}).status_code == 302
    assert PageVerification.objects.filter(page=article).count() == 2


def test_only_the_owner_or_a_publisher_may_verify(client, article, gap, editor):
    client.force_login(UserFactory())
    assert client.post(verify_url(article), {"note": "Looks fine"}).status_code == 403
    client.force_login(editor)  # a moderator may publish every page
    assert client.post(verify_url(article), {"note": "Checked for the owner"}).status_code == 302
    assert PageVerification.objects.get(page=article).verified_by == editor


def test_the_admin_verify_screen_lists_the_problems_and_requires_the_note(client, article, gap, editor):
    client.force_login(editor)
    url = reverse("wiki_admin_verify", args=[article.pk])
    html = client.get(url).content.decode()
    assert "1 open problem" in html
    assert "The proposal stops at blocked vendors" in html
    response = client.post(url, {"note": ""})
    assert response.status_code == 400
    assert NOTE_ERROR in response.content.decode()
    assert not PageVerification.objects.exists()
    assert client.post(url, {"note": "Confirmed with the payments team"}).status_code == 302
    assert "Confirmed with the payments team" in client.get(url).content.decode()  # the history


def test_the_admin_verify_screen_is_refused_to_others(client, article):
    outsider = UserFactory(is_staff=True)
    client.force_login(outsider)
    response = client.get(reverse("wiki_admin_verify", args=[article.pk]))
    assert response.status_code in (302, 403)
    assert client.post(reverse("wiki_admin_verify", args=[article.pk]), {"note": "x"}).status_code in (302, 403)
    assert not PageVerification.objects.exists()


# Known issue


def test_readers_see_a_known_issue_instead_of_verified_until_the_gap_is_closed(client, article, gap, person, area):
    client.force_login(article.page_owner)
    client.post(verify_url(article), {"note": "Still right apart from blocked vendors."})
    client.force_login(person)
    html = client.get(article.url).content.decode()
    assert "Known issue" in html
    assert f'<a href="{gap.get_absolute_url()}">The proposal stops at blocked vendors</a>' in html
    assert badges(owner_card(html)) == ["known-issue"]
    assert "badge--known-issue" in client.get(area.url).content.decode()  # lists agree with the page

    decline_gap(gap=gap, by=article.page_owner, reason="Blocked vendors are handled by the vendor team.")
    html = client.get(article.url).content.decode()
    assert "Known issue" not in html
    assert badges(owner_card(html)) == ["verified"]


def test_an_open_revision_task_alone_makes_a_known_issue(client, article, editor, person):
    task = RevisionTask.objects.create(kind=TaskKind.PAGE, page=article, subject_title=article.title, assignee=editor)
    assert ArticlePage.objects.get(pk=article.pk).freshness.state == Freshness.KNOWN_ISSUE
    client.force_login(person)
    html = client.get(article.url).content.decode()
    assert "Known issue" in html
    assert task.get_absolute_url() not in html  # readers are sent to gaps, not to the trainers' task
    RevisionTask.objects.filter(pk=task.pk).update(status="done")
    assert "Known issue" not in client.get(article.url).content.decode()


def test_the_known_issue_names_a_gap_only_to_readers_who_may_see_it(client, article, editor):
    """A task on an open page may work on a gap raised about a page restricted to a group: the gap's title
    describes that page, so only the group's members see it named and linked."""
    team = Group.objects.create(name="Payroll team")
    payroll = ProcessPageFactory(title="Payroll")
    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)
    secret = ArticlePageFactory(parent=payroll, title="Executive bonuses")
    member, outsider = UserFactory(), UserFactory()
    member.groups.add(team)
    gap = raise_gap(
        title="Executive bonus rates are wrong", source=GapSource.DIRECT, raised_by=member, related_page=secret
    )
    RevisionTask.objects.create(gap=gap, kind=TaskKind.PAGE, page=article, subject_title=article.title, assignee=editor)

    client.force_login(outsider)
    html = client.get(article.url).content.decode()
    assert "Known issue" in html
    assert "Executive bonus" not in html
    assert gap.get_absolute_url() not in html

    client.force_login(member)
    html = client.get(article.url).content.decode()
    assert f'<a href="{gap.get_absolute_url()}">Executive bonus rates are wrong</a>' in html


def test_the_due_report_and_the_dashboard_panel_show_the_known_issue(client, article, gap, editor):
    ArticlePage.objects.filter(pk=article.pk).update(
        verification_due_at=timezone.now() - timezone.timedelta(days=3), page_owner=editor
    )
    client.force_login(editor)
    report = client.get(reverse("wiki_reports:pages_due")).content.decode()
    assert "Known issue · Due for verification" in report
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Known issue · Due for verification" in dashboard


def test_a_list_of_badges_costs_the_same_queries_whatever_its_length(
    client, area, person, django_assert_max_num_queries
):
    client.force_login(person)
    for n in range(2):
        page = ArticlePageFactory(parent=area, title=f"Article {n}")
        raise_gap(title=f"Problem {n}", source=GapSource.DIRECT, raised_by=person, related_page=page)
    client.get(area.url)
    with django_assert_max_num_queries(60) as few:
        client.get(area.url)
    counted = len(few.captured_queries)  # read now: the next request clears the connection's query log
    for n in range(2, 8):
        page = ArticlePageFactory(parent=area, title=f"Article {n}")
        raise_gap(title=f"Problem {n}", source=GapSource.DIRECT, raised_by=person, related_page=page)
    client.get(area.url)  # the new pages made the cached navigation stale
    with django_assert_max_num_queries(counted):
        html = client.get(area.url).content.decode()
    assert html.count("badge--known-issue") == 8


def test_ask_results_carry_the_known_issue_badge(signed_in, article, gap):
    html = signed_in.get(reverse("search:ask"), {"q": "payment proposal"}).content.decode()
    assert "Run the payment proposal" in html
    assert "badge--known-issue" in html


def test_the_home_page_and_a_topics_page_show_the_same_badge_as_the_page(signed_in, home, area, person):
    topic = TopicFactory(name="Payment runs")
    page = ArticlePageFactory(parent=area, title="Release a blocked payment", topics=[topic])
    raise_gap(title="Release needs a second approver", source=GapSource.DIRECT, raised_by=person, related_page=page)
    for url in (home.url, reverse("expertise:topic", args=[topic.slug])):
        items = signed_in.get(url).content.decode().split('<ul class="article-list">')[1].split("</ul>")[0]
        assert badges(items) == ["known-issue"], url
