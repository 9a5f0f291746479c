"""The navigation tree is cached for every reader who may see the same sections (wiki.navigation_cache): a page
published, unpublished, moved or deleted shows in it at once, and a section closed to a reader never reaches
them through an entry another reader filled."""

import pytest

from django.contrib.auth.models import Group
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

from expertise.factories import UserFactory
from wiki.factories import ProcessPageFactory
from wiki.navigation import area_choices, process_tree

pytestmark = pytest.mark.django_db


def nav_of(client, url: str) -> str:
    html = client.get(url).content.decode()
    return html.split('aria-label="Processes"')[1].split("</nav>")[0]


def test_a_published_process_shows_in_the_navigation_at_once(signed_in, home):
    ProcessPageFactory(title="Record to report")
    draft = ProcessPageFactory(title="Treasury")
    draft.unpublish()
    assert "Treasury" not in nav_of(signed_in, home.url)  # the tree is cached now

    draft.save_revision().publish()

    assert "Treasury" in nav_of(signed_in, home.url)


def test_an_unpublished_moved_or_deleted_process_leaves_the_navigation_at_once(signed_in, home):
    area = ProcessPageFactory(title="Record to report")
    other = ProcessPageFactory(title="Order to cash")
    process = ProcessPageFactory(parent=area, title="Journal entries")
    doomed = ProcessPageFactory(title="Old area")
    assert "Journal entries" in nav_of(signed_in, home.url)

    process.move(other, pos="last-child")
    nav = nav_of(signed_in, home.url)
    assert nav.index("Journal entries") > nav.index("Order to cash"), "moved under Order to cash"

    other.unpublish()
    doomed.delete()
    nav = nav_of(signed_in, home.url)
    assert "Order to cash" not in nav and "Old area" not in nav
    assert "Record to report" in nav


def test_the_page_being_shown_is_marked_in_a_cached_navigation(signed_in, home):
    area = ProcessPageFactory(title="Record to report")
    other = ProcessPageFactory(title="Order to cash")
    assert 'aria-current="page"' not in nav_of(signed_in, home.url)
    assert f'href="{area.url}" aria-current="page"' in nav_of(signed_in, area.url)
    nav = nav_of(signed_in, other.url)
    assert f'href="{other.url}" aria-current="page"' in nav and f'href="{area.url}" aria-current' not in nav


@pytest.mark.parametrize("member_first", [True, False])
def test_a_section_closed_to_a_reader_never_reaches_them_through_the_cache(client, home, member_first):
    team = Group.objects.create(name="Payroll team")
    member, outsider = UserFactory(username="pat.payne"), UserFactory(username="olive.outside")
    member.groups.add(team)
    payroll = ProcessPageFactory(title="Payroll and pensions")
    ProcessPageFactory(parent=payroll, title="Executive salary adjustments")
    ProcessPageFactory(title="Billing")
    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)

    readers = [member, outsider] if member_first else [outsider, member]
    navs = {}
    for reader in readers:
        client.force_login(reader)
        navs[reader.username] = nav_of(client, home.url)

    assert "Payroll and pensions" in navs["pat.payne"] and "Executive salary adjustments" in navs["pat.payne"]
    assert "Billing" in navs["olive.outside"]
    assert "Payroll" not in navs["olive.outside"] and "Executive salary" not in navs["olive.outside"]


def test_a_new_restriction_closes_the_section_in_the_cached_navigation_at_once(client, home):
    outsider = UserFactory()
    client.force_login(outsider)
    payroll = ProcessPageFactory(title="Payroll and pensions")
    assert "Payroll and pensions" in nav_of(client, home.url)

    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Payroll team"))

    assert "Payroll and pensions" not in nav_of(client, home.url)


def test_a_cached_tree_costs_no_query(home, person, django_assert_num_queries):
    ProcessPageFactory(parent=ProcessPageFactory(title="Record to report"), title="Journal entries")

    def request():
        made = RequestFactory().get("/")
        made.user = person
        made.session = {}
        return made

    first = process_tree(request())
    again = request()
    again._onramp_closed_sections = []  # what the request's first look at the restrictions found
    with django_assert_num_queries(1):  # the site: Wagtail reads it once a request
        tree = process_tree(again)
    assert [(area.title, [p.title for p in area.children]) for area in tree] == [
        ("Record to report", ["Journal entries"])
    ]
    assert tree == first


@pytest.mark.parametrize("member_first", [True, False])
def test_ask_s_area_choices_are_the_areas_each_reader_may_see_and_change_at_once(home, member_first):
    team = Group.objects.create(name="Payroll team")
    member, outsider = UserFactory(username="pat.payne"), UserFactory(username="olive.outside")
    member.groups.add(team)
    payroll = ProcessPageFactory(title="Payroll and pensions")
    billing = ProcessPageFactory(title="Billing")
    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)

    def choices_of(reader) -> list[str]:
        made = RequestFactory().get("/ask/")
        made.user, made.session = reader, {}
        return [title for _, title in area_choices(made)]

    readers = [member, outsider] if member_first else [outsider, member]
    seen = {reader.username: choices_of(reader) for reader in readers}
    assert seen == {"pat.payne": ["Payroll and pensions", "Billing"], "olive.outside": ["Billing"]}

    billing.title = "Billing and collections"
    billing.save_revision().publish()
    assert choices_of(outsider) == ["Billing and collections"]
