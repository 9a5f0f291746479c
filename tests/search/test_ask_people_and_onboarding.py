"""Ask's "People who know this" (practitioners and above, ranked by the topics of the best answer pages) and
questions about onboarding itself (pointed to My onboarding and the plan's pages, or a pointer for others)."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

from buddies.factories import make_onboarding, make_plan
from expertise.factories import ExpertiseScoreFactory, UserFactory
from expertise.models import ExpertiseScore, Topic
from tests.search.conftest import article
from wiki.factories import ProcessPageFactory

pytestmark = pytest.mark.django_db

Level = ExpertiseScore.Level


def ask_html(client, text: str) -> str:
    response = client.get(reverse("search:ask"), {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def people_listed(html: str) -> str:
    start = html.index('id="people-heading"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def vendor_world(home):
    vendors = Topic.objects.create(name="Vendor onboarding", slug="vendor-onboarding")
    expenses = Topic.objects.create(name="Expense claims", slug="expense-claims")
    article(
        "Requesting a new vendor",
        body="Procurement approves every new vendor request before the vendor is created.",
        parent=home,
        topics=[vendors],
    )
    article("Approving expense claims", body="Your manager approves each claim.", parent=home, topics=[expenses])
    people = {
        "expenses_lead": UserFactory(first_name="Dana", last_name="Expenses"),
        "vendor_expert": UserFactory(first_name="Marek", last_name="Vendors"),
        "vendor_learner": UserFactory(first_name="Lena", last_name="Learner"),
    }
    ExpertiseScoreFactory(person=people["expenses_lead"], topic=expenses, score=14, level=Level.GO_TO)
    ExpertiseScoreFactory(person=people["vendor_expert"], topic=vendors, score=7, level=Level.EXPERT)
    ExpertiseScoreFactory(person=people["vendor_learner"], topic=vendors, score=1.5, level=Level.LEARNING)
    return people


def test_people_who_know_follow_the_best_page_and_leave_out_learners(signed_in, vendor_world):
    html = ask_html(signed_in, "who approves a new vendor")
    people = people_listed(html)
    assert "Marek Vendors" in people
    assert "Lena Learner" not in people  # Learning level: not sent questions
    # The expenses lead scores twice as high, but on the second page's topic: she comes after the vendor expert.
    assert people.index("Marek Vendors") < people.index("Dana Expenses")


def test_a_question_nothing_answers_suggests_nobody_from_weaker_matches(signed_in, vendor_world):
    html = ask_html(signed_in, "how do I book annual leave for my manager")
    assert "Nothing in the wiki answers this" in html
    assert "Dana Expenses" not in people_listed(html)


@pytest.fixture
def plan_pages(home):
    finance = ProcessPageFactory(title="Finance", parent=home)
    first = article("Your first invoice", body="Post a practice invoice in the sandbox.", parent=finance)
    later = article("Closing the month", body="The close runs on working day three.", parent=finance)
    secret = article("Payroll runs", body="Payroll is closed to most people.", parent=finance)
    payroll = Group.objects.create(name="Payroll")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(payroll)
    plan = make_plan("Accountant", milestones=[("Week one", 5, [], [first, secret]), ("Month one", 30, [], [later])])
    return {"plan": plan, "first": first, "later": later, "secret": secret, "finance": finance}


def test_an_onboarding_question_points_a_new_hire_to_their_plan(signed_in, person, plan_pages):
    make_onboarding(person, start_date=date.today(), plan_template=plan_pages["plan"])
    html = ask_html(signed_in, "I'm new, where do I start?")
    assert "Start with your onboarding plan" in html
    assert f'href="{reverse("buddies:mine")}"' in html
    pointer = html[
        html.index('id="onboarding-heading"') : html.index("</section>", html.index('id="onboarding-heading"'))
    ]
    assert pointer.index("Your first invoice") < pointer.index("Closing the month")  # next milestone first
    assert "Payroll runs" not in pointer  # a plan page the hire may not open is not listed
    assert "Nothing in the wiki answers this" not in html


def test_an_onboarding_question_from_someone_without_a_plan_gets_a_pointer(client, plan_pages):
    client.force_login(UserFactory(first_name="Olu", last_name="Visitor"))
    html = ask_html(client, "where do I start as a new hire")
    assert "New here?" in html
    assert "You have no onboarding plan in Onramp yet" in html
    assert plan_pages["finance"].url in html  # the wiki's process areas
    assert "Nothing in the wiki answers this" not in html


def test_other_questions_get_no_onboarding_pointer(signed_in, person, plan_pages):
    make_onboarding(person, start_date=date.today(), plan_template=plan_pages["plan"])
    html = ask_html(signed_in, "practice invoice sandbox")
    assert "Start with your onboarding plan" not in html
    assert "Your first invoice" in html
