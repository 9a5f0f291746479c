"""Guessing passwords pauses sign-in: for one account from one address after 5 wrong passwords, for everyone
from one address after 20 (the defaults), on the site's and the admin's sign-in pages."""

import pytest

from django.core import mail
from django.core.cache import cache

from expertise.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # noqa: S105 - the factories' password
SIGN_IN_PAGES = ["/accounts/login/", "/admin/login/"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Password reset requests are counted in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


def sign_in(client, page: str, username: str, password: str = PASSWORD, **headers):
    return client.post(page, {"username": username, "password": password}, headers=headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def assert_paused(response):
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert "Sign-in paused" in response.content.decode()
    assert "Try again in 15 minutes" in response.content.decode()


@pytest.mark.parametrize("page", SIGN_IN_PAGES)
def test_after_wrong_passwords_even_the_right_one_is_refused_with_when_to_try_again(client, page):
    UserFactory(username="jill", is_superuser=True)
    UserFactory(username="ben", is_superuser=True)
    responses = [sign_in(client, page, "jill", f"guess-{attempt}") for attempt in range(6)]
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429, 429]

    response = sign_in(client, page, "jill")
    assert_paused(response)
    assert not signed_in(client)

    # Another account from the same address is not paused by jill's wrong passwords.
    assert sign_in(client, page, "ben").status_code == 302 and signed_in(client)


def test_an_address_trying_many_accounts_is_paused_for_every_account(client, django_user_model):
    UserFactory(username="ben")
    for attempt in range(19):  # four or fewer for each account: none of them reaches its own limit
        assert sign_in(client, "/accounts/login/", f"someone-{attempt % 5}", "guess").status_code == 200
    assert sign_in(client.__class__(), "/accounts/login/", "ben").status_code == 302

    sign_in(client, "/accounts/login/", "someone-else", "guess")
    assert_paused(sign_in(client.__class__(), "/accounts/login/", "ben"))


def test_behind_a_proxy_each_client_address_is_counted_not_the_proxy_s(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="jill")
    for attempt in range(5):
        # Whatever the guesser writes into X-Forwarded-For, the proxy adds the address it came from.
        sign_in(client, "/accounts/login/", "jill", "guess", x_forwarded_for=f"10.0.0.{attempt}, 203.0.113.9")
    assert_paused(sign_in(client, "/accounts/login/", "jill", x_forwarded_for="203.0.113.9"))

    colleague = client.__class__()
    assert sign_in(colleague, "/accounts/login/", "jill", x_forwarded_for="198.51.100.7").status_code == 302


def test_password_reset_emails_asked_for_from_one_address_are_limited(client):
    UserFactory(username="jill", email="jill@example.com", is_superuser=True)
    for _request in range(20):
        response = client.post("/admin/password_reset/", {"email": "jill@example.com"})
        assert response.status_code == 302
    assert_paused(client.post("/admin/password_reset/", {"email": "jill@example.com"}))
    assert len(mail.outbox) == 20
