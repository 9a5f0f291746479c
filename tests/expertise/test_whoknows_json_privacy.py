"""`manage.py whoknows --json` (and Ask's JSON) tells a reader no more than the who-knows page: a raw
self-assessed level cannot be read, or worked out from a score, by someone who may not see it."""

import json
import re

import pytest

from django.core.management import call_command
from django.urls import reverse

from expertise.factories import TeamFactory, TopicFactory, make_person
from expertise.recording import self_assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    team = TeamFactory(name="Accounts Payable")
    topic = TopicFactory(name="Payment runs")
    manager = make_person("marty.keller", team=team)
    jim = make_person("jim.okafor", team=team, manager=manager)
    colleague = make_person("ben.ashworth", team=team, manager=manager)
    self_assess(person=jim, topic=topic, level=4)  # his only evidence: a score of 2.25
    return {"topic": topic, "manager": manager, "jim": jim, "colleague": colleague}


def whoknows_json(capsys, *options) -> list[dict]:
    call_command("whoknows", "payment runs", "--json", *options)
    return json.loads(capsys.readouterr().out)


def shown_on_the_page(client, viewer) -> list[str]:
    client.force_login(viewer)
    html = client.get(reverse("expertise:who_knows"), {"q": "payment runs"}).content.decode()
    return [reason.strip() for reason in re.findall(r"<li>([^<]*)</li>", html.split('class="suggestions"')[1])]


def test_the_json_for_an_unnamed_asker_does_not_reveal_a_self_assessment(people, capsys, client):
    jim = whoknows_json(capsys)[0]
    assert jim["person"] == "jim.okafor"
    assert "score" not in jim
    assert "4/5" not in json.dumps(jim) and "2.25" not in json.dumps(jim)
    assert jim["reasons"] == ["Practitioner on Payment runs: has self-assessed"]
    assert jim["reasons"][0] == shown_on_the_page(client, people["colleague"])[0]

    self_assess(person=people["jim"], topic=people["topic"], level=5)  # a score of 3.0, the same level
    assert whoknows_json(capsys) == [jim], "a higher self-assessment must not show in the JSON"


def test_the_json_for_an_asker_shows_what_they_may_see_on_the_page(people, capsys, client):
    as_colleague = whoknows_json(capsys, "--asker", "ben.ashworth")[0]
    assert "score" not in as_colleague and "4/5" not in json.dumps(as_colleague)
    assert as_colleague["reasons"][0] == shown_on_the_page(client, people["colleague"])[0]

    as_manager = whoknows_json(capsys, "--asker", "marty.keller")[0]
    assert as_manager["reasons"][0] == "Practitioner on Payment runs: self-assessed 4/5"
    assert as_manager["reasons"][0] == shown_on_the_page(client, people["manager"])[0]


def test_the_table_and_asks_json_leave_the_score_out_too(people, capsys):
    call_command("whoknows", "payment runs")
    table = capsys.readouterr().out
    assert "Jim Okafor (jim.okafor) — practitioner" in table and "2.25" not in table

    call_command("search", "payment runs", "--json")
    people_found = json.loads(capsys.readouterr().out)["people"]
    assert [person["person"] for person in people_found] == ["jim.okafor"]
    assert "score" not in people_found[0] and "4/5" not in json.dumps(people_found)
