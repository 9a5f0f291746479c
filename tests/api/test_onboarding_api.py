"""Onboardings over the API: who sees which (as buddies.access says, 404 where the page hides one), and what
each role reads of one — survey answers only the hire, self-assessments only the hire, line manager and buddy."""

from datetime import date

import pytest

from tests.api.onboarding_world import (  # noqa: F401
    AGNES_NOTE,
    JILL_NOTE,
    JIM_NOTE,
    ROLES,
    START,
    as_role_fixture,
    frozen_today,
    world_fixture,
    world_once,
)

pytestmark = pytest.mark.django_db

SEES_JILLS = {"jill", "jim", "nadia", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_jills_onboarding(as_role, world, role):
    response = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/")
    if role is None:
        assert response.status_code == 401
    elif role in SEES_JILLS:
        assert response.status_code == 200
        assert response.json()["hire"] == {"username": "jill.hartmann", "name": "Jill Hartmann"}
    else:
        assert response.status_code == 404, "existence is not confirmed to those who may not see it"
        assert response["Content-Type"] == "application/problem+json"


LISTED = {
    "jill": {"jill.hartmann"},
    "jim": {"jill.hartmann"},
    "nadia": {"jill.hartmann"},
    "lee": {"lee.ledger"},
    "agnes": {"lee.ledger"},
    "admin": {"jill.hartmann", "lee.ledger"},
    "trainer": set(),
    "marty": set(),  # above both managers, but the manager of neither hire
}


@pytest.mark.parametrize("role", ROLES)
def test_the_list_holds_exactly_what_each_role_may_see(as_role, world, role):
    response = as_role(role).get("/api/v1/onboardings/")
    if role is None:
        assert response.status_code == 401
        return
    body = response.json()
    assert {item["hire"]["username"] for item in body["items"]} == LISTED[role]
    assert body["count"] == len(LISTED[role])


def test_the_list_says_how_the_caller_sees_each_and_filters_by_status(as_role, world):
    body = as_role("jim").get("/api/v1/onboardings/").json()
    assert [item["relation"] for item in body["items"]] == [["buddy"]]
    assert as_role("nadia").get("/api/v1/onboardings/").json()["items"][0]["relation"] == ["manager"]
    assert as_role("jim").get("/api/v1/onboardings/", {"status": "completed"}).json() == {"count": 0, "items": []}
    assert as_role("jim").get("/api/v1/onboardings/", {"status": "active"}).json()["count"] == 1


def test_a_status_that_does_not_exist_is_refused_naming_the_parameter(as_role, world):
    response = as_role("admin").get("/api/v1/onboardings/", {"status": "sleeping"})
    assert response.status_code == 422
    assert any(error["loc"][-1] == "status" for error in response.json()["errors"])


def test_pages_of_the_list(as_role, world):
    first = as_role("admin").get("/api/v1/onboardings/", {"limit": 1}).json()
    second = as_role("admin").get("/api/v1/onboardings/", {"limit": 1, "offset": 1}).json()
    assert first["count"] == second["count"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert as_role("admin").get("/api/v1/onboardings/", {"limit": 0}).status_code == 422


def test_my_onboarding_is_the_hires_own_with_plan_buddy_and_next_check_in(as_role, world):
    response = as_role("jill").get("/api/v1/onboarding/me/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == world["jills"].pk
    assert body["relation"] == ["hire"]
    assert body["plan"] == "AP clerk"
    assert body["buddy"]["username"] == "jim.okafor" and body["manager"]["username"] == "nadia.kowalska"
    assert [m["title"] for m in body["milestones"]][:2] == ["Systems access", "First invoices matched"]
    first = body["milestones"][0]
    assert first["due_on"] == START.isoformat() and first["overdue"] is True and first["done"] is False
    assert body["milestones"][1]["topics"] == [{"slug": world["invoices"].slug, "name": "Invoice matching"}]
    assert body["progress"] == {"done": 0, "total": 5, "overdue": 2, "percent": 0}
    assert body["next_check_in"] == date(2026, 11, 23).isoformat()
    assert body["can_tick"] and body["can_record_check_ins"] and not body["can_cancel_check_ins"]
    assert not body["can_manage"]


def test_my_onboarding_is_404_for_someone_who_has_none(as_role, world):
    response = as_role("jim").get("/api/v1/onboarding/me/")
    assert response.status_code == 404
    assert response.json()["detail"] == "You have no onboarding."
    assert as_role(None).get("/api/v1/onboarding/me/").status_code == 401


@pytest.mark.parametrize("role", ["jill", "jim", "nadia", "admin"])
def test_survey_answers_reach_the_hire_only(as_role, world, role):
    body = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/").json()
    if role == "jill":
        assert body["my_survey_answers"] == [{"day": 30, "buddy_support": 2, "plan_clarity": 4, "confidence": 3}]
    else:
        assert body["my_survey_answers"] == []
    assert "Too many vendors" not in str(body), "the free-text comment is not shown, not even to the hire"


@pytest.mark.parametrize("role", ["jill", "jim", "nadia", "admin"])
def test_self_assessments_reach_the_hire_the_line_manager_and_the_buddy(as_role, world, role):
    body = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/").json()
    if role == "admin":
        assert body["self_assessments"] is None
    else:
        assert [(a["topic"], a["level"]) for a in body["self_assessments"]] == [("Invoice matching", 2)]


def test_a_named_manager_who_is_not_the_line_manager_does_not_read_self_assessments(as_role, world):
    world["jills"].manager = world["marty"]
    world["jills"].save(update_fields=["manager"])
    body = as_role("marty").get(f"/api/v1/onboardings/{world['jills'].pk}/").json()
    assert body["relation"] == ["manager"] and body["can_manage"]
    assert body["self_assessments"] is None


@pytest.mark.parametrize("role", ["jill", "jim", "nadia", "admin"])
def test_the_onboarding_never_carries_a_private_note(as_role, world, role):
    text = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/").content.decode()
    assert "First invoices matched" in text
    assert not [note for note in (JIM_NOTE, JILL_NOTE, AGNES_NOTE) if note in text]


def test_an_id_beyond_any_column_is_refused_not_a_server_error(as_role, world):
    assert as_role("admin").get(f"/api/v1/onboardings/{2**70}/").status_code == 422
    assert as_role("admin").get("/api/v1/onboardings/0/").status_code == 422


def test_go_to_people_read_as_on_the_page_with_introductions_per_person(as_role, world):
    from buddies import network
    from buddies.models import GoToPerson
    from expertise.factories import ExpertiseScoreFactory
    from expertise.models import ExpertiseScore

    sam, lee = world["sam"], world["lee"]
    for topic in (world["invoices"], world["payments"]):
        ExpertiseScoreFactory(person=sam, topic=topic, level=ExpertiseScore.Level.PRACTITIONER, score=3)
        ExpertiseScoreFactory(person=lee, topic=topic, score=9)  # a new hire himself: never a go-to person
    network.build_network(world["jills"])
    network.mark_introduced(go_to=GoToPerson.objects.filter(person=sam).first(), by=world["jim"])

    body = as_role("jill").get("/api/v1/onboarding/me/").json()["go_to_people"]
    assert body["buddy_note"] == "Your buddy, Jim Okafor, is not listed: ask them anything."
    assert [t["topic"]["name"] for t in body["topics"]] == ["Invoice matching", "Payment runs"]
    for topic in body["topics"]:
        assert [(p["person"]["username"], p["introduced"]) for p in topic["people"]] == [("sam.thornton", True)]
    manager = as_role("nadia").get(f"/api/v1/onboardings/{world['jills'].pk}/").json()["go_to_people"]
    assert manager["buddy_note"].startswith("The buddy, Jim Okafor, is not listed")
