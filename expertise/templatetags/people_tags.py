"""Template tags naming a person: a link to their profile (or plain text once they have left) and initials."""

from django import template
from django.contrib.auth.base_user import AbstractBaseUser

from expertise.people import has_left

register = template.Library()


def display_name(user: AbstractBaseUser) -> str:
    profile = getattr(user, "profile", None)
    if profile is not None:
        return profile.name
    return user.get_full_name() or user.get_username()


@register.filter
def initials(name: str) -> str:
    """`{{ name|initials }}`: the first letters of the first and last words, e.g. "JH" for "Jill M. Hartmann"."""
    words = [word for word in str(name).split() if word[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


@register.inclusion_tag("expertise/includes/person_link.html")
def person_link(user: AbstractBaseUser | None, avatar: bool = False) -> dict:
    """`{% person_link user %}`: the person's name linking to their profile; a leaver is named, not linked, as
    they are no longer someone to contact."""
    if user is None:
        return {"person": None}
    name = display_name(user)
    return {"person": user, "name": name, "left": has_left(user), "initials": initials(name), "avatar": avatar}
