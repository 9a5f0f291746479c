"""Check-ins over the API: everyone who sees the onboarding reads its check-ins as the page shows them, each
caller only their own private notes; the hire and the buddy plan and record, the buddy, manager and program
admin cancel; a refusal changes nothing."""

from datetime import date

import pytest

from buddies.models import CheckIn, CheckInQuestion, PrivateNote
from tests.api.onboarding_world import (  # noqa: F401
    AGNES_NOTE,
    JILL_NOTE,
    JIM_NOTE,
    QUESTION,
    ROLES,
    TODAY,
    as_role_fixture,
    frozen_today,
    world_fixture,
    world_once,
)

pytestmark = pytest.mark.django_db

SEES_JILLS = {"jill", "jim", "nadia", "admin"}
OWN_NOTES = {"jill": [JILL_NOTE], "jim": [JIM_NOTE], "nadia": [], "admin": []}


def expected_status(role, allowed: set[str], *, ok: int = 200) -> int:
    """401 without a token, 404 to anyone who may not see Jill's onboarding, 403 to those who see it but may
    not act, `ok` to the `allowed`."""
    if role is None:
        return 401
    if role not in SEES_JILLS:
        return 404
    return ok if role in allowed else 403


@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_check_ins_and_whose_notes_are_in_it(as_role, world, role):
    response = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/check-ins/")
    assert response.status_code == expected_status(role, SEES_JILLS)
    text = response.content.decode()
    for note in (JIM_NOTE, JILL_NOTE, AGNES_NOTE):
        assert (note in text) == (note in OWN_NOTES.get(role, [])), (role, note)
    if response.status_code != 200:
        return
    body = response.json()
    assert body["count"] == world["jills"].check_ins.count() == len(body["items"])
    first = body["items"][0]
    assert first["state"] == "held" and first["aims"] == "First invoices"
    assert [q["text"] for q in first["questions"]] == [QUESTION]
    assert [n["text"] for n in first["my_private_notes"]] == OWN_NOTES[role]
    assert [item["state"] for item in body["items"][:3]] == ["held", "missed", "upcoming"]


@pytest.mark.parametrize("role", ROLES)
def test_one_check_in_and_whose_notes_are_in_it(as_role, world, role):
    response = as_role(role).get(f"/api/v1/check-ins/{world['first_check_in'].pk}/")
    assert response.status_code == expected_status(role, SEES_JILLS)
    text = response.content.decode()
    for note in (JIM_NOTE, JILL_NOTE, AGNES_NOTE):
        assert (note in text) == (note in OWN_NOTES.get(role, [])), (role, note)
    if response.status_code == 200:
        assert response.json()["learned"] == "" and response.json()["aims"] == "First invoices"


def test_agnes_reads_her_note_on_lees_check_in_and_nobody_elses(as_role, world):
    body = as_role("agnes").get(f"/api/v1/check-ins/{world['lees'].check_ins.first().pk}/").json()
    assert [n["text"] for n in body["my_private_notes"]] == [AGNES_NOTE]
    assert (
        as_role("admin").get(f"/api/v1/check-ins/{world['lees'].check_ins.first().pk}/").json()["my_private_notes"]
        == []
    )


def next_open(world) -> CheckIn:
    return world["jills"].check_ins.filter(held_on__isnull=True).first()


@pytest.mark.parametrize("role", ROLES)
def test_who_records_a_check_in(as_role, world, role):
    check_in = next_open(world)
    response = as_role(role).post(
        f"/api/v1/check-ins/{check_in.pk}/record/",
        {"held_on": TODAY.isoformat(), "learned": "Vendor holds", "private_note": f"note by {role}"},
    )
    assert response.status_code == expected_status(role, {"jill", "jim"})
    check_in.refresh_from_db()
    if response.status_code == 200:
        body = response.json()
        assert body["state"] == "held" and body["learned"] == "Vendor holds"
        assert [n["text"] for n in body["my_private_notes"]] == [f"note by {role}"]
        assert check_in.recorded_by == world[role]
    else:
        assert check_in.held_on is None and check_in.learned == ""
        assert not PrivateNote.objects.filter(check_in=check_in).exists()


def test_recording_keeps_what_is_left_out(as_role, world):
    check_in = world["first_check_in"]
    response = as_role("jim").post(f"/api/v1/check-ins/{check_in.pk}/record/", {"next_steps": "Shadow a run"})
    assert response.status_code == 200
    check_in.refresh_from_db()
    assert (check_in.aims, check_in.next_steps, check_in.held_on) == ("First invoices", "Shadow a run", TODAY)


def test_a_date_in_the_future_is_refused_naming_the_field_and_nothing_is_saved(as_role, world):
    check_in = next_open(world)
    response = as_role("jim").post(
        f"/api/v1/check-ins/{check_in.pk}/record/",
        {"held_on": "2026-12-24", "aims": "Plan", "questions": "Why?", "private_note": "secret"},
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [e["loc"] for e in errors] == [["held_on"]]
    assert "future" in errors[0]["msg"]
    check_in.refresh_from_db()
    assert check_in.held_on is None
    assert not CheckInQuestion.objects.filter(check_in=check_in).exists()
    assert not PrivateNote.objects.filter(check_in=check_in).exists()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"held_on": "the 3rd"}, "held_on", "valid date"),
        ({"held_on": "2026-11-19"}, "aims", "at least"),
        ({"held_on": "2026-11-19", "aims": "x", "questions": "\n".join(["q"] * 21)}, "questions", "at most 20"),
        ({"held_on": "2026-11-19", "aims": "x" * 2001}, "aims", "2000"),
    ],
)
def test_bad_records_are_refused_naming_the_field(as_role, world, data, field, words):
    check_in = next_open(world)
    response = as_role("jill").post(f"/api/v1/check-ins/{check_in.pk}/record/", data)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["loc"] == [field] and words in errors[0]["msg"]
    check_in.refresh_from_db()
    assert check_in.held_on is None and check_in.aims == ""


def test_a_body_that_is_not_an_object_is_refused(as_role, world):
    check_in = next_open(world)
    response = as_role("jill").post(f"/api/v1/check-ins/{check_in.pk}/record/", {"aims": 3})
    assert response.status_code == 422
    assert any(e["loc"][-1] == "aims" for e in response.json()["errors"])


@pytest.mark.parametrize("role", ROLES)
def test_who_plans_an_extra_check_in(as_role, world, role):
    response = as_role(role).post(
        f"/api/v1/onboardings/{world['jills'].pk}/check-ins/", {"scheduled_for": "2026-11-25"}
    )
    assert response.status_code == expected_status(role, {"jill", "jim"}, ok=201)
    planned = world["jills"].check_ins.filter(scheduled_for=date(2026, 11, 25)).exists()
    assert planned == (response.status_code == 201)
    if planned:
        assert response.json()["state"] == "upcoming"


def test_planning_twice_on_a_day_is_refused_naming_the_field(as_role, world):
    taken = next_open(world).scheduled_for
    before = world["jills"].check_ins.count()
    response = as_role("jill").post(
        f"/api/v1/onboardings/{world['jills'].pk}/check-ins/", {"scheduled_for": taken.isoformat()}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["scheduled_for"]
    response = as_role("jill").post(f"/api/v1/onboardings/{world['jills'].pk}/check-ins/", {"scheduled_for": ""})
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["scheduled_for"]
    assert world["jills"].check_ins.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_who_cancels_a_check_in(as_role, world, role):
    check_in = next_open(world)
    response = as_role(role).post(f"/api/v1/check-ins/{check_in.pk}/cancel/")
    assert response.status_code == expected_status(role, {"jim", "nadia", "admin"})
    check_in.refresh_from_db()
    assert check_in.is_cancelled == (response.status_code == 200)
    if response.status_code == 200:
        assert response.json()["state"] == "cancelled"
        assert response.json()["cancelled_by"]["username"] == world[role].username


def test_a_held_check_in_cannot_be_cancelled(as_role, world):
    response = as_role("jim").post(f"/api/v1/check-ins/{world['first_check_in'].pk}/cancel/")
    assert response.status_code == 422
    assert "held and recorded" in response.json()["errors"][0]["msg"]
    world["first_check_in"].refresh_from_db()
    assert not world["first_check_in"].is_cancelled
