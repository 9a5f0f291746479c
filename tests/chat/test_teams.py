import base64
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from expertise.factories import TeamFactory, UserFactory
from search.models import LoggedQuery
from tests.chat.conftest import TEAMS_PATH, teams_activity, teams_signature

pytestmark = pytest.mark.django_db

JILL_AAD = "00000000-0000-0000-0000-00000000ji11"


@pytest.fixture
def asker(teams_on):
    person = UserFactory(username="jill.hartmann", email="jill.hartmann@example.com")
    person.profile.external_id = JILL_AAD
    person.profile.save()
    return person


def test_a_signed_mention_is_answered_in_markdown_with_links(teams_post, asker, invoices):
    team = TeamFactory(name="Payables")
    for someone in (asker, invoices["expert"]):
        someone.profile.team = team
        someone.profile.save()
    body = teams_activity(text="how do I post a supplier invoice?", aad_object_id=JILL_AAD)
    response = teams_post(body, teams_signature(body))
    assert response.status_code == 200
    answer = response.json()
    assert answer["type"] == "message"
    text = answer["text"]
    assert f"[Posting a supplier invoice](http://testserver{invoices['public'].url})" in text
    # The level everyone sees, not the reasons, which may hold what only the asker may read.
    assert "[Paula Payables](http://testserver/people/paula.payables/) — Expert\n" in text
    assert "in your team" not in text
    assert f"[Supplier invoice without a purchase order](http://testserver{invoices['gap'].get_absolute_url()})" in text
    assert "**Pages**" in text
    # The @mention is not part of the question.
    logged = LoggedQuery.objects.get()
    assert (logged.user, logged.text) == (asker, "how do I post a supplier invoice?")


def test_an_email_in_the_payload_finds_the_person(teams_post, teams_on, invoices):
    UserFactory(username="sam.smith", email="Sam.Smith@example.com")
    body = teams_activity(text="supplier invoice", aad_object_id="not-recorded", email="sam.smith@example.com")
    assert "Posting a supplier invoice" in teams_post(body, teams_signature(body)).json()["text"]


def test_a_private_page_is_never_posted_in_the_channel(teams_post, asker, invoices):
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    text = teams_post(body, teams_signature(body)).json()["text"]
    assert "Posting a supplier invoice" in text
    assert "Supplier invoice fraud signals" not in text
    assert invoices["private"].url not in text

    moderator = UserFactory(username="carrie.trainer")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    moderator.profile.external_id = "carrie-aad-object-id"
    moderator.profile.save()
    body = teams_activity(text="supplier invoice", aad_object_id="carrie-aad-object-id")
    text = teams_post(body, teams_signature(body)).json()["text"]
    # Teams posts in the channel: a page only some may open is left out even for one who may, and said so.
    assert "Supplier invoice fraud signals" not in text
    assert "1 page only some people may open is left out here" in text
    assert "Posting a supplier invoice" in text


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(
            lambda body: teams_signature(body, token=base64.b64encode(b"another webhook").decode()),
            id="another webhook's token",
        ),
        pytest.param(lambda body: teams_signature(body.replace(b"supplier", b"customer")), id="body changed"),
        pytest.param(lambda body: {"HTTP_AUTHORIZATION": "HMAC bm90IGEgc2lnbmF0dXJl"}, id="made up"),
    ],
)
def test_a_wrongly_signed_request_is_refused_before_anything_is_done(teams_post, asker, invoices, signature):
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    response = teams_post(body, signature(body))
    assert response.status_code == 403
    assert "signature does not match" in response.content.decode()
    assert not LoggedQuery.objects.exists()


@pytest.mark.parametrize("authorization", [None, "", "Bearer abc", "HMAC "])
def test_a_request_without_an_hmac_is_refused(teams_post, asker, invoices, authorization):
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    headers = {} if authorization is None else {"HTTP_AUTHORIZATION": authorization}
    response = teams_post(body, headers)
    assert response.status_code == 401
    assert "Authorization: HMAC" in response.content.decode()


def test_an_old_message_is_refused_even_when_correctly_signed(teams_post, asker, invoices):
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD, sent=timezone.now() - timedelta(minutes=6))
    response = teams_post(body, teams_signature(body))
    assert response.status_code == 403
    assert "five minutes" in response.content.decode()
    assert not LoggedQuery.objects.exists()


def test_a_replayed_message_is_refused(teams_post, asker, invoices):
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    assert teams_post(body, teams_signature(body)).status_code == 200
    again = teams_post(body, teams_signature(body))
    assert again.status_code == 403
    assert "already answered" in again.content.decode()


def test_someone_onramp_does_not_know_is_told_so_and_nothing_else(teams_post, asker, invoices):
    body = teams_activity(text="supplier invoice", aad_object_id="someone-else")
    response = teams_post(body, teams_signature(body))
    assert response.status_code == 200
    assert set(response.json()) == {"type", "text"}
    assert "does not know you" in response.json()["text"]
    assert "invoice" not in response.json()["text"].lower()
    assert not LoggedQuery.objects.exists()


def test_an_inactive_person_is_not_answered(teams_post, asker, invoices):
    asker.profile.active = False
    asker.profile.save()
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    text = teams_post(body, teams_signature(body)).json()["text"]
    assert "does not know you" in text
    assert "Posting a supplier invoice" not in text


def test_a_bare_mention_gets_a_usage_hint(teams_post, asker, invoices):
    body = teams_activity(text=" ", aad_object_id=JILL_AAD)
    text = teams_post(body, teams_signature(body)).json()["text"]
    assert "type your question" in text
    assert not LoggedQuery.objects.exists()


def test_without_a_security_token_the_endpoint_does_not_exist(client, settings, invoices):
    settings.TEAMS_WEBHOOK_SECRET = None
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    response = client.post(TEAMS_PATH, body, content_type="application/json", **teams_signature(body))
    assert response.status_code == 404


def test_a_security_token_that_is_not_base64_is_named_as_the_fault(teams_post, settings, asker, invoices):
    settings.TEAMS_WEBHOOK_SECRET = "not base64!"
    body = teams_activity(text="supplier invoice", aad_object_id=JILL_AAD)
    response = teams_post(body, teams_signature(body))
    assert response.status_code == 503
    assert "TEAMS_WEBHOOK_SECRET" in response.content.decode()
    assert not LoggedQuery.objects.exists()
