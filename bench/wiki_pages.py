"""Render-time benchmark of the wiki: p50/p95 and query counts for the home, a process and an article page.

Builds a generated wiki of each size once (kept in bench/data/), then renders each page through Django's
full request cycle as a signed-in reader. Run with `make bench`.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SIZES = [int(size) for size in os.environ.get("BENCH_WIKI_SIZES", "500,10000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
TARGET_ARTICLE_P95_MS = 50


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in SIZES:
        database = DATA / f"wiki-{size}.sqlite3"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "onramp.settings.bench", "BENCH_DATABASE": str(database)}
        output = subprocess.run(  # noqa: S603 - runs this same script with the venv's Python
            [sys.executable, __file__, "--measure", str(size)], env=env, check=True, stdout=subprocess.PIPE, text=True
        ).stdout
        rows.extend(line.split("\t") for line in output.splitlines() if line.startswith("row\t"))
    print_report(rows)


def print_report(rows: list[list[str]]) -> None:
    header = f"{'benchmark':<28} {'pages':>7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  {'target':<24} result"
    lines = ["## Wiki page rendering (SQLite)", "", "```", header, "-" * len(header)]
    # Queries must not grow with the wiki: the count at each size may not exceed the count at the smallest.
    fewest_pages: dict[str, tuple[int, int]] = {}
    for row in rows:
        size, queries = int(row[2]), int(row[5])
        if row[1] not in fewest_pages or size < fewest_pages[row[1]][0]:
            fewest_pages[row[1]] = (size, queries)
    for _, view, size, p50, p95, queries in rows:
        target, result = "", ""
        if view == "article":
            target = f"p95 <= {TARGET_ARTICLE_P95_MS} ms"
            result = "pass" if float(p95) <= TARGET_ARTICLE_P95_MS else "miss"
        steady = int(queries) <= fewest_pages[view][1]
        target = f"{target}; queries flat" if target else "queries flat"
        result = f"{result + ', ' if result else ''}{'pass' if steady else 'miss'}"
        lines.append(f"{view + ' page':<28} {size:>7} {p50:>8} {p95:>8} {queries:>8}  {target:<24} {result}")
    lines.append("```")
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "report.md").write_text(report + "\n")


def measure(size: int) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wiki.models import ArticlePage, ProcessPage

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        build_wiki(size)
    reader = ensure_reader()
    client = Client()
    client.force_login(reader)
    process = ProcessPage.objects.filter(depth=4).order_by("path").first()
    article = ArticlePage.objects.order_by("path")[size // 2]
    for view, url in [("home", "/"), ("process", process.url), ("article", article.url)]:
        for _ in range(20):
            assert client.get(url).status_code == 200, url
        timings = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p50 = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"row\t{view}\t{size}\t{p50:.1f}\t{p95:.1f}\t{len(queries)}")


def ensure_reader():
    from django.contrib.auth import get_user_model

    reader, _ = get_user_model().objects.get_or_create(username="bench-reader", defaults={"first_name": "Bench"})
    return reader


def build_wiki(size: int) -> None:
    """Generates `size` articles under areas and processes (100 articles a process, 10 processes an area)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from wagtail.models import Site

    from expertise.models import Topic
    from onramp.demo.loader import stream_data
    from wiki.models import ArticlePage, PageTopic, ProcessPage

    home = Site.objects.get(is_default_site=True).root_page
    owners = [get_user_model().objects.create(username=f"owner{n}", first_name=f"Owner {n}") for n in range(50)]
    topics = [Topic.objects.create(name=f"Topic {n}") for n in range(100)]
    body = stream_data(
        [
            ("heading", "Before you start"),
            ("text", "<p>Check that the purchase order is released and the goods receipt is posted.</p>"),
            ("steps", "Post the invoice", [("<p>Open the invoice inbox.</p>", "ZAP_INBOX"), ("<p>Match.</p>", "MIRO")]),
            ("callout", "customisation", "<p>We park every invoice above 10,000 EUR for a second look.</p>"),
            ("heading", "Tolerances"),
            ("table", "Tolerance keys", ["Key", "Meaning"], [["PP", "Price variance"], ["BD", "Small differences"]]),
            ("who_to_ask", [topics[0].name], "for anything about tolerances"),
        ],
        topics={topic.name: topic for topic in topics},
    )
    per_process, per_area = 100, 10
    created = 0
    area_number = 0
    started = time.perf_counter()
    while created < size:
        with transaction.atomic():
            area = home.add_child(
                instance=ProcessPage(title=f"Area {area_number}", slug=f"area-{area_number}", page_owner=owners[0])
            )
            for process_number in range(per_area):
                if created >= size:
                    break
                process = area.add_child(
                    instance=ProcessPage(
                        title=f"Process {area_number}.{process_number}",
                        slug=f"process-{process_number}",
                        page_owner=owners[process_number % len(owners)],
                    )
                )
                for article_number in range(min(per_process, size - created)):
                    article = process.add_child(
                        instance=ArticlePage(
                            title=f"Procedure {area_number}.{process_number}.{article_number}",
                            slug=f"procedure-{article_number}",
                            summary="How to post and release a vendor invoice against a purchase order.",
                            body=body,
                            page_owner=owners[created % len(owners)],
                        )
                    )
                    PageTopic.objects.create(content_object=article, tag=topics[created % len(topics)])
                    created += 1
        area_number += 1
        print(f"generated {created}/{size} pages ({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(int(sys.argv[2]))
    else:
        main()
