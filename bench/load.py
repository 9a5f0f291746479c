"""Load: requests per second and p50/p95/p99 for an article page and for Ask questions, with 20 concurrent
users for 60 seconds (wrk), against gunicorn on PostgreSQL and Redis (as production runs) with the Ask
benchmark's data set of SIZE pages and SIZE / 4 people. Targets: at least 200 article requests and 60 Ask
requests a second, zero errors. The database is built once and kept (see bench/ask.py)."""

import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ask  # noqa: E402
from common import ROOT, Result, emit  # noqa: E402

USERS = int(os.environ.get("BENCH_LOAD_USERS", "20"))
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
# Requests a second each page must sustain with USERS users on the two-core machine the figures are for.
TARGET_RATES = {"article page": 200, "Ask questions": 60}
POSTGRES = os.environ.get("BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/onramp_bench_ask")
# The cache production shares between its processes (README, "Running in production"), emptied before the run.
REDIS = os.environ.get("BENCH_LOAD_REDIS_URL", "redis://127.0.0.1:6379/9")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(size: int) -> tuple[str, str, str, list[str]]:
    """Builds the data set if needed; returns the secret key the session is signed with, a session cookie,
    an article path and Ask paths."""
    import django

    django.setup()
    from urllib.parse import urlencode

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils.module_loading import import_string

    from wiki.models import ArticlePage

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        ask.build(size)
    asker = get_user_model().objects.get(username="bench-asker")
    session = SessionStore()
    session["_auth_user_id"] = str(asker.pk)
    # The backend that reads the user back (the first may only guard sign-ins, as django-axes' does).
    session["_auth_user_backend"] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    session["_auth_user_hash"] = asker.get_session_auth_hash()
    session.create()
    article = ArticlePage.objects.live().order_by("pk")[size // 2].url
    rng = random.Random(7)
    questions = ["/ask/?" + urlencode({"q": ask.question(rng)}) for _ in range(50)]
    return settings.SECRET_KEY, session.session_key, article, questions


def procfile_command(process: str) -> str:
    """The command the Procfile gives `process`."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == process:
            return command.strip()
    raise SystemExit(f"The Procfile has no {process} process.")


def run_wrk(url: str, paths: list[str], cookie: str) -> dict:
    command = [
        "wrk",
        f"-t{min(USERS, 4)}",
        f"-c{USERS}",
        f"-d{SECONDS}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
        "-H",
        f"Cookie: sessionid={cookie}",
        url,
    ]
    output = subprocess.run(  # noqa: S603 - wrk with fixed arguments
        command, env={**os.environ, "WRK_PATHS": "|".join(paths)}, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(next(line[4:] for line in output.splitlines() if line.startswith("wrk ")))


def measure(size: int) -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("The load test needs wrk (apt-get install wrk).")
    ask.use_postgres(POSTGRES, size)
    secret_key, cookie, article, questions = prepare(size)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.production",
        "SECRET_KEY": secret_key,
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": REDIS,
        # As in the rest of the benchmark, the generated pages are not embedded (make eval-search measures
        # semantic recall), so Ask is BM25 alone.
        "ONRAMP_SEMANTIC": "false",
    }
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    # Production settings serve the hashed static files of the manifest: collected as a deploy would.
    subprocess.run(  # noqa: S603 - the venv's own manage.py with fixed arguments
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    # The web process as the Procfile starts it in production (its workers, threads and access log), on a free
    # port; the access log and gunicorn's own notices are not kept.
    web = procfile_command("web")
    server = subprocess.Popen(  # noqa: S603 - the Procfile's own command, through the venv's gunicorn
        ["/bin/sh", "-c", f"exec {web}"],
        cwd=ROOT,
        env={
            **env,
            "BIND": f"127.0.0.1:{port}",
            "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
            "GUNICORN_CMD_ARGS": "--log-level warning",
        },
        stdout=subprocess.DEVNULL,
    )
    processes, threads = (
        os.environ.get(name) or re.search(rf"\$\{{{name}:-(\d+)\}}", web).group(1)
        for name in ("WEB_CONCURRENCY", "WEB_THREADS")
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Workers start slowly on a busy machine: wait for them rather than fail the run.
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health/", timeout=10):  # noqa: S310 - our own server
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        cookie_header = {"Cookie": f"sessionid={cookie}"}
        signed_in = urllib.request.Request(f"{base}{article}", headers=cookie_header)  # noqa: S310 - our own server
        with urllib.request.urlopen(signed_in, timeout=10) as response:  # noqa: S310 - our own server
            if not response.url.endswith(article):
                raise SystemExit(f"The load test's session was not accepted: {article} led to {response.url}")
        label = (
            f"{size:,} pages, {size // 4:,} people (PostgreSQL, gunicorn as the Procfile runs it: {processes} "
            f"workers of {threads} threads)"
        )
        for name, paths in (("article page", [article]), ("Ask questions", questions)):
            figures = run_wrk(base, paths, cookie)
            rate = figures["requests"] / figures["seconds"]
            emit(
                Result(
                    "load",
                    f"{name}: {USERS} users for {SECONDS} s",
                    size,
                    label,
                    figures["p50_ms"],
                    figures["p95_ms"],
                    None,
                    measure=f"{rate:.0f} req/s, p99 {figures['p99_ms']:.0f} ms, {figures['errors']} errors",
                    target=f">= {TARGET_RATES[name]} req/s, 0 errors",
                    passed=figures["errors"] == 0 and rate >= TARGET_RATES[name],
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    measure(int(sys.argv[2]))
