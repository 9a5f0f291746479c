"""Ask and who knows over the API: the answers `manage.py search --json` and `manage.py whoknows --json` give the
same person, the caller's page visibility and self-assessment privacy, the query log, refusals and paging."""

import json

import pytest

from django.core.management import call_command

from forums.factories import GapFactory
from search.models import LoggedQuery
from tests.api.roles import PAYROLL_TITLE

pytestmark = pytest.mark.django_db

ASK = "/api/v1/ask/"
WHO_KNOWS = "/api/v1/people/who-knows/"
QUESTION = "payment run"


def command_json(capsys, *arguments) -> dict | list:
    capsys.readouterr()
    call_command(*arguments)
    return json.loads(capsys.readouterr().out)


def error_locations(response) -> list[list]:
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["loc"] for error in response.json()["errors"]]


def test_ask_answers_what_the_search_command_answers_the_same_person(roles, api_as, capsys):
    GapFactory(title="Nothing on the payment run calendar", raised_by=roles["ben"])
    response = api_as(roles["marty"]).get(ASK, {"q": QUESTION})
    assert response.status_code == 200
    answer = response.json()
    expected = command_json(capsys, "search", QUESTION, "--json", "--user", "marty.keller")
    assert {key: answer[key] for key in ("pages", "people", "gaps")} == {
        key: expected[key] for key in ("pages", "people", "gaps")
    }
    assert [page["title"] for page in answer["pages"]][:1] == ["Run the payment proposal"]
    assert [gap["title"] for gap in answer["gaps"]] == ["Nothing on the payment run calendar"]
    assert answer["page_count"] == len(answer["pages"])


@pytest.mark.parametrize(
    ("role", "sees_payroll"),
    [("jill", False), ("jim", False), ("marty", False), ("carrie", False), ("nadia", False), ("ben", True)],
)
def test_a_restricted_page_is_found_only_by_its_group(roles, api_as, role, sees_payroll):
    titles = [page["title"] for page in api_as(roles[role]).get(ASK, {"q": QUESTION}).json()["pages"]]
    assert "Run the payment proposal" in titles
    assert (PAYROLL_TITLE in titles) is sees_payroll


@pytest.mark.parametrize(
    ("role", "reads_self_assessment"),
    [("marty", True), ("jim", True), ("ben", False), ("carrie", False), ("nadia", False)],
)
def test_a_self_assessment_is_read_only_by_the_manager_and_the_buddy(roles, api_as, role, reads_self_assessment):
    for path in (ASK, WHO_KNOWS):
        body = api_as(roles[role]).get(path, {"q": QUESTION}).json()
        people = body["people"] if path == ASK else body["items"]
        jill = next(person for person in people if person["person"] == "jill.hartmann")
        assert ("self-assessed 4/5" in " ".join(jill["reasons"])) is reads_self_assessment, path
        if not reads_self_assessment:
            assert "4/5" not in json.dumps(body) and "has self-assessed" in " ".join(jill["reasons"])
        assert "score" not in jill


def test_the_asker_is_never_among_the_people_who_know(roles, api_as):
    people = [person["person"] for person in api_as(roles["jill"]).get(WHO_KNOWS, {"q": QUESTION}).json()["items"]]
    assert "jim.okafor" in people and "jill.hartmann" not in people


def test_who_knows_lists_what_the_whoknows_command_lists_for_the_same_asker(roles, api_as, capsys):
    listed = api_as(roles["ben"]).get(WHO_KNOWS, {"q": QUESTION}).json()
    expected = command_json(capsys, "whoknows", QUESTION, "--json", "--asker", "ben.ashworth")
    assert listed == {"count": len(expected), "items": expected}


def test_someone_without_a_token_is_refused(roles, api_as, client):
    for path in (ASK, WHO_KNOWS):
        response = api_as(None).get(path, {"q": QUESTION})
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        client.force_login(roles["jill"])
        assert client.get(path, {"q": QUESTION}).status_code == 401, "a session cookie is not a token"
    assert not LoggedQuery.objects.exists()


def test_closed_gaps_are_not_offered(roles, api_as):
    GapFactory(
        title="Payment run cut-off times", raised_by=roles["ben"], status="declined", decline_reason="See the calendar."
    )
    assert api_as(roles["jill"]).get(ASK, {"q": QUESTION}).json()["gaps"] == []


def test_a_new_question_is_logged_once_and_turning_its_pages_is_not(roles, api_as):
    caller = api_as(roles["jill"])
    answer = caller.get(ASK, {"q": "Payment  run", "kind": "procedure"}).json()
    logged = LoggedQuery.objects.get()
    assert (logged.user, logged.text, logged.filters) == (roles["jill"], "Payment run", {"kind": "procedure"})
    assert (logged.page_count, logged.people_count, logged.gap_count) == (
        answer["page_count"],
        len(answer["people"]),
        len(answer["gaps"]),
    )
    caller.get(ASK, {"q": "Payment run", "kind": "procedure", "page": 2})
    assert LoggedQuery.objects.count() == 1


def test_a_question_that_finds_nothing_is_logged_as_a_miss(roles, api_as):
    answer = api_as(roles["jill"]).get(ASK, {"q": "quarterly zebra audit"}).json()
    assert (answer["pages"], answer["gaps"], answer["page_count"]) == ([], [], 0)
    logged = LoggedQuery.objects.get()
    assert (logged.page_count, logged.gap_count, logged.asked.normalised) == (0, 0, "quarterly zebra audit")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "?!%"}, "q"),
        ({"q": QUESTION, "kind": "novel"}, "kind"),
        ({"q": QUESTION, "limit": 0}, "limit"),
        ({"q": QUESTION, "page": 0}, "page"),
        ({"q": QUESTION, "area": "finance"}, "area"),
        ({"q": QUESTION, "topic": "x" * 101}, "topic"),
    ],
)
def test_bad_ask_input_is_refused_naming_the_field(roles, api_as, params, field):
    assert field in sum(error_locations(api_as(roles["jill"]).get(ASK, params)), [])
    assert not LoggedQuery.objects.exists()


def test_an_area_the_caller_may_not_open_is_refused_and_its_group_may_search_it(roles, api_as):
    area = roles["payroll"].pk
    assert error_locations(api_as(roles["jill"]).get(ASK, {"q": QUESTION, "area": area})) == [["area"]]
    titles = [page["title"] for page in api_as(roles["ben"]).get(ASK, {"q": QUESTION, "area": area}).json()["pages"]]
    assert PAYROLL_TITLE in titles and "Run the payment proposal" not in titles


def test_ask_pages_through_its_results(roles, api_as):
    caller = api_as(roles["ben"])
    first, second = (caller.get(ASK, {"q": QUESTION, "limit": 1, "page": n}).json() for n in (1, 2))
    everything = caller.get(ASK, {"q": QUESTION}).json()
    assert len(first["pages"]) == len(second["pages"]) == 1
    assert first["pages"] + second["pages"] == everything["pages"][:2]
    assert first["page_count"] == everything["page_count"] >= 2


@pytest.mark.parametrize(("params", "field"), [({}, "q"), ({"q": " "}, "q"), ({"q": "x" * 201}, "q")])
def test_bad_who_knows_input_is_refused_naming_the_field(roles, api_as, params, field):
    assert field in sum(error_locations(api_as(roles["ben"]).get(WHO_KNOWS, params)), [])


def test_who_knows_pages_through_the_people(roles, api_as):
    caller = api_as(roles["ben"])
    everyone = caller.get(WHO_KNOWS, {"q": QUESTION}).json()
    assert everyone["count"] >= 2
    first, second = (caller.get(WHO_KNOWS, {"q": QUESTION, "limit": 1, "offset": n}).json() for n in (0, 1))
    assert first["items"] + second["items"] == everyone["items"][:2]
    assert first["count"] == everyone["count"]
    assert caller.get(WHO_KNOWS, {"q": QUESTION, "limit": 1000}).status_code == 400
