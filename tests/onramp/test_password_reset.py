"""Password reset by email on the site: a person asks for a link, chooses a password on it and signs in with it.
People imported from HR, who have no usable password, choose their first one this way; inactive people and
unknown addresses get nothing, and the page does not say which."""

import logging
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from expertise.factories import UserFactory
from imports.people import import_people
from tests.catalogs import install_pseudo_language

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a lighthouse on the ledger"  # noqa: S105
BASE_URL = "https://onramp.example.com"
SENT = "Check your email"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Password reset requests are counted in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL + "/"


def ask_for_link(client, email: str):
    return client.post(reverse("password_reset"), {"email": email}, follow=True)


def link_in(message) -> str:
    """The reset link's path, checked to start with the address people reach Onramp at."""
    found = re.search(rf"{re.escape(BASE_URL)}(/accounts/password-reset/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def choose_password(client, link: str, first: str, second: str | None = None):
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    form_url = form.redirect_chain[-1][0]
    return client.post(form_url, {"new_password1": first, "new_password2": first if second is None else second})


def signs_in(client, username: str, password: str) -> bool:
    client.post(reverse("login"), {"username": username, "password": password})
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


def test_a_person_resets_their_password_by_email_and_signs_in_with_the_new_one(client, mailoutbox):
    UserFactory(username="jill", email="jill@example.com", first_name="Jill")
    sign_in_page = client.get(reverse("login")).content.decode()
    assert f'<a href="{reverse("password_reset")}">Forgot your password?</a>' in sign_in_page

    response = ask_for_link(client, "Jill@Example.com")
    assert response.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert SENT in response.content.decode()
    [message] = mailoutbox
    assert message.to == ["jill@example.com"]
    assert message.subject == "Choose your Onramp password"
    assert message.body.startswith("Hello Jill,")
    assert "Your username, to sign in with: jill" in message.body
    link = link_in(message)

    # Each refusal is shown under the field it is about.
    required = choose_password(client, link, "", "something else entirely").content.decode()
    assert '<ul class="error errorlist" id="id_new_password1_error"><li>This field is required.</li></ul>' in required
    # The password rules are read out with the field: one paragraph, which the field names as its description.
    assert 'aria-describedby="id_new_password1_helptext id_new_password1_error"' in required
    assert '<p class="help" id="id_new_password1_helptext">Your password can’t be too similar' in required
    too_common = choose_password(client, link, "password").content.decode()
    error_list = '<ul class="error errorlist" id="id_new_password2_error">'
    assert f"{error_list}<li>This password is too common.</li></ul>" in too_common
    mismatch = choose_password(client, link, NEW_PASSWORD, NEW_PASSWORD + "!").content.decode()
    assert "id_new_password2_error" in mismatch and "didn’t match" in mismatch

    response = choose_password(client, link, NEW_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_complete")
    assert "Your new password is set" in client.get(response["Location"]).content.decode()
    assert signs_in(client, "jill", NEW_PASSWORD)
    assert not signs_in(client, "jill", "correct horse battery staple")


def test_the_link_works_once(client, mailoutbox):
    UserFactory(username="jill", email="jill@example.com")
    ask_for_link(client, "jill@example.com")
    link = link_in(mailoutbox[0])
    assert choose_password(client, link, NEW_PASSWORD).status_code == 302

    again = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in again
    assert 'name="new_password1"' not in again


def test_a_person_imported_from_hr_chooses_their_first_password(client, mailoutbox):
    import_people("id,email,name,team\nhr-17,maya.lind@example.com,Maya Lind,Payables\n")
    maya = get_user_model().objects.get(email="maya.lind@example.com")
    assert not maya.has_usable_password()

    ask_for_link(client, "maya.lind@example.com")
    [message] = mailoutbox
    assert f"Your username, to sign in with: {maya.username}" in message.body
    assert choose_password(client, link_in(message), NEW_PASSWORD).status_code == 302
    assert signs_in(client, maya.username, NEW_PASSWORD)


@pytest.mark.parametrize("is_active", [True, False], ids=["active", "inactive"])
def test_an_unknown_address_and_an_inactive_person_get_the_same_page_and_no_email(client, mailoutbox, is_active):
    UserFactory(username="gone", email="gone@example.com", is_active=False)
    known = UserFactory(username="known", email="known@example.com", is_active=is_active)
    unknown = ask_for_link(client, "nobody@example.com")
    maybe = ask_for_link(client, known.email)

    assert unknown.redirect_chain == maybe.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert unknown.content == maybe.content
    assert SENT in unknown.content.decode()
    assert [message.to for message in mailoutbox] == ([["known@example.com"]] if is_active else [])
    ask_for_link(client, "gone@example.com")
    assert len(mailoutbox) == (1 if is_active else 0)


def test_a_failed_send_is_logged_and_the_page_reads_the_same(client, unreachable_mail_server, caplog):
    UserFactory(username="jill", email="jill@example.com")
    with caplog.at_level(logging.ERROR, logger="onramp.mail"):
        response = ask_for_link(client, "jill@example.com")
    assert response.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert SENT in response.content.decode()
    assert "Could not send the email “Choose your Onramp password”" in caplog.text


def test_requests_from_one_address_are_limited_together_with_the_admins(client, mailoutbox):
    UserFactory(username="jill", email="jill@example.com")
    for _request in range(10):
        assert client.post("/admin/password_reset/", {"email": "jill@example.com"}).status_code == 302
    for _request in range(10):
        assert client.post(reverse("password_reset"), {"email": "jill@example.com"}).status_code == 302

    response = client.post(reverse("password_reset"), {"email": "jill@example.com"})
    assert response.status_code == 429 and "Sign-in paused" in response.content.decode()
    assert len(mailoutbox) == 20
    other_address = client.post(reverse("password_reset"), {"email": "jill@example.com"}, REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 302


def test_the_pages_and_the_email_are_marked_for_translation(client, mailoutbox, settings, tmp_path):
    marked = ["Reset your password", "Check your email", "Choose your Onramp password", "Hello %(name)s,"]
    install_pseudo_language(settings, tmp_path, language="xx", messages={text: f"[xx] {text}" for text in marked})
    UserFactory(username="jill", email="jill@example.com", first_name="Jill")
    with translation.override("xx"):
        assert "<h1>[xx] Reset your password</h1>" in client.get(reverse("password_reset")).content.decode()
        assert "<h1>[xx] Check your email</h1>" in ask_for_link(client, "jill@example.com").content.decode()
    [message] = mailoutbox
    assert message.subject == "[xx] Choose your Onramp password"
    assert message.body.startswith("[xx] Hello Jill,")
