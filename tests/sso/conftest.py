"""A real OpenID Connect provider for the single sign-on tests: the npm package oidc-provider (locked in
package-lock.json), run by node from tests/sso/provider.mjs on a free loopback port, once per test session (per
xdist worker). It knows one client, Onramp under the test client's address, and the accounts a test gives it.

The tests need only node, so they run in the SQLite pass of `make test`. On CI (CI=true) a missing node or
package is a failure; elsewhere those tests are skipped.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.sso.flow import CALLBACK

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_SCRIPT = Path(__file__).with_name("provider.mjs")
PACKAGE = ROOT / "node_modules" / "oidc-provider" / "package.json"
CLIENT_ID, CLIENT_SECRET = "onramp", "onramp-tests-only-secret"
SCOPES = "openid email profile groups"
BACKEND = "expertise.single_sign_on.PeopleOIDCBackend"


def missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the single sign-on tests must run)")
    pytest.skip(reason)


@dataclass
class Provider:
    issuer: str
    accounts_file: Path

    def set_accounts(self, accounts: dict[str, dict]) -> None:
        """The accounts the provider knows, by subject (the login on its sign-in page), with their claims."""
        self.accounts_file.write_text(json.dumps(accounts))


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory) -> Iterator[Provider]:
    node = shutil.which("node")
    if node is None:
        missing("node is not installed")
    if not PACKAGE.exists():
        missing("the npm package oidc-provider is not installed (npm ci)")
    directory = tmp_path_factory.mktemp("oidc-provider")
    accounts = directory / "accounts.json"
    accounts.write_text("{}")
    settings = directory / "settings.json"
    settings.write_text(
        json.dumps(
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [CALLBACK],
                "accounts": str(accounts),
            }
        )
    )
    process = subprocess.Popen(  # noqa: S603 - node with our own script
        [node, str(PROVIDER_SCRIPT), str(settings)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        first_line = lines.get(timeout=30)
    except queue.Empty:
        first_line = ""
    if not first_line.startswith("issuer "):
        process.kill()
        pytest.fail(f"oidc-provider did not start: {first_line}{process.stderr.read()}")
    try:
        yield Provider(issuer=first_line.split()[1], accounts_file=accounts)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
