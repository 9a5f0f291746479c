"""Factories for people and teams (tests, benchmarks)."""

import factory

from django.utils.text import slugify

from expertise.models import Team
from wiki.factories import UserFactory


class TeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.LazyAttribute(lambda team: slugify(team.name))

    class Meta:
        model = Team
        django_get_or_create = ["name"]


def make_person(username: str, *, team: Team | None = None, manager=None, time_zone: str = "Europe/London", **profile):
    """A user with a filled-in profile."""
    first, _, last = username.partition(".")
    user = UserFactory(username=username, first_name=first.title(), last_name=last.title())
    user.profile.team = team
    user.profile.manager = manager
    user.profile.time_zone = time_zone
    for field, value in profile.items():
        setattr(user.profile, field, value)
    user.profile.full_clean()
    user.profile.save()
    return user
