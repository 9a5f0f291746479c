"""Raw self-assessments are for the person, their manager and (with the buddies module) their buddy."""

import json

import pytest

from django.core.management import call_command
from django.urls import reverse

from expertise.factories import TeamFactory, TopicFactory, make_person
from expertise.privacy import _extra_rules as extra_rules
from expertise.privacy import add_self_assessment_viewer_rule, can_see_self_assessments
from expertise.recording import self_assess

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Still unsure about the F110 exceptions"


@pytest.fixture
def people(db):
    team = TeamFactory(name="Accounts Payable")
    topic = TopicFactory(name="Payment runs")
    manager = make_person("marty.keller", team=team)
    jim = make_person("jim.okafor", team=team, manager=manager)
    colleague = make_person("ben.ashworth", team=team, manager=manager)
    self_assess(person=jim, topic=topic, level=4, note=SECRET_NOTE)
    return {"topic": topic, "manager": manager, "jim": jim, "colleague": colleague}


def pages_showing_jim(client, people):
    topic = people["topic"]
    return {
        "profile": client.get(reverse("expertise:profile", args=["jim.okafor"])),
        "who knows": client.get(reverse("expertise:who_knows"), {"q": "payment runs"}),
        "directory": client.get(reverse("expertise:directory"), {"topic": topic.slug}),
        "topic": client.get(reverse("expertise:topic", args=[topic.slug])),
        "map": client.get(reverse("expertise:map")),
    }


@pytest.mark.parametrize("viewer", ["jim", "manager"])
def test_the_person_and_their_manager_see_the_raw_level(client, people, viewer):
    client.force_login(people[viewer])
    pages = pages_showing_jim(client, people)
    assert all(response.status_code == 200 for response in pages.values())
    profile = pages["profile"].content.decode()
    assert "4/5" in profile and SECRET_NOTE in profile


def test_colleagues_see_only_the_combined_level_everywhere(client, people):
    client.force_login(people["colleague"])
    for name, response in pages_showing_jim(client, people).items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "4/5" not in html, name
        assert SECRET_NOTE not in html, name
    profile = pages_showing_jim(client, people)["profile"].content.decode()
    assert "Practitioner" in profile or "Learning" in profile
    assert "has self-assessed" in profile


def test_the_command_line_never_prints_raw_levels(people, capsys):
    call_command("whoknows", "payment runs", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data and all("4/5" not in reason for entry in data for reason in entry["reasons"])


def test_another_module_can_name_more_viewers(people):
    colleague, jim = people["colleague"], people["jim"]
    assert not can_see_self_assessments(colleague, jim)

    def buddy_rule(viewer):
        return [jim.pk] if viewer.username == "ben.ashworth" else []

    add_self_assessment_viewer_rule(buddy_rule)
    try:
        assert can_see_self_assessments(colleague, jim)
    finally:
        extra_rules.remove(buddy_rule)


def test_anonymous_visitors_see_nothing(client, people):
    response = client.get(reverse("expertise:profile", args=["jim.okafor"]))
    assert response.status_code == 302
