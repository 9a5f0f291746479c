"""Factories for people, topics, teams and expertise scores (tests, benchmarks)."""

import factory

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from expertise.models import ExpertiseScore, Team, Topic
from expertise.scoring import LEVEL_RANK


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = Topic
        django_get_or_create = ["name"]


class TeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.LazyAttribute(lambda team: slugify(team.name))

    class Meta:
        model = Team
        django_get_or_create = ["name"]


class ExpertiseScoreFactory(factory.django.DjangoModelFactory):
    """A stored score, as if scoring had found it: an expert unless `level` says otherwise."""

    person = factory.SubFactory(UserFactory)
    topic = factory.SubFactory(TopicFactory)
    level = ExpertiseScore.Level.EXPERT
    score = 8.0
    rank = factory.LazyAttribute(lambda score: LEVEL_RANK[score.level])

    class Meta:
        model = ExpertiseScore

    @classmethod
    def _create(cls, model_class, *args, person, topic, **values):
        # Publishing a page scores its owner already: this score replaces the one stored for person and topic.
        score, _ = model_class.objects.update_or_create(person=person, topic=topic, defaults=values)
        return score


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
