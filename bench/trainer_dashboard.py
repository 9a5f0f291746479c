"""Benchmark of the trainer dashboard: the gap queue grouped by process and topic, tasks by status, overdue
tasks, the monthly chart and the candidate gaps, at 1,000 and 10,000 gaps. Built once into bench/data/."""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, count_queries, emit, timings  # noqa: E402

# The benchmark scripts sit beside each other; once `common` is imported, take their folder off the path so
# that a script named like an app (bench/buddies.py) cannot shadow the app's package.
HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

PROCESSES, TOPICS, PEOPLE = 12, 60, 300
TARGET_DASHBOARD_MS = 150


def measure(gaps: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from forums.models import Gap

    call_command("migrate", verbosity=0)
    if not Gap.objects.exists():
        build_queue(gaps)
    label = f"{Gap.objects.count():,} gaps"
    client = Client()
    client.force_login(get_user_model().objects.get(username="trainer"))
    url = "/forums/dashboard/"
    assert client.get(url).status_code == 200
    p50, p95 = timings(lambda: client.get(url), runs=100, warmup=5)
    queries = count_queries(lambda: client.get(url))
    emit(Result("forums", "trainer dashboard", gaps, label, p50, p95, queries, TARGET_DASHBOARD_MS))


def build_queue(gaps: int) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Site

    from expertise.models import Profile, Topic
    from forums.models import (
        Gap,
        GapSource,
        GapStatus,
        GapTopic,
        Raiser,
        RevisionTask,
        TaskKind,
        TaskStatus,
    )
    from wiki.models import ArticlePage, PageFeedback, ProcessPage

    rng = random.Random(11)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        User = get_user_model()
        User.objects.bulk_create(
            [User(username=f"person{n}", first_name="Person", last_name=str(n)) for n in range(PEOPLE)]
        )
        trainer = User.objects.create(username="trainer", first_name="Carrie", last_name="Trainer")
        trainer.user_permissions.add(Permission.objects.get(codename="triage_gap"))
        people = list(User.objects.values_list("pk", flat=True))
        Profile.objects.bulk_create([Profile(user_id=pk) for pk in people], ignore_conflicts=True)
        topics = Topic.objects.bulk_create([Topic(name=f"Topic {n:03d}", slug=f"topic-{n:03d}") for n in range(TOPICS)])
        home = Site.objects.get(is_default_site=True).root_page
        processes, articles = [], []
        for number in range(PROCESSES):
            process = home.add_child(
                instance=ProcessPage(title=f"Process {number}", slug=f"process-{number}", page_owner=trainer)
            )
            processes.append(process)
            articles.append(
                process.add_child(
                    instance=ArticlePage(title=f"Procedure {number}", slug=f"procedure-{number}", page_owner=trainer)
                )
            )
        statuses = [
            (GapStatus.NEW, 30),
            (GapStatus.TRIAGED, 15),
            (GapStatus.IN_REVISION, 10),
            (GapStatus.RESOLVED, 35),
            (GapStatus.DECLINED, 6),
            (GapStatus.DUPLICATE, 4),
        ]
        population = [status for status, weight in statuses for _ in range(weight)]
        rows = []
        for number in range(gaps):
            status = rng.choice(population)
            created = now - timedelta(days=rng.randint(0, 730), hours=rng.randint(0, 23))
            closed = (
                created + timedelta(days=rng.randint(1, 60))
                if status in ("resolved", "declined", "duplicate")
                else None
            )
            index = rng.randrange(PROCESSES + 1)
            rows.append(
                Gap(
                    title=f"Gap {number}",
                    source=rng.choice(GapSource.values),
                    process_id=processes[index].pk if index < PROCESSES else None,
                    related_page_id=articles[index].pk if index < PROCESSES else None,
                    raised_by_id=rng.choice(people),
                    status=status,
                    decline_reason="Not a gap" if status == "declined" else "",
                    created_at=created,
                    closed_at=min(closed, now) if closed else None,
                )
            )
        Gap.objects.bulk_create(rows, batch_size=2000)
        gap_rows = list(Gap.objects.values_list("pk", "raised_by_id", "status", "process_id"))
        links, raisers, tasks = [], [], []
        for pk, raised_by, status, process_id in gap_rows:
            for topic in rng.sample(topics, 2):
                links.append(GapTopic(content_object_id=pk, tag=topic))
            raisers.append(Raiser(gap_id=pk, person_id=raised_by, how="raised"))
            for other in {rng.choice(people) for _ in range(rng.randint(0, 2))} - {raised_by}:
                raisers.append(Raiser(gap_id=pk, person_id=other, how="me-too"))
            if status in ("triaged", "in-revision", "resolved") and process_id:
                task_status = (
                    TaskStatus.DONE if status == "resolved" else rng.choice(["open", "in-progress", "in-review"])
                )
                tasks.append(
                    RevisionTask(
                        gap_id=pk,
                        kind=TaskKind.PAGE,
                        page_id=process_id,
                        subject_title="Procedure",
                        assignee_id=rng.choice(people),
                        status=task_status,
                        due_date=(now + timedelta(days=rng.randint(-30, 30))).date(),
                    )
                )
        GapTopic.objects.bulk_create(links, batch_size=5000)
        Raiser.objects.bulk_create(raisers, batch_size=5000)
        RevisionTask.objects.bulk_create(tasks, batch_size=5000)
        PageFeedback.objects.bulk_create(
            [
                PageFeedback(
                    page_id=rng.choice(articles).pk, helpful=False, reason="unclear", user_id=rng.choice(people)
                )
                for _ in range(gaps // 20)
            ],
            ignore_conflicts=True,  # one vote per person and page: a repeated random pair is skipped
        )
    print(f"built {gaps} gaps in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    measure(int(sys.argv[2]))
