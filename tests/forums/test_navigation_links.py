"""User groups and their sessions are reached from the navigation, and the people of a group, session or task
are links to their profiles (a leaver named, not linked)."""

import datetime

import pytest

from expertise.factories import UserFactory
from forums.gaps import raise_gap
from forums.models import ForumSession, GapSource, UserGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(db):
    facilitator = UserFactory(username="fay.facilitator", first_name="Fay", last_name="Facilitator")
    member = UserFactory(username="max.member", first_name="Max", last_name="Member")
    leaver = UserFactory(username="lee.leaver", first_name="Lee", last_name="Leaver", is_active=False)
    group = UserGroup.objects.create(name="AP key users", slug="ap-key-users", facilitator=facilitator)
    group.members.add(member, leaver)
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 11, 5))
    session.attendees.add(member, leaver)
    return group


def test_the_navigation_leads_to_user_groups_and_on_to_their_sessions(signed_in, group):
    html = signed_in.get("/").content.decode()
    nav = html.split('aria-label="Onramp"')[1].split("</nav>")[0]
    groups_url = "/forums/groups/"
    assert f'href="{groups_url}"' in nav
    listing = signed_in.get(groups_url).content.decode()
    group_url = f"{groups_url}{group.slug}/"
    assert f'href="{group_url}"' in listing
    assert 'href="/people/fay.facilitator/"' in listing
    detail = signed_in.get(group_url).content.decode()
    session = group.sessions.get()
    assert f'/sessions/{session.pk}/"' in detail
    assert 'href="/people/fay.facilitator/"' in detail and 'href="/people/max.member/"' in detail
    assert "Lee Leaver" in detail and 'href="/people/lee.leaver/"' not in detail


def test_who_raised_a_gap_links_to_their_profile(signed_in, group):
    member = group.members.get(username="max.member")
    gap = raise_gap(title="Nothing on parking invoices", source=GapSource.DIRECT, raised_by=member)
    html = signed_in.get(f"/forums/gaps/{gap.pk}/").content.decode()
    assert '<a class="person" href="/people/max.member/">Max Member</a>' in html


def test_a_group_page_reads_its_members_profiles_in_the_same_query_however_many_there_are(signed_in, group):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from expertise.people import profile_for

    def queries() -> int:
        signed_in.get(f"/forums/groups/{group.slug}/")
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(f"/forums/groups/{group.slug}/").status_code == 200
        return len(captured)

    for member in group.members.all():
        profile_for(member)
    few = queries()
    for number in range(4):
        member = UserFactory(username=f"more.member{number}")
        profile_for(member)
        group.members.add(member)
    assert queries() == few
