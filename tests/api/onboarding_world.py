"""The people and onboardings the onboarding, check-in, task and notification API tests share, one per role.

Jill is the new hire (from tests.buddies' START, on its frozen TODAY), Jim her buddy, Nadia her line manager
(and so her onboarding's manager); Lee is another new hire, in General Ledger under Sam, with Agnes as his buddy;
Marty heads finance but manages neither hire directly; a program admin, and Carrie, a trainer. Jim and Jill
each wrote a private note on Jill's first check-in, Agnes one on Lee's; Jill assessed herself and answered a
survey.

The world is built once per test module (tests.shared_worlds), on the frozen TODAY, and each test reads it afresh
inside its own savepoint. A test module imports the fixtures it needs, with `frozen_today` from tests.buddies;
`world` and `as_role` are defined under other names so that importing them does not shadow the arguments."""

import pytest
import time_machine

from django.contrib.auth.models import Group

from buddies import checkins
from buddies.factories import make_onboarding
from buddies.models import SurveyResponse
from expertise.factories import UserFactory, make_person
from expertise.recording import self_assess
from tests.buddies.conftest import NOW, START, TODAY, frozen_today, make_org, make_program_admin  # noqa: F401
from tests.permissions import grant
from tests.shared_worlds import built_once, for_this_test

JIM_NOTE = "Jill seems overwhelmed by the vendor queue"
JILL_NOTE = "I still do not get three-way matching"
AGNES_NOTE = "Lee is ahead of plan"
QUESTION = "Where are blocked vendors listed?"

# Everyone the privacy tests ask, as names in `world`; None is a call without a token.
ROLES = ["jill", "jim", "nadia", "lee", "agnes", "admin", "trainer", "marty", None]


@pytest.fixture(name="world")
def world_fixture(db, world_once):
    """The onboarding world as this test gets it (see build_world)."""
    return for_this_test(world_once, build_world)


@pytest.fixture(scope="module")
def world_once(request, django_db_setup, django_db_blocker):
    yield from built_once(request, django_db_blocker, build_world)


def build_world() -> dict:
    """Built on TODAY, as each test runs (frozen_today)."""
    with time_machine.travel(NOW, tick=False):
        return build_on_today(make_org(), make_program_admin())


def build_on_today(org: dict, program_admin) -> dict:
    lee = make_person("lee.ledger", team=org["ledger"], manager=org["sam"], start_date=START)
    trainer = UserFactory(username="carrie.lindqvist", first_name="Carrie", last_name="Lindqvist")
    trainer.groups.add(Group.objects.get(name="Moderators"))
    grant(trainer, "forums.triage_gap")
    jills = make_onboarding(org["jill"], start_date=START, plan_template=org["plan"], buddy=org["jim"], by=org["nadia"])
    lees = make_onboarding(lee, start_date=START, plan_template=org["plan"], buddy=org["agnes"], by=org["sam"])
    first = jills.check_ins.first()
    checkins.record_check_in(
        check_in=first, by=org["jim"], held_on=TODAY, aims="First invoices", questions=QUESTION, private_note=JIM_NOTE
    )
    checkins.record_check_in(
        check_in=first, by=org["jill"], held_on=TODAY, aims="First invoices", private_note=JILL_NOTE
    )
    checkins.record_check_in(
        check_in=lees.check_ins.first(), by=org["agnes"], held_on=TODAY, aims="Ledger basics", private_note=AGNES_NOTE
    )
    self_assess(person=org["jill"], topic=org["invoices"], level=2)
    SurveyResponse.objects.create(
        onboarding=jills, day=30, buddy_support=2, plan_clarity=4, confidence=3, comment="Too many vendors"
    )
    jills.refresh_from_db()
    return {
        **org,
        "admin": program_admin,
        "trainer": trainer,
        "lee": lee,
        "jills": jills,
        "lees": lees,
        "first_check_in": first,
    }


@pytest.fixture(name="as_role")
def as_role_fixture(api_as, world):
    """`as_role("jim")` calls the API with Jim's token; `as_role(None)` with none."""

    def client_for(role: str | None):
        return api_as(world[role] if role else None)

    return client_for
