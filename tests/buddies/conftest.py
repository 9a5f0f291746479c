from datetime import UTC, date, datetime

import pytest
import time_machine

from django.contrib.auth.models import Permission

from buddies.factories import make_buddy, make_onboarding, make_plan
from expertise.factories import TeamFactory, TopicFactory, make_person
from tests.services.conftest import celery_worker, services  # noqa: F401
from tests.shared_worlds import built_once, for_this_test

START = date(2026, 11, 2)
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # on TODAY


@pytest.fixture(autouse=True)
def frozen_today(request):
    """Every buddies test runs on TODAY, 18 days after Jill's start, whatever the calendar says; except tests
    with a real worker, which lives on the real clock."""
    if request.node.get_closest_marker("services"):
        yield None
        return
    with time_machine.travel(NOW, tick=False):
        yield TODAY


@pytest.fixture
def org(db, org_once):
    """The organisation as this test gets it (see make_org)."""
    return for_this_test(org_once, make_org)


@pytest.fixture(scope="module")
def org_once(request, django_db_setup, django_db_blocker):
    """Built once, on TODAY, for a module whose every test asks for the organisation (tests.shared_worlds)."""

    def on_today() -> dict:
        with time_machine.travel(NOW, tick=False):
            return make_org()

    yield from built_once(request, django_db_blocker, on_today)


def make_org() -> dict:
    """A small organisation: Marty heads finance; Nadia leads payables under him; Jim and Agnes are seasoned
    payables clerks and volunteer buddies; Jill joins payables on START."""
    payables, ledger = TeamFactory(name="Accounts Payable"), TeamFactory(name="General Ledger")
    marty = make_person("marty.keller", team=payables, start_date=date(2014, 6, 2))
    nadia = make_person("nadia.kowalska", team=payables, manager=marty, start_date=date(2017, 9, 18))
    jim = make_person("jim.okafor", team=payables, manager=nadia, start_date=date(2019, 3, 4))
    agnes = make_person(
        "agnes.lis", team=payables, manager=nadia, start_date=date(2018, 4, 9), time_zone="Europe/Warsaw"
    )
    sam = make_person("sam.thornton", team=ledger, manager=marty, start_date=date(2018, 8, 13))
    jill = make_person("jill.hartmann", team=payables, manager=nadia, start_date=START)
    for person in (jim, agnes, sam, nadia, marty):
        make_buddy(person)
    invoices, payments = TopicFactory(name="Invoice matching"), TopicFactory(name="Payment runs")
    plan = make_plan(
        "AP clerk",
        milestones=[
            ("Systems access", 1, []),
            ("First invoices matched", 7, [invoices]),
            ("Runs the payment proposal", 30, [payments]),
            ("Handles exceptions alone", 60, [invoices, payments]),
            ("Independent", 90, []),
        ],
    )
    return {
        "marty": marty,
        "nadia": nadia,
        "jim": jim,
        "agnes": agnes,
        "sam": sam,
        "jill": jill,
        "payables": payables,
        "ledger": ledger,
        "plan": plan,
        "invoices": invoices,
        "payments": payments,
    }


@pytest.fixture
def jills(org):
    """Jill's onboarding, from START, with Jim as her buddy."""
    return make_onboarding(org["jill"], start_date=START, plan_template=org["plan"], buddy=org["jim"], by=org["nadia"])


@pytest.fixture
def program_admin(db):
    return make_program_admin()


def make_program_admin():
    from expertise.factories import UserFactory

    user = UserFactory(username="program.admin")
    user.user_permissions.add(Permission.objects.get(codename="view_all_onboardings"))
    return user
