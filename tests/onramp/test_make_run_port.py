"""`make run PORT=…` serves on that port and says so; without it, on 8000. Checked with `make -n`, which prints
the recipe's commands without running them."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def run_recipe(*variables: str) -> str:
    # The stamp prerequisite may be out of date; -n prints its commands too but runs none of them.
    result = subprocess.run(  # noqa: S603
        ["make", "-n", "run", *variables],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_make_run_serves_on_the_port_it_is_given():
    recipe = run_recipe("PORT=8123")
    assert "runserver 127.0.0.1:8123" in recipe
    assert "http://127.0.0.1:8123 (admin: http://127.0.0.1:8123/admin/)" in recipe
    assert ":8000" not in recipe


def test_make_run_serves_on_8000_by_default():
    recipe = run_recipe()
    assert "runserver 127.0.0.1:8000" in recipe
    assert "Onramp is starting on http://127.0.0.1:8000" in recipe
