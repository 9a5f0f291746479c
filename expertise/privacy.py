"""Who may see a person's raw self-assessments: the person, their manager, and whoever another module
vouches for (the buddies module adds a new hire's buddy). Everyone else sees only the combined level."""

from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser

ViewerRule = Callable[[AbstractBaseUser, AbstractBaseUser], bool]
_extra_rules: list[ViewerRule] = []


def add_self_assessment_viewer_rule(rule: ViewerRule) -> None:
    """Lets another app name more people who may read self-assessments, e.g. a new hire's buddy."""
    if rule not in _extra_rules:
        _extra_rules.append(rule)


def can_see_self_assessments(viewer: AbstractBaseUser, person: AbstractBaseUser) -> bool:
    if not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk:
        return True
    profile = getattr(person, "profile", None)
    if profile is not None and profile.manager_id == viewer.pk:
        return True
    return any(rule(viewer, person) for rule in _extra_rules)
