"""Fuzzing the APIs on the running stack: schemathesis generates requests from each published OpenAPI schema
(valid and invalid input, boundary values, sequences of calls) and checks every answer gunicorn gives.

It lives among the browser journeys, though it drives no browser, because it needs what they need: Onramp as it
runs in production (gunicorn on PostgreSQL, production settings, the demo loaded), which the package-scoped `stack`
fixture starts once for the PostgreSQL pass. A second stack would cost another start-up and another database.
It fuzzes as demo people no journey signs in as, so what it writes changes no journey's page.

The runs are bounded (MAX_EXAMPLES random cases per operation, the coverage phase's fixed boundary values,
short stateful sequences; one worker; well under a minute each) and deterministic (`--generation-deterministic`:
the same schema and data give the same requests), so a failure reproduces with the command in
test-artifacts/browser/api-fuzz/<run>/command.txt. schemathesis' report is in the failure message, and its
output, JUnit and HAR files (every request and answer) are kept beside the command.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
FUZZ_ARTIFACTS = ARTIFACTS / "api-fuzz"
MAX_EXAMPLES = 8
# The journeys never sign in as these demo people, so what the fuzzing writes as them changes no journey's page.
HIRE = "kasia.wrobel"  # a new hire with an onboarding, a buddy, check-ins, self-assessments and gaps they raised
PROGRAM_ADMIN = "nadia.kowalska"  # in the demo's Managers group: sees every onboarding
USERS = "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; User = get_user_model()"


def token_for(stack, username: str) -> str:
    """A real APIToken of the demo person's, made on the stack as the admin would (Account, API tokens)."""
    return stack.query(
        f"APIToken.create_token(user=User.objects.get(username={username!r}), name='schemathesis')[1]",
        imports=USERS,
    )


def known_ids(stack, username: str | None) -> dict[str, list[int]]:
    """Ids of what the person has (their onboarding, its check-ins and milestones, their notifications and revision
    tasks; everyone's with None), of the gaps everyone sees and of live pages, by the name of the path parameter
    that takes them: fuzzed ids alone meet only 404s, these reach the operations' own rules."""
    return stack.query(
        "{"
        "'onboarding_id': ids(Onboarding.objects.filter(**of('hire'))),"
        "'check_in_id': ids(CheckIn.objects.filter(**of('onboarding__hire'))),"
        "'milestone_id': ids(Milestone.objects.filter(**of('onboarding__hire'))),"
        "'notification_id': ids(Notification.objects.filter(**of('recipient'))),"
        "'task_id': ids(RevisionTask.objects.filter(**of('assignee'))),"
        "'gap_id': ids(Gap.objects.all()),"
        "'page_id': ids(Page.objects.live().filter(depth__gt=1)),"
        "}",
        imports=(
            "from wagtail.models import Page\n"
            "from buddies.models import CheckIn, Milestone, Onboarding\n"
            "from forums.models import Gap, RevisionTask\n"
            "from inbox.models import Notification\n"
            f"username = {username!r}\n"
            "def of(relation): return {relation + '__username': username} if username else {}\n"
            "def ids(objects): return list(objects.order_by('pk').values_list('pk', flat=True)[:10])"
        ),
    )


def configuration(ids: dict[str, list[int]]) -> str:
    """schemathesis.toml: each path id is one of `ids` half of the time, and generated the other half."""
    lines = []
    for name, values in ids.items():
        if values:
            lines += [f"[dictionaries.{name}]", f"values = {values!r}", ""]
    lines.append("[parameters]")
    lines += [
        f'"path.{name}" = {{ dictionary = "{name}", probability = 0.5 }}' for name, values in ids.items() if values
    ]
    return "\n".join(lines) + "\n"


def fuzz(
    stack, schema: str, token: str, *, name: str, checks: list[str], ids: dict | None = None, options: list[str] = ()
) -> None:
    report = FUZZ_ARTIFACTS / name
    shutil.rmtree(report, ignore_errors=True)
    report.mkdir(parents=True)
    config = report / "schemathesis.toml"
    config.write_text(configuration(ids or {}), encoding="utf-8")
    command = [
        str(SCHEMATHESIS),
        "--no-color",
        "--config-file",
        str(config),
        "run",
        f"{stack.url}{schema}",
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        ",".join(checks),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-deterministic",
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "--report",
        "junit,har",
        "--report-junit-path",
        str(report / "junit.xml"),
        "--report-har-path",
        str(report / "requests.har"),
        *options,
    ]
    shown = [
        argument if not argument.startswith("Authorization:") else "Authorization: Bearer …" for argument in command
    ]
    (report / "command.txt").write_text(shlex.join(shown) + "\n", encoding="utf-8")
    # Run in the report's folder, where schemathesis keeps its cache of failures (.schemathesis/) too.
    result = subprocess.run(  # noqa: S603 - the venv's schemathesis with our own arguments
        command, cwd=report, capture_output=True, text=True, timeout=300, check=False
    )
    (report / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, (
        f"schemathesis found problems in {schema} (exit {result.returncode}; reports in {report}):\n"
        f"{result.stdout}\n{result.stderr}"
    )


# Onramp's own API, declared by its routers and api/problems.py: every answer is checked against the schema, and
# a call without the token must be refused (ignored_auth), invalid input too (negative_data_rejection).
ONRAMP_CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "ignored_auth",
    "negative_data_rejection",
]
# Wagtail's API v3 declares only the success of each operation (no 401, 404 or 422), so the status codes and the
# refusal of invalid input are not checked against its schema: Wagtail's schema, not ours, would be wrong.
WAGTAIL_CHECKS = ["not_a_server_error", "content_type_conformance", "response_schema_conformance", "ignored_auth"]
WRITES = [option for method in ("POST", "PUT", "PATCH", "DELETE") for option in ("--exclude-method", method)]


def test_onramp_api_answers_within_its_schema_for_a_new_hire(stack):
    """Every operation of /api/v1/, writes included (flagging gaps, recording check-ins, ticking milestones on
    the hire's own onboarding), with valid and invalid input."""
    fuzz(
        stack,
        "/api/v1/openapi.json",
        token_for(stack, HIRE),
        name="v1-new-hire",
        ids=known_ids(stack, HIRE),
        checks=ONRAMP_CHECKS,
    )


def test_onramp_api_answers_within_its_schema_for_a_program_admin(stack):
    """The reads of /api/v1/ as a program admin, who sees every onboarding: the branches a hire never reaches.
    Reads only, and valid input only (the hire's run tries the invalid): a program admin's writes would change
    the onboardings the journeys use."""
    fuzz(
        stack,
        "/api/v1/openapi.json",
        token_for(stack, PROGRAM_ADMIN),
        name="v1-program-admin",
        ids=known_ids(stack, None),
        checks=ONRAMP_CHECKS,
        options=["--include-method", "GET", "--mode", "positive"],
    )


def test_the_pages_api_answers_within_its_schema(stack):
    """The page reads of Wagtail's API v3 (/api/v3/pages/..., behind Onramp's page rules in api/pages.py).
    Its writes are left out: Wagtail's own code, whose fuzzing would create, move, publish and delete the demo's
    pages under the journeys (and which answers a JSON body that is not an object with a server error)."""
    fuzz(
        stack,
        "/api/v3/openapi.json",
        token_for(stack, HIRE),
        name="v3-pages",
        ids=known_ids(stack, HIRE),
        checks=WAGTAIL_CHECKS,
        options=["--include-path-regex", "^/api/v3/pages/", *WRITES],
    )
