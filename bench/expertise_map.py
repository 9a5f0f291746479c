"""Benchmarks of the expertise map: "who knows X", the map of one process area, and a full recompute.

At full size: 5,000 people, 300 topics in 10 process areas, 200,000 evidence rows (40 a person, mostly
on the topics of their home area, spread over three years). Built once into bench/data/.
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, count_queries, emit, timings  # noqa: E402

TOPICS, AREAS, EVIDENCE_PER_PERSON, TOPICS_PER_PERSON = 300, 10, 40, 8
TARGET_WHO_KNOWS_MS, TARGET_MAP_MS, TARGET_RECOMPUTE_MS = 50, 300, 60_000
MAP_ROWS = 300


def measure(people: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from expertise.models import Evidence, Topic
    from expertise.ranking import rank_people_for
    from expertise.scoring import recompute_all_scores
    from wiki.models import ProcessPage
    from wiki.topics import topics_for_text

    call_command("migrate", verbosity=0)
    if not Evidence.objects.exists():
        build_organisation(people)
    evidence = Evidence.objects.count()
    label = f"{people:,} people, {evidence:,} evidence"

    start = time.perf_counter()
    recompute_all_scores()
    elapsed = (time.perf_counter() - start) * 1000
    emit(Result("expertise", "full recompute", people, label, elapsed, elapsed, None, TARGET_RECOMPUTE_MS))

    rng = random.Random(7)
    topic_names = list(Topic.objects.values_list("name", flat=True))
    askers = list(get_user_model().objects.order_by("?")[:50])

    def who_knows():
        rank_people_for(topics=topics_for_text(rng.choice(topic_names)), asker=rng.choice(askers))

    p50, p95 = timings(who_knows)
    queries = count_queries(lambda: rank_people_for(topics=topics_for_text(topic_names[0]), asker=askers[0]))
    emit(Result("expertise", "who knows X", people, label, p50, p95, queries, TARGET_WHO_KNOWS_MS))

    client = Client()
    client.force_login(askers[0])
    area = ProcessPage.objects.filter(depth=3).order_by("path").first()
    url = f"/map/?area={area.pk}&per_page={MAP_ROWS}"
    assert client.get(url).status_code == 200
    p50, p95 = timings(lambda: client.get(url), runs=50, warmup=3)
    queries = count_queries(lambda: client.get(url))
    emit(Result("expertise", f"map of one area ({MAP_ROWS} rows)", people, label, p50, p95, queries, TARGET_MAP_MS))


def build_organisation(people: int) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Site

    from expertise.models import Evidence, EvidenceKind, Profile, Team, Topic
    from wiki.models import ArticlePage, PageTopic, ProcessPage

    rng = random.Random(42)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        User = get_user_model()
        User.objects.bulk_create(
            [User(username=f"person{n}", first_name="Person", last_name=str(n)) for n in range(people)]
        )
        users = list(User.objects.order_by("pk").values_list("pk", flat=True))
        teams = Team.objects.bulk_create([Team(name=f"Team {n}", slug=f"team-{n}") for n in range(20)])
        zones = ["Europe/London", "Europe/Warsaw", "America/Chicago", "Asia/Kolkata"]
        Profile.objects.bulk_create(
            [
                Profile(user_id=pk, team=teams[i % len(teams)], time_zone=zones[i % len(zones)], title="Analyst")
                for i, pk in enumerate(users)
            ],
            ignore_conflicts=True,
        )
        topics = Topic.objects.bulk_create([Topic(name=f"Topic {n:03d}", slug=f"topic-{n:03d}") for n in range(TOPICS)])
        home = Site.objects.get(is_default_site=True).root_page
        owner = User.objects.get(pk=users[0])
        per_area = TOPICS // AREAS
        for area_number in range(AREAS):
            area = home.add_child(
                instance=ProcessPage(title=f"Area {area_number}", slug=f"area-{area_number}", page_owner=owner)
            )
            for offset in range(per_area):
                topic = topics[area_number * per_area + offset]
                article = area.add_child(
                    instance=ArticlePage(title=f"About {topic.name}", slug=f"about-{topic.slug}", page_owner=owner)
                )
                PageTopic.objects.create(content_object=article, tag=topic)
        kinds = [
            (EvidenceKind.PAGE_EDITED, 1.0),
            (EvidenceKind.PAGE_OWNED, 1.5),
            (EvidenceKind.PAGE_VERIFIED, 0.5),
            (EvidenceKind.ENDORSED, 1.0),
            (EvidenceKind.SELF_ASSESSED, 2.25),
        ]
        batch = []
        for index, person in enumerate(users):
            home_area = index % AREAS
            own = rng.sample(range(home_area * per_area, (home_area + 1) * per_area), TOPICS_PER_PERSON - 2)
            chosen = own + rng.sample(range(TOPICS), 2)
            for number in range(EVIDENCE_PER_PERSON):
                kind, weight = kinds[number % len(kinds)]
                batch.append(
                    Evidence(
                        person_id=person,
                        topic=topics[chosen[number % len(chosen)]],
                        kind=kind,
                        weight=weight,
                        occurred_at=now - timedelta(days=rng.randint(0, 3 * 365)),
                    )
                )
            if len(batch) >= 20_000:
                Evidence.objects.bulk_create(batch, batch_size=5000)
                batch = []
        Evidence.objects.bulk_create(batch, batch_size=5000)
    print(f"built {people} people in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    measure(int(sys.argv[2]))
