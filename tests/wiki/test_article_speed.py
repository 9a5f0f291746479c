"""What the article page reads per request (wiki.routing, wiki.related): the page a URL names and the related
pages are cached on the wiki's generation, so a second view costs a fixed number of queries; a moved or
unpublished page is routed anew at once, and a related page in a section closed to a reader never reaches them
through an entry another reader filled."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction, Site

from expertise.factories import TopicFactory, UserFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory

pytestmark = pytest.mark.django_db

# Session and user: the site and its home page, the article with its owners, the view restrictions, the sections
# closed to the reader, their permissions and whether the page has open problems are cached. Raise it only for
# a reason.
READER_QUERIES = 2
# The page's owner also reads the not-helpful votes since the last verification and the verification history.
OWNER_QUERIES = READER_QUERIES + 2


@pytest.fixture
def article(home, person):
    invoicing = TopicFactory(name="Invoicing")
    area = ProcessPageFactory(title="Order to cash")
    process = ProcessPageFactory(parent=area, title="Billing")
    ArticlePageFactory(parent=process, title="Credit notes", topics=[invoicing])
    ArticlePageFactory(parent=process, title="Dunning runs")
    return ArticlePageFactory(parent=process, title="Raise an invoice", topics=[invoicing], page_owner=person)


def test_a_second_view_of_an_article_costs_a_fixed_number_of_queries(client, article, django_assert_num_queries):
    client.force_login(UserFactory(username="rita.reader"))
    first = client.get(article.url)
    assert first.status_code == 200
    with django_assert_num_queries(READER_QUERIES):
        again = client.get(article.url)
    html = again.content.decode()
    assert "Raise an invoice" in html and "Credit notes" in html and "Dunning runs" in html


def test_its_owner_reads_two_queries_more_for_what_only_they_see(signed_in, article, django_assert_num_queries):
    assert signed_in.get(article.url).status_code == 200
    with django_assert_num_queries(OWNER_QUERIES):
        html = signed_in.get(article.url).content.decode()
    assert 'class="form verify-form"' in html


def test_only_page_requests_find_their_site_in_the_cache(article):
    from django.urls import resolve

    from wiki.sites import serve

    assert resolve(article.url).func is serve
    assert resolve("/_util/login/").func is not serve and resolve("/health/").func is not serve


def test_a_moved_article_is_routed_anew_at_once(signed_in, article):
    assert signed_in.get(article.url).status_code == 200
    old_url = article.url
    elsewhere = ProcessPageFactory(title="Record to report")

    article.move(elsewhere, pos="last-child")
    article.refresh_from_db()

    moved_away = signed_in.get(old_url)
    assert (moved_away.status_code, moved_away.url) == (301, article.url)  # Wagtail's redirect of a move
    assert "Raise an invoice" in signed_in.get(article.url).content.decode()


def test_an_unpublished_article_is_not_served_from_a_cached_route(signed_in, article):
    assert signed_in.get(article.url).status_code == 200
    article.unpublish()
    assert signed_in.get(article.url).status_code == 404


def test_a_restricted_article_stays_closed_after_a_member_opened_it(client, article):
    team = Group.objects.create(name="Billing team")
    member, outsider = UserFactory(username="bea.billing"), UserFactory(username="olive.outside")
    member.groups.add(team)
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)

    client.force_login(member)
    assert client.get(article.url).status_code == 200
    client.force_login(outsider)
    response = client.get(article.url)
    assert response.status_code != 200 and "Check that the purchase order" not in response.content.decode()


@pytest.mark.parametrize("member_first", [True, False])
def test_a_related_page_closed_to_a_reader_never_reaches_them_through_the_cache(client, home, member_first):
    payroll = TopicFactory(name="Payroll")
    team = Group.objects.create(name="Payroll team")
    member, outsider = UserFactory(username="pat.payne"), UserFactory(username="olive.outside")
    member.groups.add(team)
    open_area = ProcessPageFactory(title="Staff matters")
    closed_area = ProcessPageFactory(title="Payroll and pensions")
    article = ArticlePageFactory(parent=open_area, title="Change your bank details", topics=[payroll])
    ArticlePageFactory(parent=closed_area, title="Executive salary adjustments", topics=[payroll])
    restriction = PageViewRestriction.objects.create(page=closed_area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)

    pages = {}
    for reader in [member, outsider] if member_first else [outsider, member]:
        client.force_login(reader)
        pages[reader.username] = client.get(article.url).content.decode()

    assert "Executive salary adjustments" in pages["pat.payne"]
    assert "Executive salary adjustments" not in pages["olive.outside"]


def test_a_renamed_process_and_changed_topics_show_on_a_cached_article_at_once(signed_in, article):
    assert "Billing" in signed_in.get(article.url).content.decode()  # breadcrumbs and topics are cached now
    process = article.get_parent().specific
    process.title = "Invoicing and billing"
    process.save_revision().publish()
    article.topics.set([TopicFactory(name="Accounts receivable")])
    article.save_revision().publish()

    html = signed_in.get(article.url).content.decode()
    trail = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    topics = html.split('id="topics-heading"')[1].split("</section>")[0]
    assert "Invoicing and billing" in trail
    assert "Accounts receivable" in topics and "Invoicing" not in topics


def test_a_site_given_another_home_page_routes_from_it_at_once(signed_in, article):
    assert signed_in.get(article.url).status_code == 200  # the site is cached now
    site = Site.objects.get(is_default_site=True)
    site.root_page = article.get_parent().get_parent()  # "Order to cash"
    site.save()
    try:
        assert "Raise an invoice" in signed_in.get("/billing/raise-an-invoice/").content.decode()
    finally:
        # Wagtail caches the sites' root paths too, and the cache outlives this test's database.
        Site.clear_site_root_paths_cache()


def test_a_renamed_topic_shows_on_a_cached_article_at_once(signed_in, article):
    assert "Invoicing" in signed_in.get(article.url).content.decode()  # the topics are cached now
    topic = article.topics.get(name="Invoicing")
    topic.name = "Billing and invoicing"
    topic.save()

    topics = signed_in.get(article.url).content.decode().split('id="topics-heading"')[1].split("</section>")[0]
    assert "Billing and invoicing" in topics


def owner_card(html: str) -> str:
    return html.split('class="card owner-card"')[1].split("</section>")[0]


def test_the_owner_renamed_leaving_or_handing_over_shows_on_a_cached_article_at_once(client, article, person):
    from wiki.handover import hand_over_pages

    client.force_login(UserFactory(username="rita.reader"))
    assert "Jill Hartmann" in owner_card(client.get(article.url).content.decode())  # the page is cached now

    person.first_name = "Gillian"
    person.save()
    assert "Gillian Hartmann" in owner_card(client.get(article.url).content.decode())

    person.is_active = False
    person.save(update_fields=["is_active"])
    assert "(left)" in owner_card(client.get(article.url).content.decode())

    hand_over_pages(leaver=person, to=UserFactory(first_name="Sam", last_name="Successor"))
    card = owner_card(client.get(article.url).content.decode())
    assert "Sam Successor" in card and "Hartmann" not in card


def test_a_verification_shows_on_a_cached_article_at_once(client, article, person):
    from wiki.freshness import verify_page

    client.force_login(UserFactory(username="rita.reader"))
    assert "Never verified" in owner_card(client.get(article.url).content.decode())

    verify_page(page=article, user=person)
    assert "Last verified" in owner_card(client.get(article.url).content.decode())


def test_signing_in_leaves_the_cached_pages_in_place(person, rf):
    from django.contrib.auth.signals import user_logged_in

    from onramp import page_generation

    before = page_generation.current()
    user_logged_in.send(sender=type(person), request=rf.get("/"), user=person)  # writes the sign-in time only
    assert page_generation.current() == before


def test_a_page_request_reads_each_generation_once_and_sees_its_own_changes(db):
    from django.core.cache import cache

    from onramp import page_generation

    with page_generation.read_once():
        first = page_generation.current()
        cache.set(page_generation.KEY, "moved on by another process", None)
        assert page_generation.current() == first  # the request's parts agree on one generation
        page_generation.bump()
        assert page_generation.current() not in (first, "moved on by another process")
    assert page_generation.current() != first


def test_entries_of_a_shared_cache_are_kept_in_the_process_until_their_generation_moves_on(settings, tmp_path):
    from django.core.cache import cache

    from onramp import page_generation

    settings.CACHES = {  # a cache other processes share, as Redis is
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    }
    computed = []

    def compute() -> dict:
        computed.append(1)
        return {"rows": [1, 2]}

    page_generation.cached("test:kept", compute)["rows"].append(3)  # what a caller gets is its own copy
    cache.delete(f"onramp:pages:{page_generation.current()}:test:kept")
    assert page_generation.cached("test:kept", compute) == {"rows": [1, 2]} and len(computed) == 1

    page_generation.bump()
    assert page_generation.cached("test:kept", compute) == {"rows": [1, 2]} and len(computed) == 2
