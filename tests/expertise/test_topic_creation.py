""" "Ask me about" picks topics from the shared vocabulary: new topics need the permission to add topics, and
nobody lists more than a handful."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from expertise.factories import TopicFactory, UserFactory
from expertise.models import Topic
from expertise.topics import ASK_ME_ABOUT_LIMIT

pytestmark = pytest.mark.django_db


@pytest.fixture
def runs(db):
    return TopicFactory(name="Payment runs")


def profile_data(ask_me_about: str) -> dict:
    return {
        "display_name": "Jill H.",
        "time_zone": "Europe/London",
        "ask_me_about": ask_me_about,
        "question_capacity": 3,
    }


def test_existing_topics_are_picked_whatever_their_case(signed_in, person, runs):
    response = signed_in.post(reverse("expertise:edit_profile"), profile_data("payment runs"))
    assert response.status_code == 302
    assert list(person.profile.ask_me_about.all()) == [runs]


def test_a_person_without_the_permission_cannot_create_topics(signed_in, person, runs):
    response = signed_in.post(reverse("expertise:edit_profile"), profile_data("Payment runs, Crypto trading, My hobby"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Not topics in Onramp yet: Crypto trading, My hobby." in html
    assert "nothing was saved" in html
    assert list(Topic.objects.values_list("name", flat=True)) == ["Payment runs"]
    person.profile.refresh_from_db()
    assert person.profile.display_name == "" and not person.profile.ask_me_about.exists()


def test_five_hundred_names_are_refused(signed_in, person, runs):
    names = ", ".join(f"Topic {n}" for n in range(500))
    response = signed_in.post(reverse("expertise:edit_profile"), profile_data(names))
    assert response.status_code == 400
    assert f"List at most {ASK_ME_ABOUT_LIMIT} topics; this names 500." in response.content.decode()
    assert Topic.objects.count() == 1


def test_the_limit_holds_for_existing_topics_too(signed_in, person):
    names = [TopicFactory(name=f"Topic {n}").name for n in range(ASK_ME_ABOUT_LIMIT + 1)]
    response = signed_in.post(reverse("expertise:edit_profile"), profile_data(", ".join(names)))
    assert response.status_code == 400
    assert not person.profile.ask_me_about.exists()


def test_someone_who_may_add_topics_can_name_a_new_one(client, runs):
    moderator = UserFactory(username="mo.derator")
    moderator.user_permissions.add(Permission.objects.get(codename="add_topic", content_type__app_label="expertise"))
    client.force_login(moderator)
    response = client.post(reverse("expertise:edit_profile"), profile_data("Payment runs, Dunning"))
    assert response.status_code == 302
    assert sorted(t.name for t in moderator.profile.ask_me_about.all()) == ["Dunning", "Payment runs"]


def test_the_admin_form_applies_the_same_rule(client, person, runs):
    editors = Group.objects.create(name="Profile editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="change_profile", content_type__app_label="expertise"),
    )
    admin = UserFactory(username="hr.admin")
    admin.groups.add(editors)
    client.force_login(admin)
    url = reverse("wagtailsnippets_expertise_profile:edit", args=[person.profile.pk])
    data = {**profile_data("Payment runs, Crypto trading"), "active": "on"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Not topics in Onramp yet: Crypto trading." in response.content.decode()
    assert not Topic.objects.filter(name="Crypto trading").exists()

    response = client.post(url, {**data, "ask_me_about": "Payment runs"})
    assert response.status_code == 302
    assert list(person.profile.ask_me_about.all()) == [runs]
