"""What the HR import does beyond names and teams: new people starting later get an onboarding drafted for a
program admin to confirm, and people whose end date has passed leave: deactivated (never deleted), their wiki
pages handed to their nearest manager still here, and no longer suggested as anyone's expert, buddy or
assignee (those rules skip inactive people).

The draft lives in the buddies app, which sits above imports; it registers its rule here when it loads."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import ngettext

from expertise.models import Profile
from wiki.handover import hand_over_pages, owned_page_models

if TYPE_CHECKING:
    from imports.people import PeopleReport, PersonRow

NewStarterRule = Callable[[Profile], bool]
_new_starter_rules: list[NewStarterRule] = []


def add_new_starter_rule(rule: NewStarterRule) -> None:
    """Lets another app act on a person whose start date is still ahead; the rule returns True when it drafted
    an onboarding, and must do nothing when run again for the same person."""
    if rule not in _new_starter_rules:
        _new_starter_rules.append(rule)


def provision(rows: list[PersonRow], profiles: dict[int, Profile], *, created: set[int], report: PeopleReport) -> None:
    """Runs after the people and their managers are saved, in the import's transaction."""
    today = timezone.localdate()
    for row in rows:
        profile = profiles[row.line]
        if row.end_date is not None and row.end_date < today:
            leave(profile, line=row.line, report=report)
        elif row.start_date is not None and row.start_date > today and profile.user.is_active:
            profile.refresh_from_db(fields=["manager"])
            if row.line in created:
                report.started += 1
            outcomes = [rule(profile) for rule in _new_starter_rules]  # every rule runs, whatever the first says
            if any(outcomes):
                report.drafted += 1


def leave(profile: Profile, *, line: int, report: PeopleReport) -> None:
    """Deactivates a leaver once and hands their pages over (again, should they have been given new ones)."""
    user = profile.user
    if user.is_active or profile.active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        Profile.objects.filter(pk=profile.pk).update(active=False)
        report.left += 1
    successor = nearest_active_manager(profile)
    if successor is None:
        owned = sum(model.objects.filter(page_owner=user).count() for model in owned_page_models())
        if owned:
            note = ngettext(
                "left with no active manager to take over their %(count)d wiki page; they keep it",
                "left with no active manager to take over their %(count)d wiki pages; they keep them",
                owned,
            )
            report.notes.append((line, note % {"count": owned}))
        return
    handed = hand_over_pages(leaver=user, to=successor)
    if handed:
        name = successor.get_full_name() or successor.get_username()
        note = ngettext(
            "left; %(count)d wiki page handed to %(name)s", "left; %(count)d wiki pages handed to %(name)s", len(handed)
        )
        report.notes.append((line, note % {"count": len(handed), "name": name}))


def nearest_active_manager(profile: Profile) -> AbstractBaseUser | None:
    """The leaver's manager, or when they have left too, theirs, and so on up."""
    seen = {profile.user_id}
    manager_id = Profile.objects.filter(pk=profile.pk).values_list("manager_id", flat=True).first()
    while manager_id is not None and manager_id not in seen:
        seen.add(manager_id)
        manager = Profile.objects.select_related("user").filter(user_id=manager_id).first()
        if manager is None:
            return None
        if manager.user.is_active and manager.active:
            return manager.user
        manager_id = manager.manager_id
    return None
