"""The people and pages the Ask, who-knows, gaps and pages API tests share: one of each role the site's own
tests use, a public process area and one restricted to a group, and a self-assessment only some may read.

Built once per test module (tests.shared_worlds); each test reads it afresh inside its own savepoint."""

from datetime import date

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from wagtail.models import PageViewRestriction, Site

from buddies.factories import make_buddy, make_onboarding
from expertise.factories import ExpertiseScoreFactory, TeamFactory, TopicFactory, make_person
from expertise.recording import self_assess
from tests.permissions import grant
from tests.shared_worlds import built_once, for_this_test
from wiki.factories import ArticlePageFactory, ProcessPageFactory

PAYROLL_TITLE = "Salary payment runs for payroll"


@pytest.fixture
def roles(db, roles_once):
    """The roles' people and pages as this test gets them (see build_roles)."""
    return for_this_test(roles_once, build_roles)


@pytest.fixture(scope="module")
def roles_once(request, django_db_setup, django_db_blocker):
    yield from built_once(request, django_db_blocker, build_roles)


def build_roles() -> dict:
    """Jill (new hire) reports to Marty (manager) and has Jim as her buddy; Carrie is a trainer (triages gaps);
    Nadia runs the onboarding program (sees every onboarding);
    Ben is a colleague and the only one in the Payroll team, whose area is restricted to that team. Jill
    self-assessed on payment runs, which her manager and buddy may read and nobody else."""
    cache.clear()  # the glossary and vocabulary Ask reads are cached between tests
    home = Site.objects.get(is_default_site=True).root_page.specific
    team = TeamFactory(name="Accounts Payable")
    long_ago = date(2019, 3, 4)
    marty = make_person("marty.keller", team=team, start_date=long_ago)
    jill = make_person("jill.hartmann", team=team, manager=marty, start_date=date.today())
    jim = make_person("jim.okafor", team=team, manager=marty, start_date=long_ago)
    ben = make_person("ben.ashworth", team=team, manager=marty, start_date=long_ago)
    carrie = make_person("carrie.lindqvist", start_date=long_ago)
    carrie.groups.add(Group.objects.get(name="Moderators"))
    grant(carrie, "forums.triage_gap")
    nadia = make_person("nadia.programme", start_date=long_ago)
    nadia.user_permissions.add(Permission.objects.get(codename="view_all_onboardings"))
    payroll_team = Group.objects.create(name="Payroll team")
    ben.groups.add(payroll_team)

    topic = TopicFactory(name="Payment runs")
    payments = ProcessPageFactory(title="Payments", parent=home, page_owner=jim, topics=[topic])
    proposal = ArticlePageFactory(
        title="Run the payment proposal",
        summary="How the weekly payment run is proposed and approved.",
        parent=payments,
        page_owner=jim,
        topics=[topic],
    )
    payroll = ProcessPageFactory(title="Payroll", parent=home, page_owner=ben)
    salary = ArticlePageFactory(
        title=PAYROLL_TITLE, summary="Each payment run for salaries.", parent=payroll, page_owner=ben, topics=[topic]
    )
    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(payroll_team)

    make_buddy(jim)
    make_onboarding(jill, start_date=date.today(), buddy=jim, by=marty)
    ExpertiseScoreFactory(person=jim, topic=topic)
    self_assess(person=jill, topic=topic, level=4)
    return {
        "jill": jill,
        "jim": jim,
        "marty": marty,
        "ben": ben,
        "carrie": carrie,
        "nadia": nadia,
        "topic": topic,
        "payments": payments,
        "proposal": proposal,
        "payroll": payroll,
        "salary": salary,
    }
