"""Single sign-on through a real OpenID Connect provider (tests/sso/provider.mjs): the whole authorization-code
round trip, Onramp's side in the Django test client, the provider's sign-in and consent pages over HTTP."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from expertise.factories import UserFactory
from expertise.models import Profile
from imports.people import import_people
from tests.sso.flow import cancel_at_provider, sign_in, through_provider

pytestmark = pytest.mark.django_db

HR_EXPORT = """id,email,name,title
E1001,ada@example.com,Ada Lovelace,Engineer
,grace@example.com,Grace Hopper,Admiral
"""


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def messages_on(client, response) -> str:
    return client.get(response["Location"]).content.decode()


@pytest.fixture
def imported(db):
    report = import_people(HR_EXPORT)
    assert report.errors == []
    return {profile.user.email: profile.user for profile in Profile.objects.select_related("user")}


def test_a_person_imported_from_hr_signs_in_as_themselves_by_hr_id(client, single_sign_on, imported):
    # The provider knows Ada under another address: only her HR id can find her.
    single_sign_on.set_accounts({"ada-idp": {"email": "a.lovelace@corp.example", "employee_id": "E1001"}})
    people = get_user_model().objects.count()

    response = sign_in(client, "ada-idp", next_url="/onboarding/")

    assert response.status_code == 302 and response["Location"] == "/onboarding/"
    assert signed_in_user(client) == imported["ada@example.com"]
    assert get_user_model().objects.count() == people
    assert client.get("/onboarding/").status_code == 200


def test_without_an_hr_id_a_person_is_found_by_email_in_any_case(client, single_sign_on, imported):
    single_sign_on.set_accounts({"grace-idp": {"email": "Grace@Example.COM", "email_verified": True}})
    people = get_user_model().objects.count()

    sign_in(client, "grace-idp")

    assert signed_in_user(client) == imported["grace@example.com"]
    assert get_user_model().objects.count() == people


def test_found_by_email_a_person_keeps_the_hr_id_the_provider_gives(client, single_sign_on, imported):
    single_sign_on.set_accounts({"grace-idp": {"email": "grace@example.com", "employee_id": "E2002"}})

    sign_in(client, "grace-idp")

    assert signed_in_user(client) == imported["grace@example.com"]
    assert Profile.objects.get(user=imported["grace@example.com"]).external_id == "E2002"


def test_an_address_the_provider_never_verified_finds_nobody(client, single_sign_on, imported):
    single_sign_on.set_accounts({"grace-idp": {"email": "grace@example.com", "email_verified": False}})

    response = sign_in(client, "grace-idp")

    assert signed_in_user(client) is None
    assert "Onramp has no account for" in messages_on(client, response)


def test_an_email_belonging_to_another_hr_record_is_refused(client, single_sign_on, imported):
    single_sign_on.set_accounts({"ada-idp": {"email": "ada@example.com", "employee_id": "E9999"}})

    response = sign_in(client, "ada-idp")

    assert signed_in_user(client) is None
    assert "belongs to another HR record" in messages_on(client, response)
    assert Profile.objects.get(user=imported["ada@example.com"]).external_id == "E1001"


@pytest.mark.parametrize("inactive", ["account", "hr record"])
def test_a_person_who_is_inactive_cannot_sign_in(client, single_sign_on, imported, inactive):
    ada = imported["ada@example.com"]
    if inactive == "account":
        get_user_model().objects.filter(pk=ada.pk).update(is_active=False)
    else:
        Profile.objects.filter(user=ada).update(active=False)
    single_sign_on.set_accounts({"ada-idp": {"email": "ada@example.com", "employee_id": "E1001"}})

    response = sign_in(client, "ada-idp", next_url="/onboarding/")

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert signed_in_user(client) is None
    assert "Your Onramp account is not active" in messages_on(client, response)


def test_refusals_by_single_sign_on_are_not_counted_as_password_guesses(client, single_sign_on, imported):
    """Sign-in throttling counts wrong passwords; the provider checked the password, so a refusal here (an
    unknown person, several people behind one office address) must not pause anyone's sign-in."""
    from axes.models import AccessAttempt, AccessFailureLog

    single_sign_on.set_accounts({"stranger": {"email": "stranger@example.com", "employee_id": "E7777"}})
    for _ in range(3):
        sign_in(client, "stranger")

    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()
    response = client.post("/accounts/login/", {"username": "ada", "password": "wrong"})
    assert response.status_code == 200
    assert AccessAttempt.objects.count() == 1, "a wrong password is still counted"


def test_someone_onramp_does_not_know_is_refused_with_the_reason(client, single_sign_on, imported):
    single_sign_on.set_accounts({"stranger": {"email": "stranger@example.com", "employee_id": "E7777"}})
    people = get_user_model().objects.count()

    response = sign_in(client, "stranger")

    assert signed_in_user(client) is None
    assert get_user_model().objects.count() == people
    assert "Onramp has no account for stranger@example.com" in messages_on(client, response)


def test_someone_unknown_is_added_once_when_the_setting_allows(client, settings, single_sign_on, imported):
    settings.OIDC_CREATE_USER = True
    new_hire = {"email": "new.hire@example.com", "employee_id": "E3003", "given_name": "Nia", "family_name": "Ode"}
    single_sign_on.set_accounts({"new-idp": new_hire})

    sign_in(client, "new-idp")
    client.logout()
    sign_in(client, "new-idp")

    person = signed_in_user(client)
    assert (person.email, person.get_full_name(), person.profile.external_id) == (
        "new.hire@example.com",
        "Nia Ode",
        "E3003",
    )
    assert not person.has_usable_password()
    assert get_user_model().objects.filter(email="new.hire@example.com").count() == 1


def test_the_group_claim_puts_people_in_mapped_groups_and_takes_them_out(client, single_sign_on, imported):
    ada = imported["ada@example.com"]
    trainers = Group.objects.create(name="Trainers")  # no mapping names it: left alone
    ada.groups.add(trainers)
    account = {"email": "ada@example.com", "employee_id": "E1001"}

    single_sign_on.set_accounts({"ada-idp": {**account, "groups": ["wiki-editors", "idp-only-group"]}})
    sign_in(client, "ada-idp")
    assert set(ada.groups.values_list("name", flat=True)) == {"Editors", "Trainers"}

    client.logout()
    single_sign_on.set_accounts({"ada-idp": {**account, "groups": ["forum-moderators"]}})
    sign_in(client, "ada-idp")
    assert set(ada.groups.values_list("name", flat=True)) == {"Moderators", "Trainers"}


def test_cancelling_at_the_provider_comes_back_to_the_sign_in_page_saying_so(client, single_sign_on, imported):
    response = cancel_at_provider(client)

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert signed_in_user(client) is None
    assert "You cancelled signing in with Test ID" in messages_on(client, response)


def test_a_tampered_state_is_refused(client, single_sign_on, imported):
    single_sign_on.set_accounts({"ada-idp": {"email": "ada@example.com", "employee_id": "E1001"}})
    journey = through_provider(client, "ada-idp")

    response = journey.finish(journey.callback_url.replace("state=", "state=x"))

    assert response.status_code == 400
    assert signed_in_user(client) is None


def test_password_sign_in_stays_alongside_single_sign_on(client, single_sign_on):
    UserFactory(username="jill")

    page = client.get("/accounts/login/")
    assert "Sign in with Test ID" in page.content.decode()
    client.post("/accounts/login/", {"username": "jill", "password": "correct horse battery staple"})

    assert signed_in_user(client).username == "jill"


def test_with_single_sign_on_off_there_is_no_way_to_it(client, settings, db):
    settings.OIDC_ENABLED = False

    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/", {"code": "x", "state": "y"}).status_code == 404
    assert "Sign in with" not in client.get("/accounts/login/").content.decode()
