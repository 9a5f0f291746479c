"""Who sees what: the hire their own, a buddy their hires, a manager their team, program admins all; private
notes only their author, in every view, the export and the admin."""

from datetime import date

import pytest
import time_machine

from django.contrib.auth.models import Permission
from django.urls import reverse

from buddies import access, checkins
from buddies.models import Cohort, Onboarding
from buddies.pairing import assign_buddy, start_onboarding
from expertise.factories import make_person
from tests.buddies.conftest import NOW, START, TODAY, make_org, make_program_admin
from tests.shared_worlds import built_once, for_this_test

pytestmark = pytest.mark.django_db

NOTE = "Jill seems overwhelmed by the vendor queue"


@pytest.fixture
def world(db, world_once):
    return for_this_test(world_once, build_world)


@pytest.fixture(scope="module")
def world_once(request, django_db_setup, django_db_blocker):
    """Built once, on TODAY, for the module (tests.shared_worlds)."""

    def on_today() -> dict:
        with time_machine.travel(NOW, tick=False):
            return build_world()

    yield from built_once(request, django_db_blocker, on_today)


def build_world() -> dict:
    org, program_admin = make_org(), make_program_admin()
    cohort = Cohort.objects.create(name="Autumn 2026", starts_on=START, ends_on=date(2027, 2, 1))
    jills = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"], cohort=cohort)
    assign_buddy(onboarding=jills, buddy=org["jim"], by=org["nadia"])
    lee = make_person("lee.ledger", team=org["ledger"], manager=org["sam"], start_date=START)
    lees = start_onboarding(hire=lee, start_date=START, cohort=cohort)
    checkins.record_check_in(
        check_in=jills.check_ins.first(), by=org["jim"], held_on=TODAY, aims="First invoices", private_note=NOTE
    )
    jills.refresh_from_db()
    return {**org, "admin": program_admin, "jills": jills, "lees": lees, "cohort": cohort, "lee": lee}


def test_seeing_one_onboarding_and_listing_them_agree_for_every_role(world):
    from django.contrib.auth.models import AnonymousUser

    # Marty is named as the manager of Lee's onboarding though Sam is Lee's line manager.
    world["lees"].manager = world["marty"]
    world["lees"].save(update_fields=["manager"])
    onboardings = list(Onboarding.objects.all())
    people = ["jill", "jim", "nadia", "sam", "marty", "admin", "lee", "agnes"]
    seen = {}
    for who in [*people, "anonymous"]:
        user = AnonymousUser() if who == "anonymous" else world[who]
        listed = set(access.onboardings_visible_to(user).values_list("pk", flat=True))
        assert listed == {o.pk for o in onboardings if access.can_view(user, o)}, who
        seen[who] = {o.hire.get_username() for o in onboardings if o.pk in listed}
    assert seen["marty"] == {"lee.ledger"} and seen["sam"] == {"lee.ledger"}
    assert seen["nadia"] == seen["jim"] == seen["jill"] == {"jill.hartmann"}
    assert seen["admin"] == {"jill.hartmann", "lee.ledger"}
    assert seen["agnes"] == seen["anonymous"] == set()


def urls(world):
    jills = world["jills"]
    return {
        "detail": reverse("buddies:onboarding", args=[jills.pk]),
        "choose": reverse("buddies:choose_buddy", args=[jills.pk]),
        "program": reverse("buddies:program"),
        "export": reverse("buddies:export"),
        "cohort": reverse("buddies:cohort_match", args=[world["cohort"].pk]),
        "check_in": reverse("buddies:check_in", args=[jills.check_ins.first().pk]),
        "survey": reverse("buddies:survey", args=[jills.pk, 30]),
    }


MATRIX = {
    #          detail choose program export cohort check_in survey
    "jill": (200, 403, 403, 403, 403, 200, 200),
    "jim": (200, 403, 403, 403, 403, 200, 403),
    "nadia": (200, 200, 200, 200, 403, 403, 403),
    "sam": (404, 404, 200, 200, 403, 404, 404),  # Sam manages Lee, not Jill
    "marty": (404, 404, 200, 200, 403, 404, 404),  # above Jill's manager, but not her manager: not his team
    "admin": (200, 200, 200, 200, 200, 403, 403),
}


@pytest.mark.parametrize("who", list(MATRIX))
def test_permission_matrix(client, world, who):
    client.force_login(world[who])
    for (name, url), expected in zip(urls(world).items(), MATRIX[who], strict=True):
        assert client.get(url).status_code == expected, f"{who} on {name}"


@pytest.mark.parametrize("who", ["jill", "nadia", "admin"])
def test_private_notes_are_never_shown_to_anyone_but_their_author(client, world, who):
    client.force_login(world[who])
    page = client.get(reverse("buddies:onboarding", args=[world["jills"].pk])).content.decode()
    assert "First invoices" in page
    assert NOTE not in page
    assert NOTE not in client.get(reverse("buddies:export")).content.decode()


def test_the_author_reads_their_own_note(client, world):
    client.force_login(world["jim"])
    assert NOTE in client.get(reverse("buddies:onboarding", args=[world["jills"].pk])).content.decode()
    assert NOTE in client.get(reverse("buddies:check_in", args=[world["jills"].check_ins.first().pk])).content.decode()


def test_the_export_holds_only_the_managers_team(client, world):
    client.force_login(world["nadia"])
    rows = client.get(reverse("buddies:export")).content.decode().splitlines()
    assert rows[0].startswith("hire,start date,status")
    assert [row.split(",")[0] for row in rows[1:]] == ["jill.hartmann"]

    client.force_login(world["admin"])
    rows = client.get(reverse("buddies:export")).content.decode().splitlines()
    assert sorted(row.split(",")[0] for row in rows[1:]) == ["jill.hartmann", "lee.ledger"]


def test_people_who_manage_nobody_have_no_program_dashboard(client, world):
    client.force_login(world["jim"])
    assert client.get(reverse("buddies:program")).status_code == 403


def test_the_program_dashboard_lists_only_the_team_for_a_manager(client, world):
    client.force_login(world["sam"])
    page = client.get(reverse("buddies:program")).content.decode()
    assert "Lee Ledger" in page and "Jill Hartmann" not in page
    assert "Cohorts" not in page, "cohort KPIs are for program admins"


def admin_user_with_model_perms(username, *, program_admin: bool):
    from expertise.factories import UserFactory

    user = UserFactory(username=username)
    codenames = ["access_admin", "view_onboarding", "change_onboarding", "add_onboarding"]
    if program_admin:
        codenames.append("view_all_onboardings")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def test_the_wagtail_admin_screens_are_for_program_admins_only(client, world):
    listing = reverse("wagtailsnippets_buddies_onboarding:list")
    client.force_login(admin_user_with_model_perms("team.lead", program_admin=False))
    assert client.get(listing).status_code in {302, 403}

    client.force_login(admin_user_with_model_perms("program.lead", program_admin=True))
    response = client.get(listing)
    assert response.status_code == 200
    edit = client.get(reverse("wagtailsnippets_buddies_onboarding:edit", args=[world["jills"].pk]))
    assert edit.status_code == 200
    assert NOTE not in edit.content.decode(), "the admin never shows private notes"


def test_a_buddy_sees_the_hires_self_assessments_only_while_paired(world):
    from expertise.privacy import can_see_self_assessments
    from expertise.recording import self_assess

    self_assess(person=world["jill"], topic=world["invoices"], level=2)
    assert can_see_self_assessments(world["jim"], world["jill"])
    assert not can_see_self_assessments(world["agnes"], world["jill"])
    from buddies.pairing import end_onboarding

    end_onboarding(onboarding=world["jills"], completed=True, on=TODAY)
    assert not can_see_self_assessments(world["jim"], world["jill"])


def test_the_program_link_shows_only_to_those_who_have_the_dashboard(client, world):
    program = f'href="{reverse("buddies:program")}"'
    client.force_login(world["jim"])
    assert program not in client.get(reverse("buddies:new_hires")).content.decode()
    client.force_login(world["nadia"])
    assert program in client.get(reverse("buddies:new_hires")).content.decode()
