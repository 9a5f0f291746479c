"""Import throughput for the real handbook: its people, 883 pages and edit history into a fresh SQLite
database. Targets: at least 50 pages a second, at most 500 MB of peak memory."""

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, Result, emit  # noqa: E402

HANDBOOK = ROOT.parent / "shared" / "corpora" / "handbook"
TARGET_PAGES_PER_SECOND, TARGET_PEAK_MB = 50, 500


def measure(_size: int) -> None:
    database = Path(os.environ["BENCH_DATABASE"])
    database.unlink(missing_ok=True)  # always a fresh database
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from imports.markdown_tree import import_markdown_tree
    from imports.people import import_people
    from imports.sources import DirectorySource

    call_command("migrate", verbosity=0)
    owner = get_user_model().objects.create_superuser("importer", "importer@example.com", "x")
    from wagtail.models import Site

    started = time.perf_counter()
    import_people((HANDBOOK / "people.csv").read_text(encoding="utf-8"))
    report = import_markdown_tree(
        DirectorySource(HANDBOOK / "pages"),
        under=Site.objects.get(is_default_site=True).root_page,
        owner=owner,
        history_text=(HANDBOOK / "history.csv").read_text(encoding="utf-8"),
    )
    elapsed = time.perf_counter() - started
    # The importing process and the converting one: the sum of their peaks bounds the peak of the two.
    peak_kb = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    peak_mb = peak_kb / 1024
    rate = report.files / report.seconds
    label = f"{report.files} pages, {report.history.recorded:,} edits"
    emit(
        Result(
            "import",
            "handbook: pages per second",
            report.files,
            label,
            elapsed * 1000,
            elapsed * 1000,
            None,
            measure=f"{rate:.1f} pages/s",
            target=f">= {TARGET_PAGES_PER_SECOND} pages/s",
            passed=rate >= TARGET_PAGES_PER_SECOND,
        )
    )
    emit(
        Result(
            "import",
            "handbook: peak memory",
            report.files,
            label,
            elapsed * 1000,
            elapsed * 1000,
            None,
            measure=f"{peak_mb:.0f} MB",
            target=f"<= {TARGET_PEAK_MB} MB",
            passed=peak_mb <= TARGET_PEAK_MB,
        )
    )


if __name__ == "__main__":
    measure(int(sys.argv[2]))
