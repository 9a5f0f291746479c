from wagtail.models import APIToken

from expertise.factories import UserFactory


def test_the_schema_is_public_and_names_the_version(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"] == {
        "title": "Onramp API",
        "version": "1",
        "description": response.json()["info"]["description"],
    }


def test_a_revoked_token_is_refused_as_unauthenticated(api_as, db):
    person = UserFactory()
    caller = api_as(person)
    APIToken.objects.get(user=person).revoke()
    response = caller.get("/api/v3/whoami/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_valid_token_identifies_its_person(api_as, db):
    person = UserFactory()
    response = api_as(person).get("/api/v3/whoami/")
    assert response.status_code == 200
    assert response.json()["user"]["username"] == person.username


def test_a_session_cookie_does_not_count(client, db):
    person = UserFactory()
    client.force_login(person)
    assert client.get("/api/v3/whoami/").status_code == 401
