"""Single sign-on as configured from the environment (read in a fresh process, as Onramp starts)."""

import pytest
import requests

from expertise.factories import UserFactory
from onramp.single_sign_on import discovery_document
from tests.onramp.test_settings import settings_value

PROVIDER = {
    "OIDC_ISSUER": "https://id.example.com",
    "OIDC_RP_CLIENT_ID": "onramp",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
}
BACKEND = "expertise.single_sign_on.PeopleOIDCBackend"


def test_single_sign_on_is_off_until_a_provider_and_client_are_named():
    result = settings_value(
        "onramp.settings.dev", f"settings.OIDC_ENABLED, {BACKEND!r} in settings.AUTHENTICATION_BACKENDS"
    )
    assert result.stdout.strip() == "False False"


def test_the_issuer_and_client_turn_it_on_with_the_documented_defaults():
    result = settings_value(
        "onramp.settings.dev",
        f"settings.OIDC_ENABLED, {BACKEND!r} in settings.AUTHENTICATION_BACKENDS, settings.OIDC_RP_SCOPES,"
        " settings.OIDC_EXTERNAL_ID_CLAIM, settings.OIDC_CREATE_USER, settings.OIDC_GROUP_MAP",
        **PROVIDER,
    )
    assert result.stdout.strip() == "True True openid email profile None False {}", result.stderr


def test_explicit_endpoints_stand_for_the_issuer():
    endpoints = {
        f"OIDC_OP_{name}_ENDPOINT": f"https://id.example.com/{name.lower()}"
        for name in ("AUTHORIZATION", "TOKEN", "USER", "JWKS")
    }
    result = settings_value(
        "onramp.settings.dev", "settings.OIDC_ENABLED", **{**PROVIDER, "OIDC_ISSUER": ""}, **endpoints
    )
    assert result.stdout.strip() == "True", result.stderr


def test_half_a_configuration_refuses_to_start_and_says_what_is_missing():
    result = settings_value("onramp.settings.dev", "settings.OIDC_ENABLED", **{**PROVIDER, "OIDC_RP_CLIENT_SECRET": ""})
    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_SECRET" in result.stderr


def test_the_group_map_reads_pairs_and_a_group_name_may_hold_equals_signs():
    result = settings_value(
        "onramp.settings.dev",
        "sorted(settings.OIDC_GROUP_MAP.items())",
        **PROVIDER,
        OIDC_GROUP_MAP="wiki-editors=Editors; cn=mods,ou=groups,dc=example=Moderators",
    )
    assert result.stdout.strip() == "[('cn=mods,ou=groups,dc=example', 'Moderators'), ('wiki-editors', 'Editors')]"
    result = settings_value("onramp.settings.dev", "settings.OIDC_GROUP_MAP", **PROVIDER, OIDC_GROUP_MAP="Editors")
    assert result.returncode != 0 and "OIDC_GROUP_MAP" in result.stderr


def test_production_refuses_a_provider_over_plain_http():
    production = {"SECRET_KEY": "x" * 50, "WAGTAILADMIN_BASE_URL": "https://onramp.example.com"}
    result = settings_value(
        "onramp.settings.production",
        "settings.OIDC_ENABLED",
        **production,
        **{**PROVIDER, "OIDC_ISSUER": "http://id.example"},
    )
    assert result.returncode != 0 and "https://" in result.stderr
    result = settings_value("onramp.settings.production", "settings.OIDC_ENABLED", **production, **PROVIDER)
    assert result.stdout.strip() == "True", result.stderr


def test_a_stack_on_one_machine_over_plain_http_takes_a_provider_on_loopback():
    """What the browser journeys' stack runs as (HTTPS=false, `make run-stack`): Onramp itself on plain HTTP."""
    production = {"SECRET_KEY": "x" * 50, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000", "HTTPS": "false"}
    result = settings_value(
        "onramp.settings.production",
        "settings.OIDC_ENABLED",
        **production,
        **{**PROVIDER, "OIDC_ISSUER": "http://127.0.0.1:9000"},
    )
    assert result.stdout.strip() == "True", result.stderr


@pytest.mark.django_db
def test_an_unreachable_provider_sends_people_back_to_sign_in_with_the_reason(client, settings, unreachable_port):
    settings.OIDC_ENABLED, settings.OIDC_ISSUER = True, f"http://127.0.0.1:{unreachable_port}"
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "onramp", "s3cret"

    response = client.get("/oidc/authenticate/")

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert "The sign-in service is not answering" in client.get(response["Location"]).content.decode()
    with pytest.raises(requests.RequestException):  # tried again next time, not remembered
        discovery_document(settings.OIDC_ISSUER)


@pytest.fixture
def unreachable_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_password_sign_in_and_signed_in_pages_need_no_answer_from_the_provider(client, settings, unreachable_port):
    settings.OIDC_ENABLED, settings.OIDC_ISSUER = True, f"http://127.0.0.1:{unreachable_port}"
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "onramp", "s3cret"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    UserFactory(username="jill")

    response = client.post("/accounts/login/", {"username": "jill", "password": "correct horse battery staple"})

    assert response.status_code == 302
    assert client.get("/onboarding/").status_code == 200
