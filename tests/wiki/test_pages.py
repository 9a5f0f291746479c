import re

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from expertise.factories import TopicFactory, UserFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory
from wiki.models import ArticlePage, HomePage, ProcessPage

pytestmark = pytest.mark.django_db


class TestTree(WagtailPageTestCase):
    def test_process_pages_nest_and_articles_are_leaves(self):
        self.assertAllowedParentPageTypes(ProcessPage, {HomePage, ProcessPage})
        self.assertAllowedSubpageTypes(ProcessPage, {ProcessPage, ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_editor_can_create_a_process_in_the_admin(self):
        self.client.force_login(self.create_test_user())  # client.login() has no request for axes
        home = HomePage.objects.get()
        owner = UserFactory()
        self.assertCanCreate(
            home,
            ProcessPage,
            {
                "title": "Procure to pay",
                "slug": "procure-to-pay",
                "summary": rich_text("<p>From request to payment.</p>"),
                "page_owner": owner.pk,
                "verification_interval_days": 90,
                "topics": "Purchase orders, Three-way match",
            },
        )
        created = ProcessPage.objects.get(slug="procure-to-pay")
        assert sorted(t.name for t in created.topics.all()) == ["Purchase orders", "Three-way match"]


def test_anonymous_visitors_are_asked_to_sign_in(client, home):
    response = client.get(home.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_home_lists_areas_and_recent_articles(signed_in, home):
    area = ProcessPageFactory(title="Procure to pay", summary="<p>Buying things and paying for them.</p>")
    ArticlePageFactory(parent=area, title="Park an invoice")
    response = signed_in.get(home.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Procure to pay" in html
    assert "Buying things and paying for them." in html
    assert "Park an invoice" in html


def test_home_without_content_explains_the_empty_wiki(signed_in, home):
    response = signed_in.get(home.url)
    assert "The wiki has no process areas yet" in response.content.decode()


def test_navigation_shows_the_process_tree_two_levels_deep(signed_in, home):
    area = ProcessPageFactory(title="Record to report")
    process = ProcessPageFactory(parent=area, title="Journal entries")
    ProcessPageFactory(parent=process, title="Recurring entries")
    response = signed_in.get(home.url)
    nav = response.content.decode().split('aria-label="Processes"')[1].split("</nav>")[0]
    assert "Record to report" in nav
    assert f'href="{process.url}"' in nav and "Journal entries" in nav
    assert "Recurring entries" not in nav


def test_process_page_shows_subprocesses_articles_owner_and_materials(signed_in):
    owner = UserFactory(first_name="Jim", last_name="Okafor")
    area = ProcessPageFactory(title="Procure to pay", process_owner=owner, page_owner=owner)
    ProcessPageFactory(parent=area, title="Invoice processing")
    ArticlePageFactory(parent=area, title="Three-way match explained")
    material = TrainingMaterialFactory(title="P2P essentials")
    material.processes.add(area)
    material.save()
    response = signed_in.get(area.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Invoice processing" in html
    assert "Three-way match explained" in html
    assert "P2P essentials" in html
    assert "Jim Okafor" in html
    assert 'aria-label="Breadcrumb"' in html


def test_process_page_paginates_its_articles(signed_in):
    area = ProcessPageFactory(title="Expenses")
    for number in range(ProcessPage.articles_per_page + 3):
        ArticlePageFactory(parent=area, title=f"Article {number:02d}")
    first = signed_in.get(area.url).content.decode()
    second = signed_in.get(area.url + "?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert "Article 00" in first and "Article 27" not in first
    assert "Article 27" in second


BODY = [
    ("heading", {"text": "Before you start", "level": "h2"}),
    ("text", "<p>You need the <b>AP clerk</b> role.</p>"),
    ("heading", {"text": "Check the tolerance", "level": "h3"}),
    (
        "steps",
        {
            "title": "Post the invoice",
            "steps": [
                {"text": "<p>Open the inbox.</p>", "screen": "ZAP_INBOX", "image": None},
                {"text": "<p>Enter the amount.</p>", "screen": "MIRO", "image": None},
            ],
        },
    ),
    ("callout", {"kind": "customisation", "text": "<p>We block invoices above 10,000 EUR.</p>"}),
    ("callout", {"kind": "warning", "text": "<p>Never change the baseline date.</p>"}),
    (
        "table",
        {
            "caption": "Tolerance keys",
            "table": {
                "data": [["Key", "Meaning"], ["PP", "Price variance"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    ),
    ("code", {"code": "ZAP_*", "language": ""}),
]


def test_article_renders_every_block_and_a_table_of_contents(signed_in):
    owner = UserFactory(first_name="Priya", last_name="Nair")
    topic = TopicFactory(name="Invoice parking")
    area = ProcessPageFactory(title="Procure to pay")
    article = ArticlePageFactory(parent=area, title="Post an invoice", body=BODY, page_owner=owner, topics=[topic])
    article.body.append(("who_to_ask", {"topics": [topic], "note": "for parked invoices"}))
    article.save_revision().publish()
    response = signed_in.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Before you start",
        "<b>AP clerk</b>",
        "<kbd>ZAP_INBOX</kbd>",
        "Our customisation differs from the vendor standard",
        "We block invoices above 10,000 EUR.",
        "Never change the baseline date.",
        "Tolerance keys",
        "ZAP_*",
        "for parked invoices",
        "Priya Nair",
        "Was this helpful?",
    ]:
        assert text in html, text
    assert re.search(r"<td[^>]*>\s*Price variance\s*</td>", html), "the table renders as a table"
    toc = html.split('aria-labelledby="toc-heading"')[1].split("</nav>")[0]
    assert "Before you start" in toc and "Check the tolerance" in toc
    heading_id = article.table_of_contents[0]["anchor"]
    assert f'id="{heading_id}"' in html


def test_article_suggests_related_pages_by_shared_topic(signed_in):
    topic = TopicFactory(name="Payment runs")
    area = ProcessPageFactory(title="Procure to pay")
    article = ArticlePageFactory(parent=area, title="Run the payment proposal", topics=[topic])
    other_area = ProcessPageFactory(title="Record to report")
    ArticlePageFactory(parent=other_area, title="Bank statement posting", topics=[topic])
    ArticlePageFactory(parent=other_area, title="Unrelated accruals")
    html = signed_in.get(article.url).content.decode()
    related = html.split('aria-labelledby="related-heading"')[1].split("</section>")[0]
    assert "Bank statement posting" in related
    assert "Unrelated accruals" not in related
    assert "Run the payment proposal" not in related


def test_pages_in_a_restricted_section_are_left_out_of_listings(signed_in, home):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    area = ProcessPageFactory(title="Payroll")
    restriction = PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Moderators"))
    html = signed_in.get(home.url).content.decode()
    assert "Payroll" not in html


@pytest.mark.parametrize("view", ["home", "process", "article"])
def test_query_count_does_not_grow_with_the_wiki(client, person, home, view):
    """Render each page type on a small and on a larger wiki: the number of queries must stay the same."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    topic = TopicFactory(name="Payment runs")
    area = ProcessPageFactory(title="Procure to pay")
    process = ProcessPageFactory(parent=area, title="Payments")
    article = ArticlePageFactory(parent=process, title="Run the payment proposal", body=BODY, topics=[topic])
    url = {"home": home.url, "process": process.url, "article": article.url}[view]
    client.force_login(person)

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = queries()
    for number in range(2):
        other_area = ProcessPageFactory(title=f"Area {number}")
        other_process = ProcessPageFactory(parent=other_area, title=f"Process {number}")
        for article_number in range(3):
            ArticlePageFactory(parent=other_process, title=f"Article {number}.{article_number}", topics=[topic])
            ArticlePageFactory(parent=process, title=f"Sibling {number}.{article_number}", topics=[topic])
    # Fewer is fine: with enough articles sharing a topic, related pages need no second query for siblings.
    assert queries() <= small


def test_the_admin_editor_opens_an_article_with_every_block(client, admin_user):
    topic = TopicFactory(name="Invoice parking")
    body = [*BODY, ("who_to_ask", {"topics": [topic], "note": "for parked invoices"})]
    article = ArticlePageFactory(parent=ProcessPageFactory(title="Procure to pay"), title="Post an invoice", body=body)
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    assert "Ownership and verification" in response.content.decode()
