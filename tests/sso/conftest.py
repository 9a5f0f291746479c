"""A real OpenID Connect provider for the single sign-on tests (tests/sso/provider.py), once per test session (per
xdist worker), its client Onramp under the Django test client's address.

The tests need only node, so they run in the SQLite pass of `make test`. On CI (CI=true) a missing node or
package is a failure; elsewhere those tests are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.sso.flow import CALLBACK
from tests.sso.provider import CLIENT_ID, CLIENT_SECRET, Provider, ProviderUnavailable, start_provider

SCOPES = "openid email profile groups"
BACKEND = "expertise.single_sign_on.PeopleOIDCBackend"


def missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the single sign-on tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory) -> Iterator[Provider]:
    try:
        provider = start_provider(tmp_path_factory.mktemp("oidc-provider"), redirect_uris=[CALLBACK])
    except ProviderUnavailable as reason:
        missing(str(reason))
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture
def single_sign_on(settings, oidc_provider):
    """Onramp configured for the test provider as the README says: the issuer (endpoints discovered), the
    client's id and secret, the HR id in the `employee_id` claim and two provider groups mapped."""
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = oidc_provider.issuer
    for endpoint in ("AUTHORIZATION", "TOKEN", "USER", "JWKS"):
        setattr(settings, f"OIDC_OP_{endpoint}_ENDPOINT", None)
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = CLIENT_ID, CLIENT_SECRET
    settings.OIDC_RP_SCOPES = SCOPES
    settings.OIDC_PROVIDER_NAME = "Test ID"
    settings.OIDC_EXTERNAL_ID_CLAIM = "employee_id"
    settings.OIDC_CREATE_USER = False
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_GROUP_MAP = {"wiki-editors": "Editors", "forum-moderators": "Moderators"}
    if BACKEND not in settings.AUTHENTICATION_BACKENDS:
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    oidc_provider.set_accounts({})
    return oidc_provider
