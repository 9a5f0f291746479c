"""A new hire's go-to people are colleagues who practise the plan's topics (never another new hire or someone
still learning), the buddy records each introduction once per person, and the page says why the buddy is not
among them."""

from datetime import UTC, date, datetime

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from buddies.factories import make_onboarding
from buddies.models import GoToPerson, Introduction
from expertise.factories import ExpertiseScoreFactory, make_person
from expertise.models import ExpertiseScore
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleagues(org):
    """Sam practises payment runs and invoice matching; Agnes is an expert on invoice matching; Carrie trains
    payment runs but is still learning them; Ned, hired a month ago, already scores on payment runs."""
    ExpertiseScoreFactory(person=org["sam"], topic=org["payments"], level=ExpertiseScore.Level.PRACTITIONER, score=3)
    ExpertiseScoreFactory(person=org["sam"], topic=org["invoices"], level=ExpertiseScore.Level.PRACTITIONER, score=3)
    ExpertiseScoreFactory(person=org["agnes"], topic=org["invoices"], score=8)
    carrie = make_person("carrie.lindqvist", team=org["ledger"], start_date=date(2015, 1, 5))
    ExpertiseScoreFactory(person=carrie, topic=org["payments"], level=ExpertiseScore.Level.LEARNING, score=1.5)
    ned = make_person("ned.newman", team=org["payables"], manager=org["nadia"], start_date=date(2026, 10, 5))
    make_onboarding(ned, start_date=date(2026, 10, 5), plan_template=org["plan"])
    ExpertiseScoreFactory(person=ned, topic=org["payments"], score=7)
    return {"carrie": carrie, "ned": ned}


def pair_jim_from_the_page(client, org, onboarding):
    client.force_login(org["nadia"])
    url = reverse("buddies:choose_buddy", args=[onboarding.pk])
    assert client.post(url, {"buddy": org["jim"].pk, "reason": "Jim sits next to her"}).status_code == 302


def test_go_to_people_are_practitioners_or_better_and_never_another_new_hire(client, org, colleagues):
    onboarding = make_onboarding(org["jill"], start_date=START, plan_template=org["plan"])
    pair_jim_from_the_page(client, org, onboarding)

    chosen = set(GoToPerson.objects.filter(onboarding=onboarding).values_list("person__username", "topic__name"))
    assert chosen == {
        ("sam.thornton", "Payment runs"),
        ("sam.thornton", "Invoice matching"),
        ("agnes.lis", "Invoice matching"),
    }
    client.force_login(org["jill"])
    page = client.get(reverse("buddies:mine")).content.decode()
    assert "ned.newman" not in page and "carrie.lindqvist" not in page


def test_an_introduction_holds_for_the_person_under_every_topic(client, org, colleagues):
    onboarding = make_onboarding(org["jill"], start_date=START, plan_template=org["plan"])
    pair_jim_from_the_page(client, org, onboarding)
    sam_on_payments = GoToPerson.objects.get(onboarding=onboarding, person=org["sam"], topic=org["payments"])

    client.force_login(org["jim"])
    response = client.post(reverse("buddies:introduced", args=[sam_on_payments.pk]), {"introduced": "1"})
    assert response.status_code == 302

    assert list(Introduction.objects.values_list("person__username", "introduced_by__username")) == [
        ("sam.thornton", "jim.okafor")
    ]
    page = client.get(reverse("buddies:onboarding", args=[onboarding.pk])).content.decode()
    network = page[page.index('id="network-heading"') :]
    # Sam shows introduced under both his topics, Agnes under none; the buddy may take it back once.
    assert network.count("Introduced</span>") == 2
    assert network.count("Undo “introduced”") == 2 and network.count("Mark introduced") == 1

    sam_on_invoices = GoToPerson.objects.get(onboarding=onboarding, person=org["sam"], topic=org["invoices"])
    client.post(reverse("buddies:introduced", args=[sam_on_invoices.pk]), {"introduced": "0"})
    assert not Introduction.objects.exists()


def test_the_page_says_why_the_buddy_is_not_listed(client, org, colleagues):
    onboarding = make_onboarding(org["jill"], start_date=START, plan_template=org["plan"])
    ExpertiseScoreFactory(person=org["jim"], topic=org["payments"], score=12)  # the best on the topic, but the buddy
    pair_jim_from_the_page(client, org, onboarding)
    assert not GoToPerson.objects.filter(person=org["jim"]).exists()

    client.force_login(org["jill"])
    assert (
        "Your buddy, Jim Okafor, is not listed: ask them anything."
        in client.get(reverse("buddies:mine")).content.decode()
    )
    client.force_login(org["nadia"])
    manager_view = client.get(reverse("buddies:onboarding", args=[onboarding.pk])).content.decode()
    assert "The buddy, Jim Okafor, is not listed" in manager_view


def test_the_migration_keeps_each_introduction_once_per_person(
    django_db_serialized_rollback, transactional_db, org, colleagues
):
    """Before: introductions per go-to row. After: one per person, the earliest, by whom it was made. (Real
    transactions: the schema goes back one migration and forward again; the migrations' data is restored.)"""
    executor = MigrationExecutor(connection)
    executor.migrate([("buddies", "0003_onboarding_draft")])
    old_apps = executor.loader.project_state([("buddies", "0003_onboarding_draft")]).apps
    OldOnboarding = old_apps.get_model("buddies", "Onboarding")
    OldGoTo = old_apps.get_model("buddies", "GoToPerson")
    Topic = old_apps.get_model("expertise", "Topic")
    onboarding = OldOnboarding.objects.get(hire_id=colleagues["ned"].pk)
    first, later = datetime(2026, 10, 12, 9, tzinfo=UTC), datetime(2026, 10, 20, 9, tzinfo=UTC)
    for topic_id, when in ((org["payments"].pk, later), (org["invoices"].pk, first)):
        OldGoTo.objects.create(
            onboarding=onboarding,
            topic=Topic.objects.get(pk=topic_id),
            person_id=org["sam"].pk,
            introduced_at=when,
            introduced_by_id=org["jim"].pk,
        )
    OldGoTo.objects.create(onboarding=onboarding, topic_id=org["payments"].pk, person_id=org["agnes"].pk)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(
        Introduction.objects.values_list("onboarding__hire__username", "person__username", "introduced_at")
    ) == [("ned.newman", "sam.thornton", first)]
    assert GoToPerson.objects.filter(onboarding__hire=colleagues["ned"]).count() == 3


def test_go_to_people_chosen_under_the_old_rules_are_replaced_unless_introduced(client, org, colleagues):
    onboarding = make_onboarding(org["jill"], start_date=START, plan_template=org["plan"])
    for person in (colleagues["ned"], colleagues["carrie"]):
        GoToPerson.objects.create(onboarding=onboarding, topic=org["payments"], person=person, reasons=["old"])
    GoToPerson.objects.create(onboarding=onboarding, topic=org["invoices"], person=colleagues["ned"], reasons=["old"])
    Introduction.objects.create(onboarding=onboarding, person=colleagues["ned"])  # an introduction made stays

    pair_jim_from_the_page(client, org, onboarding)

    chosen = set(GoToPerson.objects.filter(onboarding=onboarding).values_list("person__username", "topic__name"))
    assert ("carrie.lindqvist", "Payment runs") not in chosen
    assert {("ned.newman", "Payment runs"), ("ned.newman", "Invoice matching")} <= chosen
