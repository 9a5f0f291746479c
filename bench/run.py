"""`make bench`: every benchmark at every size, one table at the end, also written to bench/report.md."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPORT, measure_in_process, report  # noqa: E402

HERE = Path(__file__).resolve().parent
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# (script, sizes, extra environment): each size runs in a process of its own.
SUITES = [
    ("wiki_pages.py", os.environ.get("BENCH_WIKI_SIZES", "500,10000"), {}),
    ("expertise_map.py", os.environ.get("BENCH_PEOPLE_SIZES", "500,5000"), {}),
    ("handbook_import.py", "883", {}),
    ("onboarding.py", os.environ.get("BENCH_ONBOARDING_SIZES", "250,1000"), {}),
    ("trainer_dashboard.py", os.environ.get("BENCH_GAP_SIZES", "1000,10000"), {}),
    ("ask.py", os.environ.get("BENCH_ASK_SIZES", "2000,20000"), {}),
    (
        "ask.py",
        os.environ.get("BENCH_ASK_POSTGRES_SIZES", "20000"),
        {"BENCH_ASK_DATABASE_URL": f"{POSTGRES}/onramp_bench_ask"},
    ),
    # The load test shares the PostgreSQL data set of the Ask benchmark.
    (
        "load.py",
        os.environ.get("BENCH_LOAD_SIZES", "20000"),
        {"BENCH_LOAD_DATABASE_URL": f"{POSTGRES}/onramp_bench_ask"},
    ),
]


def main() -> None:
    results = []
    for script, sizes, env in SUITES:
        for size in sizes.split(","):
            if size.strip():
                results.extend(measure_in_process(HERE / script, int(size), env=env))
    table = report(results)
    print(table)
    REPORT.write_text(table)
    print(f"Written to {REPORT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
