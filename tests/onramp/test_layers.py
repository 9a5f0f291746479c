"""`make lint` checks the import contracts in pyproject.toml: one import against the layer order breaks it."""

import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def lint_imports_command() -> list[str]:
    """The contract check exactly as the Makefile's `lint` target runs it."""
    makefile = (ROOT / "Makefile").read_text()
    lint_target = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    line = next(line for line in lint_target.splitlines() if "lint-imports" in line)
    return shlex.split(line.strip().replace("$(BIN)", str(BIN)))


def copy_of_the_project(into: Path) -> Path:
    """Onramp's Python packages (the .py files only) and pyproject.toml."""
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    for package in packages:
        for source in (ROOT / package).rglob("*.py"):
            target = into / source.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copyfile(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(lint_imports_command(), cwd=cwd, capture_output=True, text=True, timeout=120)  # noqa: S603


def test_the_layers_hold_as_the_code_is(tmp_path):
    result = lint_imports(copy_of_the_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_backwards_import_breaks_make_lint(tmp_path):
    project = copy_of_the_project(tmp_path)
    with (project / "wiki" / "related.py").open("a") as module:
        module.write("\nimport search.views  # noqa: E402\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "Apps are layered" in result.stdout and "BROKEN" in result.stdout
    assert "wiki is not allowed to import search" in result.stdout
    assert "wiki.related -> search.views" in result.stdout


def test_a_shared_module_importing_an_app_breaks_make_lint(tmp_path):
    project = copy_of_the_project(tmp_path)
    with (project / "onramp" / "dates.py").open("a") as module:
        module.write("\n\ndef area_pages():\n    from wiki.models import ProcessPage\n\n    return ProcessPage\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "onramp's shared modules import no app BROKEN" in result.stdout
    assert "onramp.dates -> wiki.models" in result.stdout
