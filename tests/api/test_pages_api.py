"""Wagtail's pages API (/api/v3/pages/) by Onramp's rules: a token is needed; a reader gets the live pages they may
open; a restricted section stays closed to everyone outside its group, editors included; drafts only reach those
who may edit the page. And the admin's API tokens screen makes a token that works."""

import re

import pytest

from django.contrib.auth.models import Permission

from wagtail.models import APIToken

from tests.api.roles import PAYROLL_TITLE, grant
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"
DRAFT_TITLE = "Run the payment proposal (new approvals)"


@pytest.fixture
def drafts(roles):
    """The proposal has an unpublished change of title; a new article under Payments was never published."""
    proposal = roles["proposal"]
    proposal.title = DRAFT_TITLE
    proposal.save_revision(user=roles["jim"])
    unpublished = ArticlePage(title="Unpublished cut-off calendar", slug="cut-off-calendar", page_owner=roles["jim"])
    roles["payments"].add_child(instance=unpublished)
    ArticlePage.objects.filter(pk=unpublished.pk).update(live=False)
    return {"unpublished": unpublished}


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {page["title"] for page in response.json()["items"]}


@pytest.mark.parametrize(
    ("role", "sees_payroll"),
    [("jill", False), ("jim", False), ("marty", False), ("carrie", False), ("nadia", False), ("ben", True)],
)
def test_each_person_reads_the_live_pages_they_may_open(roles, api_as, drafts, role, sees_payroll):
    caller = api_as(roles[role])
    listed = titles(caller.get(PAGES, {"limit": 20}))
    assert {"Payments", "Run the payment proposal"} <= listed
    assert ({"Payroll", PAYROLL_TITLE} <= listed) is sees_payroll
    assert not ({"Payroll", PAYROLL_TITLE} & listed) or sees_payroll
    assert DRAFT_TITLE not in listed
    salary = caller.get(f"{PAGES}{roles['salary'].pk}/")
    assert salary.status_code == (200 if sees_payroll else 404)
    found = caller.get(f"{PAGES}find/", {"html_path": "/payroll/salary-payment-runs-for-payroll/"})
    assert found.status_code == (302 if sees_payroll else 404)
    below_payroll = caller.get(PAGES, {"child_of": roles["payroll"].pk})
    if sees_payroll:
        assert titles(below_payroll) == {PAYROLL_TITLE}
    else:
        assert below_payroll.status_code == 422 and "Payroll" not in below_payroll.content.decode()


def test_an_editor_outside_the_group_cannot_read_a_restricted_page_they_could_edit(roles, api_as):
    carrie = roles["carrie"]
    assert roles["salary"].permissions_for_user(carrie).can_edit(), "Moderators edit every page"
    caller = api_as(carrie)
    assert PAYROLL_TITLE not in titles(caller.get(PAGES, {"limit": 20}))
    for version in ("live", "draft"):
        assert caller.get(f"{PAGES}{roles['salary'].pk}/", {"version": version}).status_code == 404
    assert caller.get(f"{PAGES}{roles['salary'].pk}/revisions/").status_code == 404


@pytest.mark.parametrize("role", ["jill", "ben", "marty"])
def test_a_reader_who_may_not_edit_never_gets_a_draft(roles, api_as, drafts, role):
    caller = api_as(roles[role])
    proposal = caller.get(f"{PAGES}{roles['proposal'].pk}/", {"version": "draft"})
    assert proposal.status_code == 404 and DRAFT_TITLE not in proposal.content.decode()
    assert caller.get(f"{PAGES}{roles['proposal'].pk}/").json()["title"] == "Run the payment proposal"
    assert caller.get(f"{PAGES}{drafts['unpublished'].pk}/").status_code == 404
    assert "Unpublished cut-off calendar" not in titles(caller.get(PAGES, {"limit": 20}))


def test_an_editor_reads_drafts_of_pages_they_may_open(roles, api_as, drafts):
    caller = api_as(roles["carrie"])
    assert caller.get(f"{PAGES}{roles['proposal'].pk}/", {"version": "draft"}).json()["title"] == DRAFT_TITLE
    assert caller.get(f"{PAGES}{roles['proposal'].pk}/").json()["title"] == "Run the payment proposal"
    assert caller.get(f"{PAGES}{drafts['unpublished'].pk}/").status_code == 200
    assert caller.get(f"{PAGES}{roles['proposal'].pk}/revisions/").json()["count"] == 2


def test_someone_without_a_token_reads_no_page(roles, api_as, client):
    for response in (
        api_as(None).get(PAGES),
        api_as(None).get(f"{PAGES}{roles['proposal'].pk}/"),
        api_as(None).get(f"{PAGES}find/", {"html_path": "/payments/"}),
    ):
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    client.force_login(roles["jill"])
    assert client.get(PAGES).status_code == 401, "a session cookie is not a token"


def test_the_pages_list_pages(roles, api_as):
    caller = api_as(roles["ben"])
    everything = caller.get(PAGES, {"limit": 20}).json()
    page = caller.get(PAGES, {"limit": 2, "offset": 1}).json()
    assert page == {"count": everything["count"], "items": everything["items"][1:3]}
    assert caller.get(PAGES, {"limit": 0}).status_code == 422


def make_token_in_the_admin(client, person, *, owner) -> str:
    client.force_login(person)
    assert client.get("/admin/api-tokens/").status_code == 200
    response = client.post("/admin/api-tokens/new/", {"name": "My scripts", "user": owner.pk})
    assert response.status_code == 200, response.content
    shown = re.findall(r"[A-Za-z0-9_\-]{20,}", response.content.decode())
    (token,) = {word for word in shown if APIToken.objects.filter(key_hash__in=APIToken.candidate_key_hashes(word))}
    return token


def test_a_person_with_the_token_permission_makes_their_own_token_in_the_admin(roles, client):
    jill = roles["jill"]
    grant(jill, "wagtailadmin.access_admin", "wagtailcore.add_apitoken", "wagtailcore.change_apitoken")
    token = make_token_in_the_admin(client, jill, owner=jill)
    assert APIToken.objects.get().user == jill
    client.logout()
    listed = client.get("/api/v1/gaps/", headers={"Authorization": f"Bearer {token}"})
    assert listed.status_code == 200 and listed.json() == {"count": 0, "items": []}


def test_an_administrator_makes_a_token_for_a_new_hire(roles, client, admin_user):
    token = make_token_in_the_admin(client, admin_user, owner=roles["jill"])
    client.logout()
    whoami = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer {token}"})
    assert whoami.json()["user"]["username"] == "jill.hartmann"


def test_without_admin_access_the_token_screen_sends_a_person_to_sign_in(roles, client):
    assert not Permission.objects.filter(user=roles["jill"]).exists()
    client.force_login(roles["jill"])
    response = client.get("/admin/api-tokens/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(("role", "sees_payroll"), [("jill", False), ("ben", True)])
def test_searching_the_pages_api_finds_only_pages_the_person_may_open(roles, api_as, role, sees_payroll):
    found = titles(api_as(roles[role]).get(PAGES, {"search": "payment"}))
    assert "Run the payment proposal" in found
    assert (PAYROLL_TITLE in found) is sees_payroll
