"""Loads the demo organisation: a finance shared-services group with customised ERP processes.

Every object is found by a natural key (username, topic name, page slug under its parent, material
title, feedback page and author) and left alone when it exists, so loading twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import import_module

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import ngettext

from wagtail.models import GroupPagePermission, Page, Site

from expertise.models import Evidence, EvidenceKind, SelfAssessment, Team, Topic
from expertise.people import profile_for
from expertise.recording import confirm_by_manager, endorse, self_assess
from imports.indexing import deferred_indexing
from onramp.demo.buddies import load_buddy_program
from onramp.demo.forums import load_forums
from onramp.demo.handbook import load_handbook
from onramp.demo.search import load_search
from wiki.models import ArticlePage, HomePage, PageFeedback, ProcessPage, TrainingMaterial

DEMO_PASSWORD = "onramp-demo"  # noqa: S105 - the published password of the fictional demo people
# Wagtail's Moderators group gives the admin, images and documents; page permissions come from the editors
# group of each process area (grant_area_editing). New hires read and flag gaps, in the public site.
ROLE_GROUPS = {
    "new-hire": ["New hires"],
    "buddy": ["Buddies", "Moderators"],
    "expert": ["Experts", "Moderators"],
    "trainer": ["Trainers", "Moderators"],
    "manager": ["Managers", "Moderators"],
    "admin": ["Moderators"],
}
# What each demo group may do in the admin beyond Wagtail's own Editors and Moderators.
GROUP_PERMISSIONS = {
    "Trainers": ["wiki.add_trainingmaterial", "wiki.change_trainingmaterial", "wiki.delete_trainingmaterial"],
    "Moderators": ["expertise.add_topic", "expertise.change_topic"],
}
HOME_INTRO = (
    "<p>The business-process wiki of Brightwater Finance Shared Services: how we actually run procure-to-pay, "
    "record-to-report, order-to-cash, the month-end close, vendor master data and expenses on our customised "
    "ERP. Every page has an owner who keeps it true; if something is wrong or missing, say so on the page.</p>"
)


def content(name: str):
    return import_module(f"onramp.demo.content.{name}")


# How the load report counts each kind of object it created, singular and plural.
CREATED_PHRASES = {
    "group": lambda n: ngettext("%(count)d group", "%(count)d groups", n),
    "person": lambda n: ngettext("%(count)d person", "%(count)d people", n),
    "topic": lambda n: ngettext("%(count)d topic", "%(count)d topics", n),
    "process page": lambda n: ngettext("%(count)d process page", "%(count)d process pages", n),
    "article": lambda n: ngettext("%(count)d article", "%(count)d articles", n),
    "editors group": lambda n: ngettext("%(count)d editors group", "%(count)d editors groups", n),
    "training material": lambda n: ngettext("%(count)d training material", "%(count)d training materials", n),
    "feedback": lambda n: ngettext("%(count)d feedback vote", "%(count)d feedback votes", n),
    "self-assessment": lambda n: ngettext("%(count)d self-assessment", "%(count)d self-assessments", n),
    "endorsement": lambda n: ngettext("%(count)d endorsement", "%(count)d endorsements", n),
    "manager confirmation": lambda n: ngettext("%(count)d manager confirmation", "%(count)d manager confirmations", n),
    "ramp-up plan": lambda n: ngettext("%(count)d ramp-up plan", "%(count)d ramp-up plans", n),
    "buddy": lambda n: ngettext("%(count)d buddy", "%(count)d buddies", n),
    "cohort": lambda n: ngettext("%(count)d cohort", "%(count)d cohorts", n),
    "onboarding": lambda n: ngettext("%(count)d onboarding", "%(count)d onboardings", n),
    "user group": lambda n: ngettext("%(count)d user group", "%(count)d user groups", n),
    "forum session": lambda n: ngettext("%(count)d forum session", "%(count)d forum sessions", n),
    "gap": lambda n: ngettext("%(count)d gap", "%(count)d gaps", n),
    "glossary term": lambda n: ngettext("%(count)d glossary term", "%(count)d glossary terms", n),
    "logged search": lambda n: ngettext("%(count)d logged search", "%(count)d logged searches", n),
}


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    def created_phrases(self) -> list[str]:
        """What was created, counted in words ("29 people"); a kind without a phrase is shown as "kind: n"."""
        return [
            CREATED_PHRASES[kind](count) % {"count": count} if kind in CREATED_PHRASES else f"{kind}: {count}"
            for kind, count in self.created.items()
        ]


@transaction.atomic
def load_demo(*, now=None, superusers: bool = True) -> LoadReport:
    """Loads what is missing. With `superusers` false (production settings) the demo's admin is no superuser,
    only a moderator: every demo person's password is published."""
    now = now or timezone.now()
    report = LoadReport()
    users = load_people(content("people").PEOPLE, report=report, superusers=superusers)
    grant_group_permissions()
    topics = load_topics(content("topics").TOPICS, report=report)
    home = demo_home_page()
    pages: dict[str, Page] = {}
    # Each page is saved several times on its way to published: search and references are indexed once, after.
    with deferred_indexing([ProcessPage, ArticlePage]) as touched:
        load_handbook(
            content("pages").PAGES, home=home, users=users, topics=topics, pages=pages, now=now, report=report
        )
        touched.update(page.pk for page in pages.values())
    grant_area_editing(content("editing"), people=content("people").PEOPLE, users=users, pages=pages, report=report)
    load_materials(content("materials").MATERIALS, users=users, topics=topics, pages=pages, now=now, report=report)
    load_feedback(content("feedback").FEEDBACK, users=users, pages=pages, report=report)
    load_expertise(content("people").PEOPLE, users=users, topics=topics, now=now, report=report)
    load_buddy_program(content("buddies"), users=users, now=now, report=report)
    load_forums(content("forums"), users=users, pages=pages, now=now, report=report)
    load_search(content("search"), users=users, report=report)
    return report


def load_people(people: list[dict], *, report: LoadReport, superusers: bool = True) -> dict[str, object]:
    User = get_user_model()
    users = {}
    # Every demo person has the same published password: hashing it once saves a second per person under
    # production's hasher.
    demo_password = make_password(DEMO_PASSWORD)
    for person in people:
        user = User.objects.filter(username=person["username"]).first()
        if user is None:
            user = User(
                username=person["username"],
                first_name=person["first_name"],
                last_name=person["last_name"],
                email=person["email"],
                is_superuser=superusers and "admin" in person["roles"],
                is_staff=superusers and "admin" in person["roles"],
            )
            user.password = demo_password
            user.full_clean()
            user.save()
            fill_profile(user, person)
            for role in person["roles"]:
                for group_name in ROLE_GROUPS[role]:
                    group, created = Group.objects.get_or_create(name=group_name)
                    if created:
                        report.count("group")
                    user.groups.add(group)
            report.count("person")
        users[person["username"]] = user
    link_managers(people, users)
    return users


def fill_profile(user, person: dict) -> None:
    team, _ = Team.objects.get_or_create(name=person["team"], defaults={"slug": slugify(person["team"])})
    profile = profile_for(user)
    profile.team = team
    profile.title = person["title"]
    profile.location = person["location"]
    profile.time_zone = person["time_zone"]
    profile.start_date = date.fromisoformat(person["start_date"])
    profile.bio = person["bio"]
    if person.get("out_of_office_days"):
        profile.out_of_office_until = timezone.localdate() + timedelta(days=person["out_of_office_days"])
    profile.full_clean()
    profile.save()


def link_managers(people: list[dict], users: dict) -> None:
    for person in people:
        profile = profile_for(users[person["username"]])
        manager = users.get(person.get("manager"))
        if manager is not None and profile.manager_id is None:
            profile.manager = manager
            profile.full_clean()
            profile.save(update_fields=["manager"])


def grant_group_permissions() -> None:
    from django.contrib.auth.models import Permission

    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def grant_area_editing(data, *, people: list[dict], users, pages, report: LoadReport) -> None:
    """Each process area gets a group of editors from the teams that run it, and Wagtail's default Editors
    and Moderators lose their permissions on the whole tree, so nobody edits (or reads the drafts of) an
    area that is not theirs."""
    from django.contrib.auth.models import Permission

    GroupPagePermission.objects.filter(group__name__in=["Editors", "Moderators"], page__depth=1).delete()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{action}_page" for action in data.EDITOR_PAGE_PERMISSIONS],
        )
    )
    for slug, teams in data.AREA_EDITORS.items():
        area = pages[slug]
        group, created = Group.objects.get_or_create(name=f"{area.title} editors")
        if created:
            report.count("editors group")
        group.permissions.add(access_admin)
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=area, permission=permission)
        group.user_set.add(
            *[
                users[person["username"]]
                for person in people
                if person["team"] in teams and data.EDITOR_ROLES & set(person["roles"])
            ]
        )


def load_topics(topics: list[tuple[str, str]], *, report: LoadReport) -> dict[str, Topic]:
    by_name = {}
    for name, description in topics:
        topic = Topic.objects.filter(name=name).first()
        if topic is None:
            topic = Topic(name=name, description=description)
            topic.save()
            report.count("topic")
        by_name[name] = topic
    return by_name


def demo_home_page() -> HomePage:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if isinstance(home, HomePage) and not home.intro:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    return home


def load_materials(materials: list[dict], *, users, topics, pages, now, report: LoadReport) -> None:
    for data in materials:
        if TrainingMaterial.objects.filter(title=data["title"]).exists():
            continue
        material = TrainingMaterial(
            title=data["title"],
            kind=data["kind"],
            url=data["url"],
            trainer=users[data["trainer"]],
            last_reviewed=(now - timedelta(days=data["last_reviewed_days_ago"])).date(),
        )
        material.full_clean()
        material.save()
        material.processes.set([pages[slug] for slug in data["processes"]])
        material.topics.set([topics[name] for name in data["topics"]])
        material.save()
        material.save_revision(user=material.trainer)
        report.count("training material")


def load_feedback(feedback: list[dict], *, users, pages, report: LoadReport) -> None:
    for data in feedback:
        page, user = pages[data["page"]], users[data["user"]]
        if PageFeedback.objects.filter(page=page, user=user).exists():
            continue
        vote = PageFeedback(
            page=page, user=user, helpful=data["helpful"], reason=data["reason"], comment=data["comment"]
        )
        vote.full_clean()
        vote.save()
        report.count("feedback")


ENDORSEMENT_REASONS = [
    "Talked me through {topic} on my second day, with the real screens.",
    "Spotted what was wrong with my {topic} case in five minutes.",
    "Wrote the checklist for {topic} we all use now.",
    "Always the one who knows the exception cases of {topic}.",
]


def load_expertise(people: list[dict], *, users, topics, now, report: LoadReport) -> None:
    """Self-assessments (with an older one, so progress shows), endorsements by teammates and manager
    confirmations, so that the map and "who knows" have something to say from day one."""
    if SelfAssessment.objects.filter(person__username__in=[p["username"] for p in people]).exists():
        return
    by_team: dict[str, list[dict]] = {}
    for person in people:
        by_team.setdefault(person["team"], []).append(person)
    for index, person in enumerate(people):
        user = users[person["username"]]
        user.profile.ask_me_about.set([topics[name] for name in person["ask_me_about"]])
        learning = [] if person["ask_me_about"] else team_topics(by_team[person["team"]], limit=2)
        for name in person["ask_me_about"]:
            self_assess(person=user, topic=topics[name], level=3, at=now - timedelta(days=200))
            self_assess(person=user, topic=topics[name], level=4 + (index % 2), note="Re-assessed at my review.")
            report.count("self-assessment")
        for name in learning:
            self_assess(person=user, topic=topics[name], level=1, at=now - timedelta(days=10), note="First week.")
            self_assess(person=user, topic=topics[name], level=2, note="Did it twice with my buddy.")
            report.count("self-assessment")
        colleagues = [p for p in by_team[person["team"]] if p is not person]
        for offset, name in enumerate(person["ask_me_about"][:2]):
            for colleague in colleagues[offset : offset + 2]:
                endorse(
                    endorser=users[colleague["username"]],
                    person=user,
                    topic=topics[name],
                    reason=ENDORSEMENT_REASONS[(index + offset) % len(ENDORSEMENT_REASONS)].format(topic=name.lower()),
                )
                report.count("endorsement")
        manager = users.get(person.get("manager"))
        if manager is not None and person["ask_me_about"] and "expert" in person["roles"]:
            confirm_by_manager(manager=manager, person=user, topic=topics[person["ask_me_about"][0]])
            report.count("manager confirmation")
    if not Evidence.objects.filter(kind=EvidenceKind.PAGE_EDITED).exists():
        raise RuntimeError("The demo pages recorded no authorship evidence; is the expertise app installed?")


def team_topics(team: list[dict], *, limit: int) -> list[str]:
    names: list[str] = []
    for person in team:
        for name in person["ask_me_about"]:
            if name not in names:
                names.append(name)
    return names[:limit]


def demo_logins() -> list[tuple[str, str]]:
    """One login per role, for the banner `make run` prints."""
    people = content("people").PEOPLE
    logins: list[tuple[str, str]] = []
    for role in ["admin", "new-hire", "buddy", "expert", "trainer", "manager"]:
        shown = {username for _, username in logins}
        candidates = [p for p in people if role in p["roles"]]
        person = next((p for p in candidates if p["username"] not in shown), candidates[0] if candidates else None)
        if person:
            logins.append((role, person["username"]))
    return logins
