"""Who may see a person's raw self-assessments: the person, their manager, and whoever another module
vouches for (the buddies module adds a new hire's buddy). Everyone else sees only the combined level.

A rule names, for one viewer, the people whose self-assessments they may read; asking once per viewer keeps
a page listing many people (who knows X, the map) at a constant number of queries."""

from collections.abc import Callable, Iterable

from django.contrib.auth.base_user import AbstractBaseUser

from expertise.models import Profile

ViewerRule = Callable[[AbstractBaseUser], Iterable[int]]
_extra_rules: list[ViewerRule] = []


def add_self_assessment_viewer_rule(rule: ViewerRule) -> None:
    """Lets another app name more people whose self-assessments a viewer may read (a rule takes the viewer
    and returns those people's user ids), e.g. the new hires someone is currently buddy to."""
    if rule not in _extra_rules:
        _extra_rules.append(rule)


def self_assessment_subjects(viewer: AbstractBaseUser | None) -> set[int]:
    """The ids of everyone whose raw self-assessments `viewer` may read."""
    if viewer is None or not viewer.is_authenticated:
        return set()
    subjects = {viewer.pk}
    subjects.update(Profile.objects.filter(manager_id=viewer.pk).values_list("user_id", flat=True))
    for rule in _extra_rules:
        subjects.update(rule(viewer))
    return subjects


def can_see_self_assessments(viewer: AbstractBaseUser | None, person: AbstractBaseUser) -> bool:
    if viewer is None or not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk:
        return True
    profile = getattr(person, "profile", None)
    if profile is not None and profile.manager_id == viewer.pk:
        return True
    return any(person.pk in set(rule(viewer)) for rule in _extra_rules)
