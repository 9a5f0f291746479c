"""Refusals the fuzzing of the running API (tests/browser/test_api_fuzz.py) found answered wrongly: each is
answered as the schema declares, a problem document, and nothing is saved."""

import pytest

from expertise.factories import UserFactory
from forums.models import Gap
from tests.api.onboarding_world import (  # noqa: F401
    as_role_fixture,
    frozen_today,
    world_fixture,
    world_once,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def schema(client):
    return client.get("/api/v1/openapi.json").json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    return body


def test_every_operation_declares_the_refusals_the_api_answers_with(schema):
    assert "ProblemDetail" in schema["components"]["schemas"]
    assert len(schema["paths"]) > 5
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        expected = {"400", "401", "414"}
        if "{" in path:
            expected.add("404")
        if operation.get("parameters") or operation.get("requestBody"):
            expected.add("422")
        if method != "get":
            expected.add("403")
        assert expected <= set(responses), f"{method.upper()} {path} declares {sorted(responses)}"
        for status, response in responses.items():
            if status.startswith("4") and status != "414":
                assert list(response["content"]) == [PROBLEM], f"{method.upper()} {path} {status}"


def test_my_onboarding_declares_the_404_a_person_without_one_gets(schema, api_as):
    assert "404" in schema["paths"]["/api/v1/onboarding/me/"]["get"]["responses"]
    body = assert_problem(api_as(UserFactory()).get("/api/v1/onboarding/me/"), 404)
    assert body["detail"] == "You have no onboarding."


def test_an_offset_beyond_what_the_database_takes_is_refused_naming_it(api_as):
    caller = api_as(UserFactory())
    assert caller.get("/api/v1/gaps/", {"offset": str(2**63 - 1)}).json() == {"count": 0, "items": []}
    body = assert_problem(caller.get("/api/v1/gaps/", {"offset": str(2**64)}), 422)
    assert [error["loc"] for error in body["errors"]] == [["query", "offset"]]


def test_a_nul_character_in_an_api_address_is_a_problem_document(api_as, client):
    body = assert_problem(api_as(UserFactory()).get("/api/v1/gaps/", {"show": "open\x00"}), 400)
    assert body["detail"] == "The address contains a NUL character."
    # The site's pages keep their own page for it.
    client.force_login(UserFactory())
    page = client.get("/forums/gaps/", {"q": "\x00"})
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("body", ['"Broken invoice form"', "[null, null]", "42"])
def test_a_body_that_is_not_a_json_object_flags_no_gap(api_as, body):
    # ninja's Schema would read a string's attributes: "abc".title() made a gap titled "Abc".
    caller = api_as(UserFactory())
    response = caller.client.post("/api/v1/gaps/", body, content_type="application/json", headers=caller.headers)
    problem = assert_problem(response, 422)
    assert [error["loc"] for error in problem["errors"]] == [["body", "data"]]
    assert not Gap.objects.exists()


def test_a_check_in_is_not_recorded_from_a_list(as_role, world):
    check_in = world["jills"].check_ins.filter(held_on__isnull=True).first()
    caller = as_role("jim")
    response = caller.client.post(
        f"/api/v1/check-ins/{check_in.pk}/record/",
        "[null, null]",
        content_type="application/json",
        headers=caller.headers,
    )
    assert_problem(response, 422)
    check_in.refresh_from_db()
    assert check_in.held_on is None and check_in.recorded_by is None


@pytest.mark.parametrize("done", [0, 1, "true", "no"])
def test_a_milestone_is_ticked_by_true_or_false_only(as_role, world, done):
    milestone = world["jills"].milestones.order_by("due_on", "pk").first()
    body = assert_problem(as_role("jill").patch(f"/api/v1/milestones/{milestone.pk}/", {"done": done}), 422)
    assert [error["loc"][-1] for error in body["errors"]] == ["done"]
    milestone.refresh_from_db()
    assert milestone.done_at is None
