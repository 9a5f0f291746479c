"""What every benchmark shares: timing, running a suite at a data size in its own process, the report."""

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
REPORT = ROOT / "bench" / "report.md"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))


@dataclass
class Result:
    suite: str
    benchmark: str
    size: int
    size_label: str
    p50_ms: float
    p95_ms: float
    queries: int | None
    target_p95_ms: float | None = None
    # For benchmarks that are not latencies (throughput, memory): the figure, its target and the verdict.
    measure: str = ""
    target: str = ""
    passed: bool | None = None


def timings(action: Callable[[], object], *, runs: int = REQUESTS, warmup: int = 20) -> tuple[float, float]:
    """p50 and p95 in milliseconds of `runs` calls of `action`, after `warmup` calls."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1]


def count_queries(action: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def emit(result: Result) -> None:
    """Called inside a measuring process: hands one result to the parent."""
    print("result " + json.dumps(asdict(result)), flush=True)


def measure_in_process(script: Path, size: int, *, env: dict[str, str] | None = None) -> list[Result]:
    """Runs `script --measure SIZE` on its own database file (unless `env` points it at another database)
    and collects what it emits."""
    DATA.mkdir(parents=True, exist_ok=True)
    database = DATA / f"{script.stem}-{size}.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.bench",
        "BENCH_DATABASE": str(database),
        **(env or {}),
    }
    output = subprocess.run(  # noqa: S603 - runs a benchmark script of this repository with the venv's Python
        [sys.executable, str(script), "--measure", str(size)], env=env, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    return [Result(**json.loads(line[len("result ") :])) for line in output.splitlines() if line.startswith("result ")]


def report(results: list[Result]) -> str:
    """One table: data size, p50, p95, query count, target, pass or miss. Query counts must not grow with the
    data: at every size they may not exceed the count at the smallest size of the same benchmark."""
    smallest: dict[tuple[str, str], Result] = {}
    for result in results:
        key = (result.suite, result.benchmark)
        if key not in smallest or result.size < smallest[key].size:
            smallest[key] = result
    widths = {"benchmark": 42, "data": 32, "p50 ms": 7, "p95 ms": 7, "queries": 7, "target": 34, "result": 30}
    header = "| " + " | ".join(name.ljust(width) for name, width in widths.items()) + " |"
    rule = "|" + "|".join("-" * (width + 2) for width in widths.values()) + "|"
    lines = ["# Onramp benchmarks", "", header, rule]
    for result in results:
        targets, verdicts = [], []
        if result.target_p95_ms is not None:
            targets.append(f"p95 <= {result.target_p95_ms:g} ms")
            verdicts.append(result.p95_ms <= result.target_p95_ms)
        if result.queries is not None:
            targets.append("queries flat")
            verdicts.append(result.queries <= smallest[(result.suite, result.benchmark)].queries)
        if result.passed is not None:
            targets.append(result.target)
            verdicts.append(result.passed)
        verdict = ("pass" if all(verdicts) else "miss") if verdicts else "no target"
        queries = "" if result.queries is None else str(result.queries)
        row = [
            f"{result.suite}: {result.benchmark}",
            result.size_label,
            f"{result.p50_ms:.1f}",
            f"{result.p95_ms:.1f}",
            queries,
            "; ".join(targets),
            f"{verdict} ({result.measure})" if result.measure else verdict,
        ]
        lines.append(
            "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths.values(), strict=True)) + " |"
        )
    return "\n".join(lines) + "\n"
