"""Where each role lands: the new hire's home page shows their onboarding; "Onboarding" takes a buddy or a
manager without an onboarding of their own to their list."""

import pytest

from django.urls import reverse

from wagtail.models import Site

from buddies.models import CheckIn
from tests.buddies.conftest import TODAY
from wiki.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def home_url() -> str:
    return Site.objects.get(is_default_site=True).root_page.url


def test_a_new_hires_home_shows_next_check_in_milestones_pages_and_buddy(client, org, jills):
    page = ArticlePageFactory(title="Park an invoice")
    jills.milestones.get(title="First invoices matched").pages.add(page)
    coming = CheckIn.objects.filter(onboarding=jills, scheduled_for__gte=TODAY).order_by("scheduled_for").first()
    client.force_login(org["jill"])

    html = client.get(home_url()).content.decode()

    assert "Your onboarding" in html
    assert "Jim Okafor" in html, "the buddy"
    assert f"{coming.scheduled_for:%A} {coming.scheduled_for.day} {coming.scheduled_for:%B}" in html
    assert "Systems access" in html and "First invoices matched" in html and "Runs the payment proposal" in html
    assert "Handles exceptions alone" not in html, "only the next few milestones"
    assert "0 of 5 milestones done" in html and "2 overdue" in html
    assert f'href="{page.url}"' in html, "the plan's pages to read"


def test_the_home_of_someone_without_an_onboarding_has_no_onboarding_block(client, org, jills):
    client.force_login(org["sam"])
    assert "Your onboarding" not in client.get(home_url()).content.decode()


def test_a_buddy_clicking_onboarding_lands_on_their_new_hires(client, org, jills):
    client.force_login(org["jim"])
    response = client.get(reverse("buddies:mine"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("buddies:new_hires")
    html = response.content.decode()
    assert "Jill Hartmann" in html and "You have no onboarding" not in html


def test_a_manager_clicking_onboarding_lands_on_the_program_list(client, org, jills):
    client.force_login(org["nadia"])
    response = client.get(reverse("buddies:mine"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("buddies:program")
    html = response.content.decode()
    assert "Jill Hartmann" in html and "You have no onboarding" not in html


def test_a_new_hire_clicking_onboarding_stays_on_their_own(client, org, jills):
    client.force_login(org["jill"])
    response = client.get(reverse("buddies:mine"))
    assert response.status_code == 200
    assert "Ramp-up plan" in response.content.decode()
