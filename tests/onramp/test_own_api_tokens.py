"""A signed-in person makes, lists and revokes their own API tokens at /accounts/api-tokens/: the plaintext is
shown once, works against the API, and a revoked token is refused but stays listed. Nobody reaches another's."""

import logging
import re

import pytest

from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from wagtail.models import APIToken

from expertise.factories import UserFactory
from onramp import api_tokens

pytestmark = pytest.mark.django_db

LIST = "/accounts/api-tokens/"


def revoke_url(token: APIToken) -> str:
    return reverse("revoke_api_token", args=[token.pk])


def whoami(plaintext: str):
    return Client().get("/api/v3/whoami/", headers={"Authorization": f"Bearer {plaintext}"})


@pytest.fixture
def person():
    return UserFactory(username="nina.new")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def shown_plaintext(response) -> str:
    assert response.status_code == 200
    shown = re.search(r"<pre[^>]*>(wagtail_\w+)</pre>", response.content.decode())
    assert shown, "the new token's plaintext is on the page that answers the form"
    return shown.group(1)


def make_through_the_page(client, name: str) -> str:
    return shown_plaintext(client.post(LIST, {"name": name}))


def test_the_list_shows_only_my_tokens_newest_first(signed_in, person):
    api_tokens.make_token(person, "Reporting script")
    api_tokens.make_token(person, "Laptop notebook")
    api_tokens.make_token(UserFactory(username="olga.other"), "Olga's secret tool")

    response = signed_in.get(LIST)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Reporting script" in page and "Laptop notebook" in page
    assert "Olga&#x27;s secret tool" not in page and "Olga's secret tool" not in page
    assert page.index("Laptop notebook") < page.index("Reporting script")
    assert reverse("onramp_api:openapi-view") in page  # the explanation links the API docs


def test_the_header_links_the_page(signed_in):
    assert f'href="{LIST}"' in signed_in.get(reverse("expertise:directory")).content.decode()


def test_the_list_is_paginated(signed_in, person):
    for number in range(23):
        api_tokens.make_token(person, f"Token number {number:02}")
    first = signed_in.get(LIST).content.decode()
    second = signed_in.get(LIST, {"page": 2}).content.decode()
    assert "Token number 22" in first and "Token number 00" not in first
    assert "Token number 00" in second and "Page 2 of 2" in second


def test_a_made_token_is_shown_once_and_works_against_the_api(signed_in, person, caplog):
    caplog.set_level(logging.DEBUG)
    response = signed_in.post(LIST, {"name": "  CI pipeline  "})
    plaintext = shown_plaintext(response)

    assert "will not be shown again" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = APIToken.objects.get(user=person, name="CI pipeline")
    assert plaintext.startswith(token.prefix)
    answer = whoami(plaintext)
    assert answer.status_code == 200
    assert answer.json()["user"]["username"] == "nina.new"

    listed = signed_in.get(LIST).content.decode()
    assert plaintext not in listed
    assert token.prefix in listed
    assert all(plaintext not in str(value) for value in signed_in.session.values())
    assert plaintext not in caplog.text


@pytest.mark.parametrize(
    ("name", "says"),
    [("", "The name is required"), ("   ", "The name is required"), ("x" * 256, "The name is at most 255")],
)
def test_a_missing_or_too_long_name_is_refused_naming_the_field(signed_in, person, name, says):
    response = signed_in.post(LIST, {"name": name})

    page = response.content.decode()
    assert response.status_code == 400
    assert says in page
    assert 'id="id_name_error"' in page  # under the Name field, where a screen reader finds it
    assert not APIToken.objects.filter(user=person).exists()


def test_revoking_refuses_the_token_and_keeps_it_listed(signed_in, person):
    plaintext = make_through_the_page(signed_in, "Old laptop")
    token = APIToken.objects.get(user=person)
    assert whoami(plaintext).status_code == 200

    response = signed_in.post(revoke_url(token), follow=True)

    assert response.redirect_chain[-1][0] == LIST
    page = response.content.decode()
    assert "is revoked" in page
    assert "Old laptop" in page and "Revoked on" in page
    assert whoami(plaintext).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoking_twice_is_refused_with_a_message(signed_in, person):
    token, _ = api_tokens.make_token(person, "Twice")
    signed_in.post(revoke_url(token))
    first_revoked_at = APIToken.objects.get(pk=token.pk).revoked_at

    page = signed_in.post(revoke_url(token), follow=True).content.decode()

    assert "already revoked" in page
    assert APIToken.objects.get(pk=token.pk).revoked_at == first_revoked_at


def test_revoking_needs_a_post(signed_in, person):
    token, plaintext = api_tokens.make_token(person, "Kept")
    assert signed_in.get(revoke_url(token)).status_code == 405
    assert whoami(plaintext).status_code == 200


def test_another_persons_token_is_not_found(signed_in):
    theirs, plaintext = api_tokens.make_token(UserFactory(username="olga.other"), "Olga's")

    assert signed_in.post(revoke_url(theirs)).status_code == 404
    assert signed_in.post("/accounts/api-tokens/99999999999999999999999/revoke/").status_code == 404
    assert whoami(plaintext).status_code == 200


def test_anonymous_people_are_sent_to_sign_in(client):
    for response in (client.get(LIST), client.post(LIST, {"name": "Sneaky"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert not APIToken.objects.exists()


def test_an_inactive_person_cannot_reach_the_page(client, person):
    client.force_login(person)
    person.is_active = False
    person.save()

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_rules_refuse_bad_names_and_anothers_token(person):
    with pytest.raises(ValidationError) as refused:
        api_tokens.make_token(person, "")
    assert list(refused.value.message_dict) == ["name"]
    theirs, _ = api_tokens.make_token(UserFactory(), "Theirs")
    with pytest.raises(Http404):
        api_tokens.revoke_token(person, theirs.pk)
    assert list(api_tokens.tokens_of(person)) == []
