"""Single sign-on in the browser: people imported from the handbook's HR export sign in through the test OpenID
Connect provider (tests/sso/provider.py), which names them by their HR id alone (the export has no email).

The stack runs the provider with its own callback as the client's redirect URI (tests/browser/conftest.py)."""

import csv
import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import SSO_EXTERNAL_ID_CLAIM, SSO_PROVIDER_NAME, missing

pytestmark = pytest.mark.browser

PEOPLE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "handbook" / "people.csv"

# A hire's onboarding started and paired the way the program does it (buddies/pairing.py), with the best
# eligible buddy the matching suggests: the same calls the demo and the buddy pages make.
ONBOARD = """
from django.utils import timezone
from buddies.matching import suggest_buddies
from buddies.pairing import assign_buddy, start_onboarding
from expertise.models import Profile

def onboard(hr_id):
    profile = Profile.objects.select_related("user", "manager").get(external_id=hr_id)
    onboarding = start_onboarding(hire=profile.user, start_date=timezone.localdate())
    suggestions, left_out = suggest_buddies(onboarding, limit=1)
    if not suggestions:
        raise AssertionError(f"nobody eligible to be the buddy: {left_out}")
    buddy = suggestions[0].candidate.user
    assign_buddy(onboarding=onboarding, buddy=buddy, by=profile.manager)
    return {"role": onboarding.role, "buddy": buddy.profile.name}
"""
PERSON = "from expertise.models import Profile"


def handbook_people() -> list[dict]:
    if not PEOPLE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the handbook corpus is read from shared/ beside the checkout ({PEOPLE})")
        pytest.skip(f"no handbook corpus at {PEOPLE}")
    with PEOPLE.open(encoding="utf-8-sig", newline="") as export:
        return list(csv.DictReader(export))


@pytest.fixture(scope="module")
def imported(stack) -> list[dict]:
    """The handbook's people, imported into the stack as an operator would (`manage.py import_people`)."""
    if stack.provider is None:
        missing(f"no test OpenID Connect provider: {stack.no_provider}")
    people = handbook_people()
    stack.manage("import_people", str(PEOPLE))
    ids = [person["id"] for person in people]
    found = stack.query(f"Profile.objects.filter(external_id__in={ids!r}).count()", imports=PERSON)
    assert found == len(people)
    return people


def provider_account(stack, person: dict) -> str:
    """Gives the provider an account for the person, naming them by HR id; its login on the provider's page.
    The email is one Onramp does not know, so only the HR id can find them."""
    login = f"idp-{person['id']}"
    stack.provider.set_accounts(
        {
            login: {
                SSO_EXTERNAL_ID_CLAIM: person["id"],
                "name": person["name"],
                "email": f"{login}@sso.example.com",
                "email_verified": True,
            }
        }
    )
    return login


def sign_in_at_the_provider(visitor, login: str) -> None:
    """The provider's own sign-in and consent pages (its development pages accept any password)."""
    visitor.page.get_by_placeholder("Enter any login").fill(login)
    visitor.page.get_by_placeholder("and password").fill("any password")
    visitor.page.get_by_role("button", name="Sign-in").click()
    visitor.page.get_by_role("button", name="Continue").click()
    visitor.page.wait_for_load_state()


def test_a_new_hire_from_the_hr_export_signs_in_through_the_provider_and_lands_on_their_onboarding(
    stack, imported, visit
):
    hire = next(person for person in reversed(imported) if person["manager"] and person["role"])
    onboarding = stack.query(f"onboard({hire['id']!r})", imports=ONBOARD)
    login = provider_account(stack, hire)

    visitor = visit()
    visitor.page.goto("/onboarding/")
    assert visitor.page.url.startswith(f"{stack.url}/accounts/login/")
    assert visitor.serious_accessibility_violations() == []
    visitor.page.get_by_role("link", name=f"Sign in with {SSO_PROVIDER_NAME}").click()
    visitor.page.wait_for_url(f"{stack.provider.issuer}/**")
    sign_in_at_the_provider(visitor, login)

    visitor.page.wait_for_url(f"{stack.url}/onboarding/")
    assert visitor.page.get_by_role("heading", level=1).inner_text() == "My onboarding"
    assert visitor.page.get_by_role("link", name=hire["name"], exact=True).first.is_visible()
    assert onboarding["role"] in visitor.page.locator(".lead").inner_text()
    buddy = visitor.page.locator("dt", has_text=re.compile(r"^Buddy$")).locator("xpath=following-sibling::dd[1]")
    assert buddy.inner_text().strip() == onboarding["buddy"]
    visitor.screenshot("6-new-hire-signed-in-through-single-sign-on")

    # Found by HR id: the imported person signed in, and no second account was made for the provider's email.
    signed_in = stack.query(
        f"list(Profile.objects.filter(external_id={hire['id']!r}).values_list('user__last_login', flat=True))",
        imports=PERSON,
    )
    assert len(signed_in) == 1 and signed_in[0] is not None
    assert (
        stack.query(f"Profile.objects.filter(user__email='{login}@sso.example.com').exists()", imports=PERSON) is False
    )


def test_a_person_hr_marked_inactive_is_refused_with_the_reason(stack, imported, visit):
    leaver = next(person for person in imported if person["manager"] and person["role"])
    stack.query(
        f"Profile.objects.filter(external_id={leaver['id']!r}).update(active=False)",  # the People admin's "Active"
        imports=PERSON,
    )
    login = provider_account(stack, leaver)

    visitor = visit()
    visitor.page.goto("/accounts/login/")
    visitor.page.get_by_role("link", name=f"Sign in with {SSO_PROVIDER_NAME}").click()
    sign_in_at_the_provider(visitor, login)

    visitor.page.wait_for_url(f"{stack.url}/accounts/login/**")
    assert "Your Onramp account is not active." in visitor.page.get_by_role("status").first.inner_text()
    visitor.screenshot("6-inactive-person-refused-at-single-sign-on")
    visitor.page.goto("/onboarding/")
    assert visitor.page.url.startswith(f"{stack.url}/accounts/login/"), "the refused person is not signed in"
    assert stack.query(f"Profile.objects.get(external_id={leaver['id']!r}).user.last_login", imports=PERSON) is None
