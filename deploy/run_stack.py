"""Runs every process of the Procfile (web, worker, beat) in the foreground, each line prefixed with its
name; stops them all when one exits or on Ctrl-C. A small stand-in for honcho or foreman, so that
`make run-stack` needs nothing beyond the project's own dependencies."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_procfile(path: Path) -> dict[str, str]:
    processes = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, separator, command = line.partition(":")
        if not separator or not command.strip():
            raise SystemExit(f"{path.name}, line {number}: expected “name: command”")
        processes[name.strip()] = command.strip()
    return processes


def relay(name: str, stream) -> None:
    for line in stream:
        sys.stdout.write(f"{name:>6} | {line}")
        sys.stdout.flush()


def main() -> int:
    binaries = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": binaries + os.pathsep + os.environ.get("PATH", ""), "PYTHONUNBUFFERED": "1"}
    children = {}
    for name, command in read_procfile(ROOT / "Procfile").items():
        child = subprocess.Popen(  # noqa: S602 - the Procfile's own commands, which use the shell's ${VAR:-default}
            command,
            shell=True,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=relay, args=(name, child.stdout), daemon=True).start()
        children[name] = child
    stopping = threading.Event()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda *_: stopping.set())
    while not stopping.wait(0.5):
        ended = [name for name, child in children.items() if child.poll() is not None]
        if ended:
            print(f"{ended[0]} exited with {children[ended[0]].returncode}: stopping the others", flush=True)
            break
    for child in children.values():
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    for child in children.values():
        try:
            child.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
    return 0 if stopping.is_set() else 1


if __name__ == "__main__":
    sys.exit(main())
