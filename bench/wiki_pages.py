"""Render-time benchmark of the wiki: p50/p95 and query counts for the home, a process and an article page.

Builds a generated wiki of each size once (kept in bench/data/), then renders each page through Django's
full request cycle as a signed-in reader. Run with `make bench`.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, count_queries, emit, timings  # noqa: E402

TARGET_ARTICLE_P95_MS = 50
# Every generated article has this body, written as the demo's handbook writes its articles.
ARTICLE = """## Before you start

Check that the purchase order is released and the goods receipt is posted.

Steps: Post the invoice

1. [ZAP_INBOX] Open the invoice inbox.
2. [MIRO] Match.

> [!CUSTOMISATION]
> We park every invoice above 10,000 EUR for a second look.

## Tolerances

Table: Tolerance keys

| Key | Meaning |
| --- | --- |
| PP | Price variance |
| BD | Small differences |

> [!ASK] Topic 0
> for anything about tolerances
"""


def measure(size: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from wiki.models import ArticlePage, ProcessPage

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        build_wiki(size)
    client = Client()
    client.force_login(ensure_reader())
    process = ProcessPage.objects.filter(depth=4).order_by("path").first()
    article = ArticlePage.objects.order_by("path")[size // 2]
    for view, url, target in [
        ("home page", "/", None),
        ("process page", process.url, None),
        ("article page", article.url, TARGET_ARTICLE_P95_MS),
    ]:
        assert client.get(url).status_code == 200, url
        p50, p95 = timings(lambda url=url: client.get(url))
        emit(
            Result(
                suite="wiki",
                benchmark=view,
                size=size,
                size_label=f"{size:,} articles",
                p50_ms=p50,
                p95_ms=p95,
                queries=count_queries(lambda url=url: client.get(url)),
                target_p95_ms=target,
            )
        )


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
    from imports.markdown import read_document
    from onramp.demo.handbook import article_blocks
    from wiki.models import ArticlePage, PageTopic, ProcessPage

    home = Site.objects.get(is_default_site=True).root_page
    owners = [get_user_model().objects.create(username=f"owner{n}", first_name=f"Owner {n}") for n in range(50)]
    topics = [Topic.objects.create(name=f"Topic {n}") for n in range(100)]
    body = article_blocks(
        read_document(ARTICLE.encode(), path="article.md"), topics={topic.name: topic for topic in topics}, pages={}
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
    measure(int(sys.argv[2]))
