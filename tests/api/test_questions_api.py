"""Questions over the API: list, ask, detail, answer and accept through the site's forms and rules, with the
same privacy as the question's page and RFC 7807 refusals."""

import pytest

from expertise.models import Evidence, EvidenceKind
from inbox.models import Notification
from questions.models import Question

pytestmark = pytest.mark.django_db

QUESTIONS = "/api/v1/questions/"


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def error_locations(response) -> list[list]:
    return [error["loc"] for error in problem(response, 422)["errors"]]


def test_ask_answer_and_accept_over_the_api(roles, api_as):
    jill, jim, ben = api_as(roles["jill"]), api_as(roles["jim"]), api_as(roles["ben"])
    created = jill.post(
        QUESTIONS, {"text": "Who approves a rerun?", "expert": "jim.okafor", "topic": roles["topic"].pk}
    )
    assert created.status_code == 201, created.content
    question = created.json()
    assert question["expert"]["username"] == "jim.okafor" and question["topic"]["slug"] == "payment-runs"
    assert question["status"] == "open" and question["answers"] == [] and not question["private"]
    assert Notification.objects.filter(recipient=roles["jim"], kind="question").count() == 1

    answered = ben.post(f"{QUESTIONS}{question['id']}/answers/", {"text": "Jim's team lead does."})
    assert answered.status_code == 201
    [answer] = answered.json()["answers"]
    assert answer["author"]["username"] == "ben.ashworth" and not answer["follow_up"]
    followed = jill.post(f"{QUESTIONS}{question['id']}/answers/", {"text": "Even on a Friday?"})
    assert [post["follow_up"] for post in followed.json()["answers"]] == [False, True]

    # Only the asker accepts (403 with a problem document); a follow-up cannot be accepted (422).
    refused = problem(jim.post(f"{QUESTIONS}{question['id']}/accept/", {"answer": answer["id"]}), 403)
    assert "Only the person who asked" in refused["detail"]
    follow_up_id = followed.json()["answers"][1]["id"]
    refused = problem(jill.post(f"{QUESTIONS}{question['id']}/accept/", {"answer": follow_up_id}), 422)
    assert "Your own follow-up cannot be the accepted answer." in str(refused["errors"])
    accepted = jill.post(f"{QUESTIONS}{question['id']}/accept/", {"answer": answer["id"]})
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "answered" and accepted.json()["accepted_answer"] == answer["id"]
    assert Evidence.objects.filter(person=roles["ben"], kind=EvidenceKind.ANSWER_ACCEPTED).count() == 1

    assert [q["id"] for q in ben.get(QUESTIONS, {"show": "answered"}).json()["items"]] == [question["id"]]
    assert [q["id"] for q in jim.get(QUESTIONS, {"show": "to-me"}).json()["items"]] == [question["id"]]
    topic_question = jill.post(QUESTIONS, {"text": "Who runs Friday's payments?", "topic": roles["topic"].pk}).json()
    assert [q["id"] for q in jim.get(QUESTIONS, {"show": "my-topics"}).json()["items"]] == [topic_question["id"]]
    # Ben's accepted answer made him a practitioner of the topic; Marty knows nothing of it.
    assert [q["id"] for q in ben.get(QUESTIONS, {"show": "my-topics"}).json()["items"]] == [topic_question["id"]]
    assert api_as(roles["marty"]).get(QUESTIONS, {"show": "my-topics"}).json()["count"] == 0
    assert [q["id"] for q in jill.get(QUESTIONS, {"show": "open"}).json()["items"]] == [topic_question["id"]]


def test_bad_questions_are_refused_naming_the_field(roles, api_as):
    jill = api_as(roles["jill"])
    assert ["text"] in error_locations(jill.post(QUESTIONS, {"text": "", "expert": "jim.okafor"}))
    assert ["expert"] in error_locations(jill.post(QUESTIONS, {"text": "Hi?", "expert": "nobody.here"}))
    assert ["topic"] in error_locations(jill.post(QUESTIONS, {"text": "Who knows?"}))
    assert ["private"] in error_locations(
        jill.post(QUESTIONS, {"text": "Who knows?", "topic": roles["topic"].pk, "private": True})
    )
    locations = error_locations(jill.post(QUESTIONS, {"text": "Me?", "expert": "jill.hartmann"}))
    assert locations and not Question.objects.exists()
    problem(api_as(None).get(QUESTIONS), 401)


def test_a_private_question_is_hidden_from_everyone_else_over_the_api(roles, api_as):
    jill, jim, ben, carrie = (api_as(roles[name]) for name in ("jill", "jim", "ben", "carrie"))
    created = jill.post(QUESTIONS, {"text": "Can I move my start date?", "expert": "jim.okafor", "private": True})
    question_id = created.json()["id"]
    assert created.json()["private"]
    assert jim.get(f"{QUESTIONS}{question_id}/").status_code == 200
    answer = jim.post(f"{QUESTIONS}{question_id}/answers/", {"text": "Yes, ask Marty."}).json()["answers"][0]

    for outsider in (ben, carrie):
        problem(outsider.get(f"{QUESTIONS}{question_id}/"), 404)
        problem(outsider.post(f"{QUESTIONS}{question_id}/answers/", {"text": "Me too"}), 404)
        problem(outsider.post(f"{QUESTIONS}{question_id}/accept/", {"answer": answer["id"]}), 404)
        for show in ("open", "answered", "mine", "to-me"):
            assert outsider.get(QUESTIONS, {"show": show}).json()["count"] == 0
    assert [q["id"] for q in jill.get(QUESTIONS, {"show": "mine"}).json()["items"]] == [question_id]
    problem(jill.get(f"{QUESTIONS}999999/"), 404)
