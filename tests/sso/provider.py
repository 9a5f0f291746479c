"""The test OpenID Connect provider: the npm package oidc-provider (locked in package-lock.json), run by node from
tests/sso/provider.mjs on a free loopback port. It knows one client, Onramp at the redirect URIs it is started
with, and the accounts a test gives it (`Provider.set_accounts`).

Started by the single sign-on tests (tests/sso/conftest.py, Onramp answered by the Django test client) and by the
browser stack (tests/browser/conftest.py, Onramp under gunicorn), each with its own callback address.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_SCRIPT = Path(__file__).with_name("provider.mjs")
PACKAGE = ROOT / "node_modules" / "oidc-provider" / "package.json"
CLIENT_ID, CLIENT_SECRET = "onramp", "onramp-tests-only-secret"
STARTUP_SECONDS = 30


class ProviderUnavailable(Exception):
    """node or the npm package is not installed: the caller skips, or fails on CI."""


@dataclass
class Provider:
    issuer: str
    client_id: str
    client_secret: str
    accounts_file: Path
    process: subprocess.Popen

    def set_accounts(self, accounts: dict[str, dict]) -> None:
        """The accounts the provider knows, by subject (the login on its sign-in page), with their claims."""
        self.accounts_file.write_text(json.dumps(accounts))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_provider(
    directory: Path,
    *,
    redirect_uris: list[str],
    client_id: str = CLIENT_ID,
    client_secret: str = CLIENT_SECRET,
) -> Provider:
    """Starts the provider with its settings and accounts file in `directory` (which it must own) and returns
    once it answers. The caller stops it (`Provider.stop`). Raises ProviderUnavailable, or RuntimeError when
    node runs but the provider does not start."""
    node = shutil.which("node")
    if node is None:
        raise ProviderUnavailable("node is not installed")
    if not PACKAGE.exists():
        raise ProviderUnavailable("the npm package oidc-provider is not installed (npm ci)")
    directory.mkdir(parents=True, exist_ok=True)
    accounts = directory / "accounts.json"
    accounts.write_text("{}")
    settings = directory / "settings.json"
    settings.write_text(
        json.dumps(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "redirect_uris": redirect_uris,
                "accounts": str(accounts),
            }
        )
    )
    log = directory / "provider.log"  # its warnings: a file, so a long run never fills a pipe nobody reads
    with log.open("w") as errors:
        process = subprocess.Popen(  # noqa: S603 - node with our own script
            [node, str(PROVIDER_SCRIPT), str(settings)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        first_line = lines.get(timeout=STARTUP_SECONDS)
    except queue.Empty:
        first_line = ""
    if not first_line.startswith("issuer "):
        process.kill()
        process.wait()
        raise RuntimeError(f"oidc-provider did not start: {first_line}{log.read_text()}")
    return Provider(
        issuer=first_line.split()[1],
        client_id=client_id,
        client_secret=client_secret,
        accounts_file=accounts,
        process=process,
    )
