import json
import time

import pytest

from django.contrib.auth.models import Group

from expertise.factories import TeamFactory, UserFactory
from search.models import LoggedQuery
from tests.chat.conftest import SLACK_PATH, slack_form, slack_headers

pytestmark = pytest.mark.django_db


def everything_said(response) -> str:
    """All the text an answer shows, blocks and fallback alike."""
    return json.dumps(response.json(), ensure_ascii=False)


@pytest.fixture
def asker(slack_api):
    person = UserFactory(username="jill.hartmann", email="Jill.Hartmann@example.com")
    slack_api.add("U0JILL", "jill.hartmann@example.com")
    return person


def test_a_signed_question_is_answered_with_pages_people_and_gaps_as_links(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0JILL", text="how do I post a supplier invoice")
    response = slack_post(body, slack_headers(body))
    assert response.status_code == 200
    answer = response.json()
    assert answer["response_type"] == "ephemeral"
    said = everything_said(response)
    assert f"<http://testserver{invoices['public'].url}|Posting a supplier invoice>" in said
    assert "<http://testserver/people/paula.payables/|Paula Payables>" in said
    assert f"<http://testserver{invoices['gap'].get_absolute_url()}|Supplier invoice without a purchase order>" in said
    assert "http://testserver/ask/?q=how+do+I+post+a+supplier+invoice" in said
    assert [block["type"] for block in answer["blocks"]][:1] == ["section"]
    # The asker was looked up by the real SDK over HTTP, with the bot token.
    assert slack_api.calls == [
        {"path": "/api/users.info", "params": {"user": "U0JILL"}, "auth": "Bearer xoxb-test-token"}
    ]
    logged = LoggedQuery.objects.get()
    assert (logged.user, logged.text) == (asker, "how do I post a supplier invoice")


def test_a_private_page_reaches_only_those_who_may_see_it(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    said = everything_said(slack_post(body, slack_headers(body)))
    assert "Posting a supplier invoice" in said
    assert "Supplier invoice fraud signals" not in said
    assert invoices["private"].url not in said

    moderator = UserFactory(username="carrie.trainer", email="carrie@example.com")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    slack_api.add("U0CARRIE", "carrie@example.com")
    body = slack_form(user_id="U0CARRIE", text="supplier invoice")
    said = everything_said(slack_post(body, slack_headers(body)))
    assert "Supplier invoice fraud signals" in said


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda body: slack_headers(body, secret="someone else's secret"), id="wrong secret"),
        pytest.param(lambda body: slack_headers(body + b"&text=more"), id="body changed after signing"),
        pytest.param(
            lambda body: {**slack_headers(body), "HTTP_X_SLACK_REQUEST_TIMESTAMP": str(int(time.time()) - 1)},
            id="timestamp changed after signing",
        ),
    ],
)
def test_a_wrongly_signed_request_is_refused_before_anything_is_done(slack_post, slack_api, asker, invoices, headers):
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    response = slack_post(body, headers(body))
    assert response.status_code == 403
    assert "signature does not match" in response.content.decode()
    assert "Posting a supplier invoice" not in response.content.decode()
    assert slack_api.calls == []
    assert not LoggedQuery.objects.exists()


@pytest.mark.parametrize("missing", ["HTTP_X_SLACK_REQUEST_TIMESTAMP", "HTTP_X_SLACK_SIGNATURE"])
def test_missing_signature_headers_are_refused(slack_post, slack_api, asker, invoices, missing):
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    headers = slack_headers(body)
    del headers[missing]
    response = slack_post(body, headers)
    assert response.status_code == 401
    assert "X-Slack-Signature" in response.content.decode()
    assert slack_api.calls == []


def test_an_old_request_is_refused_even_when_correctly_signed(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    response = slack_post(body, slack_headers(body, timestamp=int(time.time()) - 6 * 60))
    assert response.status_code == 403
    assert "five minutes" in response.content.decode()
    assert slack_api.calls == []
    assert not LoggedQuery.objects.exists()


def test_a_replayed_request_is_refused(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    headers = slack_headers(body)
    assert slack_post(body, headers).status_code == 200
    again = slack_post(body, headers)
    assert again.status_code == 403
    assert "already answered" in again.content.decode()
    assert LoggedQuery.objects.count() == 1


def test_someone_onramp_does_not_know_is_told_so_and_nothing_else(slack_post, slack_api, asker, invoices):
    slack_api.add("U0STRANGER", "stranger@elsewhere.example")
    body = slack_form(user_id="U0STRANGER", text="supplier invoice")
    response = slack_post(body, slack_headers(body))
    assert response.status_code == 200
    assert response.json() == {"response_type": "ephemeral", "text": response.json()["text"]}
    assert "does not know you" in response.json()["text"]
    assert "invoice" not in response.json()["text"].lower()
    assert not LoggedQuery.objects.exists()


@pytest.mark.parametrize("how", ["account", "profile"])
def test_an_inactive_person_is_not_answered(slack_post, slack_api, asker, invoices, how):
    if how == "account":
        asker.is_active = False
        asker.save()
    else:
        asker.profile.active = False
        asker.profile.save()
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    said = everything_said(slack_post(body, slack_headers(body)))
    assert "does not know you" in said
    assert "Posting a supplier invoice" not in said


def test_a_slack_user_slack_will_not_describe_is_told_what_went_wrong(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0NOBODY", text="supplier invoice")
    response = slack_post(body, slack_headers(body))
    assert response.status_code == 200
    assert "could not look you up on Slack" in response.json()["text"]
    assert "Posting a supplier invoice" not in everything_said(response)


def test_an_empty_question_gets_a_usage_hint(slack_post, slack_api, asker, invoices):
    body = slack_form(user_id="U0JILL", text="   ")
    response = slack_post(body, slack_headers(body))
    assert response.status_code == 200
    assert "/ask how do I" in response.json()["text"]
    assert not LoggedQuery.objects.exists()


def test_without_a_signing_secret_the_endpoint_does_not_exist(client, settings, invoices):
    settings.SLACK_SIGNING_SECRET = None
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    response = client.post(SLACK_PATH, body, content_type="application/x-www-form-urlencoded", **slack_headers(body))
    assert response.status_code == 404


def test_only_post_is_answered(client, slack_api):
    response = client.get(SLACK_PATH)
    assert response.status_code == 405


def test_the_asker_sees_why_each_person_is_suggested(slack_post, slack_api, asker, invoices):
    team = TeamFactory(name="Payables")
    for someone in (asker, invoices["expert"]):
        someone.profile.team = team
        someone.profile.save()
    body = slack_form(user_id="U0JILL", text="supplier invoice")
    said = everything_said(slack_post(body, slack_headers(body)))
    assert "|Paula Payables> — Expert; in your team" in said
