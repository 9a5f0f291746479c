"""Browser journeys: Debian's Chromium driven by Playwright against Onramp as it runs in production —
gunicorn and a real Celery worker on PostgreSQL and Redis, with the demo organisation loaded, and single sign-on
through the test OpenID Connect provider (tests/sso/provider.py).

The stack gets a database of its own (created, migrated and loaded with the demo once per run of the journeys,
dropped at the end), so the journeys see what a user sees and never touch the other tests' database.
On CI (CI=true) a missing browser or service is a failure; elsewhere the journeys are skipped."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import MIGRATED_COPY
from tests.sso.provider import Provider, ProviderUnavailable, start_provider

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
POSTGRES = os.environ.get("BROWSER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BROWSER_REDIS_URL", "redis://127.0.0.1:6379/14")
DEMO_PASSWORD = "onramp-demo"  # noqa: S105 - the demo organisation's published password
# Single sign-on on the stack: the test OpenID Connect provider (tests/sso/provider.py), the HR id in this claim.
SSO_PROVIDER_NAME = "Test ID"
SSO_EXTERNAL_ID_CLAIM = "employee_id"


def missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser journeys must run)")
    pytest.skip(reason)


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_command(sql: str, params: list | None = None) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5) as connection:
        connection.execute(sql, params)


@dataclass
class Stack:
    url: str
    env: dict
    processes: list = field(default_factory=list)
    shell: subprocess.Popen | None = None
    provider: Provider | None = None  # None when node or oidc-provider is missing; why in `no_provider`
    no_provider: str = ""
    demo_output: str = ""  # what `load_demo --force` printed when the stack was set up

    def manage(self, *args: str) -> str:
        """Runs a management command against the stack's database (as an operator would)."""
        result = subprocess.run(  # noqa: S603 - the project's manage.py with fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def query(self, expression: str, *, imports: str = ""):
        """Evaluates a Python expression against the stack's database and returns its JSON value: how a
        journey checks what happened behind the pages (a notification sent once, a task saved). One Django
        process (stack_shell.py) answers every query of the run."""
        if self.shell is None:
            self.shell = subprocess.Popen(  # noqa: S603 - our own script with the stack's environment
                [sys.executable, "-m", "tests.browser.stack_shell"],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            self.processes.append(self.shell)
        self.shell.stdin.write(json.dumps({"imports": imports, "expression": expression}) + "\n")
        self.shell.stdin.flush()
        line = self.shell.stdout.readline()
        if not line:
            raise RuntimeError("the stack's shell stopped; see the test output for its traceback")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the stack's shell could not evaluate {expression!r}:\n{answer['error']}")
        return answer["value"]


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - the venv's own gunicorn and celery with fixed arguments
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def single_sign_on(stack: Stack, directory: Path) -> dict:
    """Starts the test provider with the stack's own callback as its client's redirect URI, and returns the
    environment that turns single sign-on on, as an operator would set it. Production settings accept the
    provider's http:// address only because the stack runs with HTTPS=false (plain HTTP on one machine)."""
    try:
        stack.provider = start_provider(directory, redirect_uris=[f"{stack.url}/oidc/callback/"])
    except ProviderUnavailable as reason:
        stack.no_provider = str(reason)  # the password journeys still run; the single sign-on ones skip (CI: fail)
        return {}
    return {
        "OIDC_ISSUER": stack.provider.issuer,
        "OIDC_RP_CLIENT_ID": stack.provider.client_id,
        "OIDC_RP_CLIENT_SECRET": stack.provider.client_secret,
        "OIDC_RP_SCOPES": "openid email profile",
        "OIDC_PROVIDER_NAME": SSO_PROVIDER_NAME,
        "OIDC_EXTERNAL_ID_CLAIM": SSO_EXTERNAL_ID_CLAIM,
    }


# Package-scoped: the journeys run together on one worker (--dist loadgroup), so the stack stops and Playwright's
# event loop ends as soon as the last journey is done, before that worker goes on to other tests.
@pytest.fixture(scope="package")
def stack(tmp_path_factory, django_db_setup, request):
    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if not answers("127.0.0.1", 5432) or not answers("127.0.0.1", 6379):
        missing("the browser journeys need PostgreSQL on 5432 and Redis on 6379")
    name = f"onramp_browser_{uuid.uuid4().hex[:8]}"
    queue = f"browser-{uuid.uuid4().hex[:8]}"
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.production",
        "SECRET_KEY": "browser-journeys-" + uuid.uuid4().hex,
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"{POSTGRES}/{name}",
        "CELERY_BROKER_URL": REDIS,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "REDIS_URL": REDIS,
        "LOG_FORMAT": "plain",
        "PYTHONUNBUFFERED": "1",
        # Semantic recall would have the stack's one Celery worker embed the whole demo before the journeys'
        # notifications; the journeys don't exercise it (tests/search/test_semantic.py does).
        "ONRAMP_SEMANTIC": "0",
    }
    # A copy of the run's migrated test database (the root conftest's migrated_copy) when there is one: the same
    # migrations, without running them a second time.
    copy = request.config.stash.get(MIGRATED_COPY, None)
    template = copy.template if copy else None
    if template:
        copy.clone(name)
    else:
        database_command(f'CREATE DATABASE "{name}"')
    stack = Stack(url=f"http://127.0.0.1:{port}", env=env)
    binaries = Path(sys.executable).parent
    try:
        env.update(single_sign_on(stack, tmp_path_factory.mktemp("oidc-provider")))
        # Static files are collected while the database is migrated and loaded: neither needs the other.
        static = start(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            env,
            ARTIFACTS / "collectstatic.log",
        )
        if template is None:
            stack.manage("migrate", "--noinput")
        # Production settings: the demo is loaded on purpose (test_production_demo.py checks what that leaves).
        stack.demo_output = stack.manage("load_demo", "--force")
        if static.wait(timeout=120):
            raise RuntimeError(f"collectstatic failed; see {ARTIFACTS / 'collectstatic.log'}")
        stack.processes.append(
            start(
                [str(binaries / "gunicorn"), "onramp.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                env,
                ARTIFACTS / "web.log",
            )
        )
        stack.processes.append(
            start(
                [sys.executable, "-m", "celery", "-A", "onramp", "worker", "--pool=solo", "-Q", queue, "-l", "info"],
                env,
                ARTIFACTS / "worker.log",
            )
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{stack.url}/health/", timeout=2) as response:  # noqa: S310 - our own server
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the web server did not become healthy; see {ARTIFACTS / 'web.log'}")
            time.sleep(0.5)
        yield stack
    finally:
        for process in stack.processes:
            process.terminate()
        for process in stack.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        if stack.provider is not None:
            stack.provider.stop()
        database_command(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="package")
def browser(stack, django_db_setup):
    # While Playwright's event loop runs in this worker's thread Django refuses to open connections, so the test
    # database is created before it starts.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield chromium
        chromium.close()


# The two windows the journeys run in: a phone's and a laptop's.
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}


@pytest.fixture(params=list(SIZES))
def size(request) -> str:
    """A journey that takes this fixture runs twice, at a phone's size and at a laptop's; `visit` opens every
    person's browser at that size."""
    return request.param


class Visitor:
    """One person's browser session on the stack."""

    def __init__(self, browser, stack: Stack, username: str | None, viewport: dict | None = None):
        self.stack = stack
        self.viewport = viewport or {"width": 1280, "height": 900}
        self.context = browser.new_context(base_url=stack.url, viewport=self.viewport)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        if username:
            self.sign_in(username)

    def sign_in(self, username: str) -> None:
        self.page.goto("/accounts/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(DEMO_PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()

    def follow_menu(self, link: str | re.Pattern) -> None:
        """Follows a link of the header's navigation as the person would: on a phone the navigation is folded
        behind the Menu button, which is opened first (the link must be out of sight until then)."""
        header = self.page.locator(".site-header")
        target = header.get_by_role("link", name=link, exact=isinstance(link, str))
        menu = header.locator(".menu-button")
        if menu.is_visible():
            assert not target.is_visible(), f"{link} shows before the Menu button is opened"
            menu.click()
        target.click()
        self.page.wait_for_load_state()

    def open_process(self, title: str) -> None:
        """Opens a process from the process tree: on a phone the tree is a closed drawer below the content."""
        tree = self.page.locator(".process-nav")
        target = tree.get_by_role("link", name=title, exact=True)
        drawer = tree.locator(".drawer-button")
        if drawer.is_visible():
            assert not target.is_visible(), "the process tree shows before its drawer is opened"
            drawer.click()
        target.click()
        self.page.wait_for_load_state()

    def screenshot(self, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def serious_accessibility_violations(self) -> list[dict]:
        """axe-core's serious and critical findings on the current page (evaluated through the DevTools
        protocol, so the page's content security policy does not block it)."""
        if not AXE.exists():
            missing("axe-core is not installed (npm ci)")
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        results = self.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": item["id"], "impact": item["impact"], "nodes": [node["target"] for node in item["nodes"][:5]]}
            for item in results["violations"]
            if item["impact"] in {"serious", "critical"}
        ]

    def close(self) -> None:
        self.context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture
def visit(request, browser, stack):
    visitors: list[Visitor] = []
    viewport = SIZES[request.getfixturevalue("size")] if "size" in request.fixturenames else None

    def open_as(username: str | None = None) -> Visitor:
        visitor = Visitor(browser, stack, username, viewport)
        visitors.append(visitor)
        return visitor

    yield open_as
    for number, visitor in enumerate(visitors, start=1):
        if getattr(request.node, "failed_call", False):
            # What each person's browser showed when the journey failed.
            visitor.screenshot(f"failed-{request.node.name}-{number}")
        visitor.close()


def pytest_collection_modifyitems(config, items):
    # One stack serves every journey: under xdist (--dist loadgroup) they all run in the same worker.
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
