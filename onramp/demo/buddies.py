"""Loads the demo buddy program: plans, volunteers and a cohort part-way through (see content/buddies.py).

Found by natural keys (plan name, buddy's user, cohort name, the hire's onboarding) and left alone when
present, so loading twice changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from buddies import checkins, network, pairing
from buddies.factories import make_buddy
from buddies.models import CheckIn, Cohort, Milestone, Onboarding, PlanTemplate, PlanTemplateMilestone, SurveyResponse
from expertise.models import Topic
from expertise.recording import self_assess
from wiki.models import ArticlePage, ProcessPage

PROGRAM_ADMIN_GROUP = "Managers"
PROGRAM_ADMIN_PERMISSIONS = [
    "view_all_onboardings",
    "change_buddyprogramsettings",
    *[
        f"{action}_{model}"
        for action in ("add", "change", "view")
        for model in ("onboarding", "cohort", "plantemplate", "buddyprofile")
    ],
]


def load_buddy_program(data, *, users: dict, now: datetime, report) -> None:
    grant_program_admin()
    areas = {page.title: page for page in ProcessPage.objects.filter(depth=3)}
    plans = {plan["name"]: load_plan(plan, report=report) for plan in data.PLANS}
    for username, capacity, trained, area_names in data.BUDDIES:
        if username in users and not hasattr(users[username], "buddy_profile"):
            make_buddy(
                users[username],
                capacity=capacity,
                trained_on=date(2025, 3, 14) if trained else None,
                areas=[areas[name] for name in area_names if name in areas],
            )
            report.count("buddy")
    cohort, created = Cohort.objects.get_or_create(
        name=data.COHORT["name"],
        defaults={
            "starts_on": date.fromisoformat(data.COHORT["starts_on"]),
            "ends_on": date.fromisoformat(data.COHORT["ends_on"]),
        },
    )
    if created:
        report.count("cohort")
    today = timezone.localdate(now)
    for item in data.ONBOARDINGS:
        hire = users.get(item["hire"])
        if hire is None or Onboarding.objects.filter(hire=hire).exists():
            continue
        load_onboarding(
            item, data, hire=hire, cohort=cohort, plan=plans[item["plan"]], users=users, areas=areas, today=today
        )
        report.count("onboarding")


def grant_program_admin() -> None:
    group, _ = Group.objects.get_or_create(name=PROGRAM_ADMIN_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="buddies", codename__in=PROGRAM_ADMIN_PERMISSIONS)
    )


def load_plan(data: dict, *, report) -> PlanTemplate:
    existing = PlanTemplate.objects.filter(name=data["name"]).first()
    if existing:
        return existing
    topics = {topic.name: topic for topic in Topic.objects.all()}
    pages = {page.slug: page for page in ArticlePage.objects.all()}
    template = PlanTemplate(name=data["name"], role=data["role"], description=data["description"])
    items = []
    for order, (title, day, goals, topic_names, slugs) in enumerate(data["milestones"]):
        milestone = PlanTemplateMilestone(title=title, day_offset=day, goals=goals, sort_order=order)
        milestone.topics.set([topics[name] for name in topic_names if name in topics])
        milestone.pages.set([pages[slug] for slug in slugs if slug in pages])
        items.append(milestone)
    template.milestones = items
    template.save()
    report.count("ramp-up plan")
    return template


def load_onboarding(item: dict, data, *, hire, cohort, plan, users, areas, today: date) -> None:
    start = hire.profile.start_date
    onboarding = pairing.start_onboarding(
        hire=hire,
        start_date=start,
        cohort=cohort,
        plan_template=plan,
        process_areas=[areas[name] for name in item["areas"] if name in areas],
    )
    if item["buddy"]:
        pairing.assign_buddy(onboarding=onboarding, buddy=users[item["buddy"]], by=hire.profile.manager)
        onboarding.refresh_from_db()
        network.build_network(onboarding)
    buddy = onboarding.buddy
    # Milestones due before today are done, on time when on track; one is left overdue otherwise.
    for milestone in onboarding.milestones.filter(due_on__lt=today):
        if not item["on_track"] and milestone.day_offset > 1:
            continue
        Milestone.objects.filter(pk=milestone.pk).update(
            done_at=at(milestone.due_on), done_day=milestone.day_offset, done_by=hire
        )
    # Check-ins before today were held (the last one missed when not on track); later ones are upcoming.
    past = list(onboarding.check_ins.filter(scheduled_for__lt=today))
    for number, check_in in enumerate(past):
        if buddy is None or (not item["on_track"] and number == len(past) - 1):
            continue
        aims, learned, next_steps = data.CHECK_IN_NOTES[min(number, len(data.CHECK_IN_NOTES) - 1)]
        record_held(
            check_in,
            buddy=buddy,
            aims=aims,
            learned=learned,
            next_steps=next_steps,
            questions=data.QUESTIONS[:1] if number == 0 else [],
        )
    for topic_name, level, days_in in item.get("self_assessments", []):
        topic = Topic.objects.filter(name=topic_name).first()
        when = start + timedelta(days=days_in)
        if topic and when <= today:
            self_assess(person=hire, topic=topic, level=level, at=at(when))
    survey = item.get("survey")
    if survey and start + timedelta(days=survey[0] - 1) <= today:
        day, support, clarity, confidence, comment = survey
        SurveyResponse.objects.create(
            onboarding=onboarding,
            day=day,
            buddy_support=support,
            plan_clarity=clarity,
            confidence=confidence,
            comment=comment,
        )


def record_held(check_in: CheckIn, *, buddy, aims, learned, next_steps, questions) -> None:
    """A check-in held on its planned day, recorded by the buddy through the same rule as the form."""
    checkins.record_check_in(
        check_in=check_in,
        by=buddy,
        held_on=check_in.scheduled_for,
        aims=aims,
        learned=learned,
        next_steps=next_steps,
        questions="\n".join(questions),
    )


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(11)))
