"""The triage form's pickers offer the gap's process: its pages, the training materials attached to it, and the
people who may do each task, with a "show every page and person" link that puts them first among all the
others; what may be chosen, and the rules' messages, are unchanged."""

import re

import pytest

from django.urls import reverse

from expertise.factories import UserFactory
from forums.gaps import raise_gap
from forums.models import GapSource, RevisionTask
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory


@pytest.fixture
def gap(org):
    return raise_gap(
        title="The proposal's blocked-vendor case is missing",
        source=GapSource.DIRECT,
        raised_by=org["jill"],
        related_page=org["article"],
    )


def optgroup(html: str, select_name: str, label: str) -> str:
    group = re.search(rf'<optgroup label="{re.escape(label)}">(.*?)</optgroup>', select(html, select_name), re.S)
    assert group, f"no group {label!r} in {select_name}"
    return group.group(1)


def select(html: str, select_name: str) -> str:
    return re.search(rf'<select name="{select_name}".*?</select>', html, re.S).group(0)


@pytest.fixture
def elsewhere(org):
    """A page, a material and a person outside the gap's process."""
    other_process = ProcessPageFactory(title="Travel")
    page = ArticlePageFactory(title="Book a flight", parent=other_process)
    TrainingMaterialFactory(title="Travel course").processes.set([other_process])
    return {"page": page, "person": UserFactory(first_name="Olga", last_name="Outsider")}


def test_the_pickers_offer_the_gap_s_process_and_who_may_do_each_task(client, org, gap, elsewhere):
    client.force_login(org["carrie"])
    url = reverse("forums:triage", args=[gap.pk])
    html = client.get(url).content.decode()

    assert "Run the payment proposal" in optgroup(html, "page", "In “Payments”")
    assert "Book a flight" not in select(html, "page")
    assert "Payables course" in optgroup(html, "material", "Attached to “Payments”")
    assert "Travel course" not in select(html, "material")
    editors = select(html, "page_assignee")
    assert "Jim Okafor" in editors and "Olga Outsider" not in editors and "Jill Hartmann" not in editors
    revisers = select(html, "material_assignee")
    assert "Carrie Lindqvist" in revisers and "Olga Outsider" not in revisers
    # The way out when the right choice is elsewhere.
    assert f'<a href="{url}?everyone=1">Show every page and person</a>' in html


def test_a_chosen_page_from_elsewhere_stays_offered_when_the_form_comes_back(client, org, gap, elsewhere):
    client.force_login(org["carrie"])
    url = reverse("forums:triage", args=[gap.pk])
    response = client.post(url, {"page": elsewhere["page"].pk})  # no assignee: refused
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose who will revise or write the page." in html
    assert re.search(rf'<option value="{elsewhere["page"].pk}" selected>Book a flight</option>', select(html, "page"))


def test_show_everyone_puts_the_gap_s_process_first_in_every_picker(client, org, gap, elsewhere):
    client.force_login(org["carrie"])
    url = reverse("forums:triage", args=[gap.pk])
    html = client.get(url, {"everyone": "1"}).content.decode()
    assert f'<a href="{url}">Show only the gap' in html

    in_payments = optgroup(html, "page", "In “Payments”")
    assert "Run the payment proposal" in in_payments and "Book a flight" not in in_payments
    assert "Book a flight" in optgroup(html, "page", "Other pages")

    attached = optgroup(html, "material", "Attached to “Payments”")
    assert "Payables course" in attached and "Travel course" not in attached
    assert "Travel course" in optgroup(html, "material", "Other materials")
    suggestion = html[html.index('class="callout suggested-materials"') :]
    assert "Payables course" in suggestion[: suggestion.index("</div>")]

    editors = optgroup(html, "page_assignee", "May edit “Run the payment proposal”")
    assert "Jim Okafor" in editors and "Olga Outsider" not in editors and "Jill Hartmann" not in editors
    assert "Olga Outsider" in optgroup(html, "page_assignee", "Others")
    revisers = optgroup(html, "material_assignee", "May revise “Payables course”")
    assert "Carrie Lindqvist" in revisers and "Olga Outsider" not in revisers

    # Each long picker is searchable: pickers.js, served from our own static files, adds a filter box.
    for name in ("page", "new_page_parent", "page_assignee", "material", "material_assignee"):
        assert re.search(rf'<select name="{name}"[^>]*data-filter="Type to filter"', html), name
    assert re.search(r'<script src="/static/onramp/pickers\.js" defer>', html)


def test_someone_left_out_of_the_narrowed_lists_may_still_be_given_a_task_the_rule_allows(client, org, gap):
    # Olga trains on another process's material: the pickers leave both out, the rule allows the task.
    olga = UserFactory(first_name="Olga", last_name="Outsider")
    travel_course = TrainingMaterialFactory(title="Travel course", trainer=olga)
    travel_course.processes.set([ProcessPageFactory(title="Travel")])
    client.force_login(org["carrie"])
    url = reverse("forums:triage", args=[gap.pk])
    html = client.get(url).content.decode()
    assert "Travel course" not in select(html, "material") and "Olga" not in select(html, "material_assignee")
    response = client.post(url, {"material": travel_course.pk, "material_assignee": olga.pk})
    assert response.status_code == 302
    assert RevisionTask.objects.get().assignee == olga


def test_a_suggested_choice_triages_and_an_ineligible_one_is_still_refused_by_the_rule(client, org, gap):
    client.force_login(org["carrie"])
    url = reverse("forums:triage", args=[gap.pk])
    outsider = UserFactory(first_name="Olga", last_name="Outsider")
    refused = client.post(url, {"material": org["material"].pk, "material_assignee": outsider.pk})
    assert refused.status_code == 400 and "cannot revise “Payables course”" in refused.content.decode()
    response = client.post(url, {"material": org["material"].pk, "material_assignee": org["carrie"].pk})
    assert response.status_code == 302
    assert RevisionTask.objects.get().material == org["material"]


def test_only_triagers_see_the_form(client, org, gap):
    client.force_login(org["ben"])
    assert client.get(reverse("forums:triage", args=[gap.pk])).status_code == 403
