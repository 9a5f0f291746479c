"""People named on the buddy program's pages (buddies, managers, go-to people, who cancelled a check-in, the
pairing history, cohort matches, suggestions) link to their profiles; someone who has left is named, not linked."""

from datetime import date

import pytest

from django.urls import reverse

from buddies import checkins
from buddies.models import Cohort
from buddies.pairing import assign_buddy, start_onboarding
from expertise.factories import make_person
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


def link(username: str, name: str) -> str:
    return f'<a class="person" href="{reverse("expertise:profile", args=[username])}">{name}</a>'


@pytest.fixture
def jills(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    return onboarding


def test_the_onboarding_page_links_buddy_manager_history_and_who_cancelled(client, org, jills):
    checkins.cancel_check_in(check_in=jills.check_ins.order_by("scheduled_for").last(), by=org["nadia"])
    client.force_login(org["nadia"])
    html = client.get(reverse("buddies:onboarding", args=[jills.pk])).content.decode()
    buddy = html[html.index("<dt>Buddy</dt>") :]
    assert buddy[: buddy.index("</dd>")].endswith(link("jim.okafor", "Jim Okafor"))
    manager = html[html.index("<dt>Manager</dt>") :]
    assert manager[: manager.index("</dd>")].endswith(link("nadia.kowalska", "Nadia Kowalska"))
    history = html[html.index('<ol class="history">') :]
    assert history[: history.index("</ol>")].count(link("jim.okafor", "Jim Okafor")) == 1
    assert f"by {link('nadia.kowalska', 'Nadia Kowalska')}," in html


def test_a_buddy_who_has_left_is_named_not_linked(client, org, jills):
    org["jim"].is_active = False
    org["jim"].save()
    client.force_login(org["nadia"])
    html = client.get(reverse("buddies:onboarding", args=[jills.pk])).content.decode()
    assert 'href="/people/jim.okafor/"' not in html
    assert '<span class="person person--left">Jim Okafor <span class="muted">(left)</span></span>' in html


def test_the_program_list_and_the_new_hire_s_home_link_the_buddy(client, org, jills, program_admin):
    client.force_login(program_admin)
    assert link("jim.okafor", "Jim Okafor") in client.get(reverse("buddies:program")).content.decode()
    client.force_login(org["jill"])
    assert link("jim.okafor", "Jim Okafor") in client.get("/").content.decode()


def test_choosing_a_buddy_links_the_current_buddy_and_each_suggestion(client, org, jills):
    client.force_login(org["nadia"])
    html = client.get(reverse("buddies:choose_buddy", args=[jills.pk])).content.decode()
    assert f"Current buddy: {link('jim.okafor', 'Jim Okafor')}." in html
    assert f"<h3>{link('agnes.lis', 'Agnes Lis')} " in html


def test_a_cohort_match_links_each_new_hire_and_buddy(client, org, program_admin):
    cohort = Cohort.objects.create(name="Autumn 2026", starts_on=START, ends_on=date(2027, 2, 1))
    hire = make_person("hire.one", team=org["payables"], manager=org["nadia"], start_date=START)
    start_onboarding(hire=hire, start_date=START, cohort=cohort, plan_template=org["plan"])
    client.force_login(program_admin)
    html = client.get(reverse("buddies:cohort_match", args=[cohort.pk])).content.decode()
    row = html[html.index('name="pair"') - 400 : html.index('name="pair"') + 400]
    assert f"<td>{link('hire.one', hire.profile.name)}<input" in row
    assert row.count('<a class="person" href="/people/') == 2
