"""Whatever someone puts in an address — a NUL byte, a number too big for any database column, digits that are
digits only to Python, a line break — every view answers 400, 404 or the page with the filter ignored: never
a 500. Runs on PostgreSQL too, which refuses NUL in any text it is given."""

from datetime import date

import pytest

from django.urls import reverse

from buddies.models import Cohort
from buddies.pairing import start_onboarding
from expertise.factories import TeamFactory, TopicFactory, UserFactory, make_person
from forums.gaps import raise_gap
from forums.models import GapSource, UserGroup
from wiki.factories import ArticlePageFactory, ProcessPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HUGE = "9" * 20  # beyond the 64-bit integers both databases store
HOSTILE_NUMBERS = {
    "huge": HUGE,
    "very-long": "9" * 5000,  # beyond the digits Python's int() reads
    "superscript": "²",  # str.isdigit() says yes, int() says no
    "arabic-indic": "١٢",  # int() reads it, no database id is written so
    "negative": "-1",
    "zero": "0",
    "word": "abc",
}
NUL = "a\x00b"


@pytest.fixture
def world(db):
    """Enough of everything for each filter to reach the database: a process area with an article, a team, a
    topic, a gap, a user group, an onboarding in a cohort."""
    admin = UserFactory(username="root", first_name="Ro", last_name="Ot", is_superuser=True, is_staff=True)
    topic = TopicFactory(name="Payment runs", slug="payment-runs")
    area = ProcessPageFactory(title="Finance", topics=[topic])
    ArticlePageFactory(title="Run the payment proposal", parent=area, topics=[topic])
    team = TeamFactory(name="Accounts Payable")
    hire = make_person("jill.hartmann", team=team, start_date=date(2026, 1, 5))
    cohort = Cohort.objects.create(name="Winter", starts_on=date(2026, 1, 5), ends_on=date(2026, 4, 5))
    onboarding = start_onboarding(hire=hire, start_date=date(2026, 1, 5), cohort=cohort)
    gap = raise_gap(title="Payment block reasons", source=GapSource.DIRECT, raised_by=hire, topics=[topic])
    UserGroup.objects.create(name="Payables users", slug="payables-users")
    return {"admin": admin, "area": area, "onboarding": onboarding, "cohort": cohort, "gap": gap}


# Pages with filters in their query string: each hostile value of each parameter renders the page.
FILTERED_PAGES = {
    "ask": ("search:ask", [], {"q": "payment"}, ["area", "topic", "kind", "page", "log"]),
    "directory": ("expertise:directory", [], {}, ["q", "team", "topic", "location", "page"]),
    "who-knows": ("expertise:who_knows", [], {}, ["q"]),
    "topic": ("expertise:topic", ["payment-runs"], {}, ["page"]),
    "map": ("expertise:map", [], {}, ["area", "team", "by", "per_page", "page"]),
    "new-hires": ("buddies:new_hires", [], {}, ["page"]),
    "program": ("buddies:program", [], {}, ["page"]),
    "gaps": ("forums:gaps", [], {}, ["show", "page"]),
    "flag-gap": ("forums:flag_gap", [], {}, ["page", "topic"]),
    "dashboard": ("forums:dashboard", [], {}, ["status", "process", "topic", "page"]),
    "tasks": ("forums:my_tasks", [], {}, ["show", "page"]),
    "groups": ("forums:groups", [], {}, ["page"]),
    "inbox": ("inbox:inbox", [], {}, ["show", "page"]),
}


@pytest.mark.parametrize("name", FILTERED_PAGES)
def test_hostile_numbers_in_filters_are_ignored_and_the_page_renders(client, world, name):
    url_name, args, base, params = FILTERED_PAGES[name]
    client.force_login(world["admin"])
    url = reverse(url_name, args=args)
    for param in params:
        for label, value in HOSTILE_NUMBERS.items():
            response = client.get(url, {**base, param: value})
            assert response.status_code == 200, f"{url}?{param}={label}"


@pytest.mark.parametrize("name", FILTERED_PAGES)
def test_a_nul_byte_in_a_filter_is_a_bad_request(client, world, name):
    url_name, args, base, params = FILTERED_PAGES[name]
    client.force_login(world["admin"])
    url = reverse(url_name, args=args)
    for param in params:
        response = client.get(url, {**base, param: NUL})
        assert response.status_code == 400, f"{url}?{param}=NUL"
        assert "Onramp could not read that address" in response.content.decode()


def test_filters_that_name_real_things_still_filter(client, world):
    client.force_login(world["admin"])
    area = world["area"].pk
    the_map = client.get(reverse("expertise:map"), {"area": area, "per_page": "5"}).content.decode()
    assert f'<option value="{area}" selected>Finance</option>' in the_map
    flag = client.get(reverse("forums:flag_gap"), {"page": area}).content.decode()
    assert f'<option value="{area}" selected>Finance</option>' in flag


PATHS = [
    "/people/a%00b/",
    "/people/a%00b/endorse/",
    "/topics/a%00b/",
    "/forums/groups/a%00b/",
    "/a%00b/",
    f"/onboarding/{HUGE}/",
    f"/onboarding/{HUGE}/buddy/",
    f"/onboarding/cohorts/{HUGE}/match/",
    f"/onboarding/check-ins/{HUGE}/",
    f"/onboarding/1/survey/{HUGE}/",
    f"/forums/gaps/{HUGE}/",
    f"/forums/tasks/{HUGE}/",
    f"/forums/sessions/{HUGE}/",
    f"/ask/go/{HUGE}/?url=/&kind=page",
    f"/ask/go/{HUGE}/?url=/a%0Ab&kind=page",
    f"/inbox/?page={HUGE}",
    f"/?page={HUGE}",
    "/?page=%00",
    "/admin/reports/open-gaps/?source=a%00b",
    "/admin/snippets/buddies/onboarding/?q=a%00b",
]


@pytest.mark.parametrize("path", PATHS, ids=[path.replace("%", "pct") for path in PATHS])
def test_hostile_paths_are_refused_or_not_found_never_an_error(client, world, path):
    client.force_login(world["admin"])
    response = client.get(path)
    assert response.status_code < 500
    if "%00" in path:
        assert response.status_code == 400


POSTS = {
    "merge-into-huge": ("forums:merge", "gap", {"into": HUGE}),
    "raise-candidate-word": ("forums:raise_candidate", None, {"key": "feedback:abc"}),
    "raise-candidate-superscript": ("forums:raise_candidate", None, {"key": "search-misses:²"}),
    "dismiss-candidate-huge": ("forums:dismiss_candidate", None, {"key": f"feedback:{'9' * 5000}"}),
    "cohort-pair-superscript": ("buddies:cohort_match", "cohort", {"pair": "²:1"}),
    "cohort-pair-huge": ("buddies:cohort_match", "cohort", {"pair": f"{HUGE}:{HUGE}"}),
    "end-next-line-break": ("buddies:end", "onboarding", {"outcome": "x", "next": "/a\nb"}),
    "end-next-other-site": ("buddies:end", "onboarding", {"outcome": "x", "next": "/\\evil.example.com"}),
    "answered-huge": ("search:answered", HUGE, {"answered": "yes"}),
}


@pytest.mark.parametrize("name", POSTS)
def test_hostile_ids_in_forms_get_a_message_never_an_error(client, world, name):
    url_name, arg, data = POSTS[name]
    client.force_login(world["admin"])
    args = [] if arg is None else [world[arg].pk if arg in world else arg]
    response = client.post(reverse(url_name, args=args), data)
    assert response.status_code in {302, 400, 404}, name
    if response.status_code == 302:
        assert response.url.startswith("/") and not response.url.startswith(("//", "/\\")), response.url
        assert client.get(response.url).status_code < 500
