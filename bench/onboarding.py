"""Benchmarks of the buddy program: matching a cohort of 200 new hires against 2,000 volunteer buddies, and
the buddy and program dashboards with SIZE active onboardings (5 milestones and 8 check-ins each).

Built once per size into bench/data/.
"""

import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, count_queries, emit, timings  # noqa: E402

CANDIDATES, COHORT_HIRES, TOPICS, AREAS, TEAMS = 2000, 200, 30, 6, 20
TARGET_MATCH_MS, TARGET_DASHBOARD_MS = 2000, 150


def measure(active: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from buddies.matching import match_cohort
    from buddies.models import Cohort, Onboarding

    call_command("migrate", verbosity=0)
    if not Onboarding.objects.exists():
        build_program(active)
    label = f"{active:,} active onboardings"

    cohort = Cohort.objects.get(name="Incoming")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        match = match_cohort(cohort)
        runs.append((time.perf_counter() - start) * 1000)
    elapsed = sorted(runs)[1]
    emit(
        Result(
            "buddies",
            f"match a cohort ({COHORT_HIRES} hires × {CANDIDATES:,} buddies)",
            active,
            label,
            elapsed,
            max(runs),
            None,
            measure=f"{elapsed:.0f} ms, {len(match.pairings)} paired",
            target=f"<= {TARGET_MATCH_MS} ms",
            passed=elapsed <= TARGET_MATCH_MS and len(match.pairings) == COHORT_HIRES,
        )
    )

    from django.contrib.auth import get_user_model

    User = get_user_model()
    buddy = User.objects.get(username="buddy0")
    admin = User.objects.get(username="program.admin")
    for name, user, url in [
        ("buddy dashboard", buddy, "/onboarding/new-hires/"),
        ("program dashboard", admin, "/onboarding/program/"),
    ]:
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 200, url
        p50, p95 = timings(lambda client=client, url=url: client.get(url), runs=100, warmup=5)
        queries = count_queries(lambda client=client, url=url: client.get(url))
        emit(Result("buddies", name, active, label, p50, p95, queries, TARGET_DASHBOARD_MS))


def build_program(active: int) -> None:
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Site

    from buddies.factories import make_plan
    from buddies.models import BuddyProfile, CheckIn, Cohort, Milestone, Onboarding, OnboardingStatus
    from buddies.plans import due_date
    from expertise.models import ExpertiseScore, Profile, Team, Topic
    from wiki.models import ProcessPage

    rng = random.Random(11)
    today = timezone.localdate()
    started = time.perf_counter()
    User = get_user_model()
    with transaction.atomic():
        teams = Team.objects.bulk_create([Team(name=f"Team {n}", slug=f"team-{n}") for n in range(TEAMS)])
        topics = Topic.objects.bulk_create([Topic(name=f"Topic {n:02d}", slug=f"topic-{n:02d}") for n in range(TOPICS)])
        home = Site.objects.get(is_default_site=True).root_page
        admin = User.objects.create(username="program.admin", first_name="Program", last_name="Admin")
        admin.user_permissions.add(Permission.objects.get(codename="view_all_onboardings"))
        areas = [
            home.add_child(instance=ProcessPage(title=f"Area {n}", slug=f"area-{n}", page_owner=admin))
            for n in range(AREAS)
        ]
        zones = ["Europe/London", "Europe/Warsaw", "America/Chicago", "Asia/Kolkata"]
        hires_needed = active + COHORT_HIRES
        User.objects.bulk_create(
            [User(username=f"buddy{n}", first_name="Buddy", last_name=str(n)) for n in range(CANDIDATES)]
            + [User(username=f"hire{n}", first_name="Hire", last_name=str(n)) for n in range(hires_needed)]
        )
        ids = dict(User.objects.values_list("username", "pk"))
        manager = User.objects.create(username="manager", first_name="Team", last_name="Manager")
        Profile.objects.update_or_create(user=manager, defaults={"start_date": date(2010, 1, 4)})
        profiles = [
            Profile(
                user_id=ids[f"buddy{n}"],
                team=teams[n % TEAMS],
                time_zone=zones[n % len(zones)],
                start_date=date(2015 + n % 8, 1 + n % 12, 1),
                manager=manager,
            )
            for n in range(CANDIDATES)
        ] + [
            Profile(user_id=ids[f"hire{n}"], team=teams[n % TEAMS], time_zone=zones[n % len(zones)], manager=manager)
            for n in range(hires_needed)
        ]
        Profile.objects.filter(user_id__in=[p.user_id for p in profiles]).delete()
        Profile.objects.bulk_create(profiles)
        buddies = BuddyProfile.objects.bulk_create(
            [
                BuddyProfile(user_id=ids[f"buddy{n}"], coaching_trained_on=date(2024, 1, 1) if n % 3 == 0 else None)
                for n in range(CANDIDATES)
            ]
        )
        BuddyProfile.process_areas.through.objects.bulk_create(
            [
                BuddyProfile.process_areas.through(buddyprofile_id=b.pk, processpage_id=areas[i % AREAS].pk)
                for i, b in enumerate(buddies)
            ]
        )
        ExpertiseScore.objects.bulk_create(
            [
                ExpertiseScore(person_id=ids[f"buddy{n}"], topic=topic, score=4, level="expert", rank=2)
                for n in range(CANDIDATES)
                for topic in rng.sample(topics, 3)
            ]
        )
        plan = make_plan(
            "Clerk",
            milestones=[(f"Milestone {d}", d, rng.sample(topics, 2)) for d in (1, 7, 30, 60, 90)],
        )
        running = Cohort.objects.create(
            name="Running", starts_on=today - timedelta(days=45), ends_on=today + timedelta(days=60)
        )
        incoming = Cohort.objects.create(
            name="Incoming", starts_on=today + timedelta(days=14), ends_on=today + timedelta(days=120)
        )
        # Active onboardings: the first buddies take two each, which leaves enough places for the new cohort.
        onboardings = Onboarding.objects.bulk_create(
            [
                Onboarding(
                    hire_id=ids[f"hire{n}"],
                    start_date=today - timedelta(days=rng.randint(5, 80)),
                    role="Clerk",
                    team=teams[n % TEAMS],
                    manager=manager,
                    buddy_id=ids[f"buddy{n // 2}"],
                    cohort=running,
                    plan_template=plan,
                    status=OnboardingStatus.ACTIVE,
                )
                for n in range(active)
            ]
        )
        template = list(plan.milestones.all())
        milestones, check_ins = [], []
        for onboarding in onboardings:
            for item in template:
                due = due_date(onboarding.start_date, item.day_offset)
                done = due < today and rng.random() < 0.8
                milestones.append(
                    Milestone(
                        onboarding=onboarding,
                        title=item.title,
                        day_offset=item.day_offset,
                        due_on=due,
                        done_at=timezone.now() - timedelta(days=1) if done else None,
                        done_day=item.day_offset if done else None,
                    )
                )
            for days in (7, 14, 21, 28, 42, 56, 70, 84):
                day = onboarding.start_date + timedelta(days=days)
                check_ins.append(
                    CheckIn(
                        onboarding=onboarding,
                        scheduled_for=day,
                        held_on=day if day < today and rng.random() < 0.85 else None,
                        aims="Weekly",
                    )
                )
        Milestone.objects.bulk_create(milestones, batch_size=5000)
        CheckIn.objects.bulk_create(check_ins, batch_size=5000)
        Onboarding.objects.bulk_create(
            [
                Onboarding(
                    hire_id=ids[f"hire{active + n}"],
                    start_date=incoming.starts_on,
                    role="Clerk",
                    team=teams[n % TEAMS],
                    manager=manager,
                    cohort=incoming,
                    plan_template=plan,
                    status=OnboardingStatus.PLANNED,
                )
                for n in range(COHORT_HIRES)
            ]
        )
    print(f"built {active} onboardings in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    measure(int(sys.argv[2]))
