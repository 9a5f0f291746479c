"""Gaps over the API: the list and its filter, flagging, "me too" and a gap's details, through the forum's own
form and rules; a page or area a gap is about is named only to those who may open it."""

import pytest

from expertise.factories import TopicFactory
from forums.factories import GapFactory
from forums.models import Gap, GapSource, Raiser
from tests.api.roles import PAYROLL_TITLE

pytestmark = pytest.mark.django_db

GAPS = "/api/v1/gaps/"


def error_locations(response) -> list[list]:
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["loc"] for error in response.json()["errors"]]


@pytest.fixture
def payroll_gap(roles):
    """A gap Ben raised about the restricted payroll article."""
    return GapFactory(title="Bonus letters are missing", raised_by=roles["ben"], related_page=roles["salary"])


def test_the_list_is_newest_first_open_by_default_and_counts_who_hit_each(roles, api_as, payroll_gap):
    newer = GapFactory(title="No page on supplier holds", raised_by=roles["jill"], related_page=roles["proposal"])
    Raiser.objects.create(gap=newer, person=roles["jim"], how=Raiser.How.ME_TOO)
    closed = GapFactory(title="Old form", raised_by=roles["jill"], status="declined", decline_reason="Gone.")
    caller = api_as(roles["jill"])
    listed = caller.get(GAPS).json()
    assert listed["count"] == 2
    assert [(gap["title"], gap["people"]) for gap in listed["items"]] == [
        ("No page on supplier holds", 2),
        ("Bonus letters are missing", 1),
    ]
    assert [gap["id"] for gap in caller.get(GAPS, {"show": "closed"}).json()["items"]] == [closed.pk]
    assert [gap["id"] for gap in caller.get(GAPS, {"show": "mine"}).json()["items"]] == [closed.pk, newer.pk]


@pytest.mark.parametrize(
    ("role", "sees_payroll"),
    [("jill", False), ("jim", False), ("marty", False), ("carrie", False), ("nadia", False), ("ben", True)],
)
def test_a_restricted_page_or_area_is_named_only_to_its_group(roles, api_as, payroll_gap, role, sees_payroll):
    caller = api_as(roles[role])
    (listed,) = caller.get(GAPS).json()["items"]
    detail = caller.get(f"{GAPS}{payroll_gap.pk}/").json()
    assert listed["title"] == detail["title"] == "Bonus letters are missing", "everyone signed in sees every gap"
    if sees_payroll:
        assert listed["process"]["title"] == "Payroll"
        assert detail["related_page"] == {
            "id": roles["salary"].pk,
            "title": PAYROLL_TITLE,
            "url": roles["salary"].url,
        }
    else:
        assert listed["process"] is None and detail["related_page"] is None and detail["process"] is None
        assert "Payroll" not in caller.get(f"{GAPS}{payroll_gap.pk}/").content.decode()


def test_flagging_a_gap_records_it_as_the_gap_page_does(roles, api_as):
    response = api_as(roles["jill"]).post(
        GAPS,
        {
            "title": "Nothing on  payment\nrun holidays",
            "description": "Which day does the run move to?",
            "topics": [roles["topic"].pk],
            "related_page": roles["proposal"].pk,
        },
    )
    assert response.status_code == 201, response.content
    gap = Gap.objects.get()
    assert (gap.title, gap.source, gap.raised_by, gap.related_page_id, gap.process_id) == (
        "Nothing on payment run holidays",
        GapSource.DIRECT,
        roles["jill"],
        roles["proposal"].pk,
        roles["payments"].pk,
    )
    body = response.json()
    assert body["id"] == gap.pk and body["has_hit"] is True and body["people"] == 1
    assert body["topics"] == [{"name": "Payment runs", "slug": roles["topic"].slug}]
    assert body["raisers"] == [{"name": "Jill Hartmann", "how": "raised"}]
    assert body["url"] == gap.get_absolute_url()


def test_a_gap_flagged_without_topics_takes_those_its_words_and_page_suggest(roles, api_as):
    """Only the experts on a gap's topics hear of it, so topics left out are suggested as on the gap form:
    those the words name and those of the page, not every topic around."""
    TopicFactory(name="Cost centres")
    named = api_as(roles["jill"]).post(GAPS, {"title": "Which cost centre for courier invoices?"})
    assert named.status_code == 201, named.content
    assert [topic["name"] for topic in named.json()["topics"]] == ["Cost centres"]
    on_page = api_as(roles["jill"]).post(GAPS, {"title": "Holidays", "related_page": roles["proposal"].pk})
    assert [topic["name"] for topic in on_page.json()["topics"]] == ["Payment runs"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "Missing", "description": "x" * 4001}, "description"),
        ({"title": "Missing", "topics": [999999]}, "topics"),
        ({"title": "Missing", "related_page": 999999}, "related_page"),
    ],
)
def test_bad_gaps_are_refused_naming_the_field(roles, api_as, data, field):
    assert error_locations(api_as(roles["jill"]).post(GAPS, data)) == [[field]]
    assert not Gap.objects.exists()


def test_a_gap_cannot_be_about_a_page_the_person_may_not_open(roles, api_as):
    data = {"title": "Bonus letters", "related_page": roles["salary"].pk}
    assert error_locations(api_as(roles["jill"]).post(GAPS, data)) == [["related_page"]]
    assert api_as(roles["ben"]).post(GAPS, data).status_code == 201


def test_malformed_bodies_are_refused_naming_the_field(roles, api_as):
    caller = api_as(roles["jill"])
    assert ["body", "data", "title"] in error_locations(caller.post(GAPS, {}))
    assert ["body", "data", "related_page"] in error_locations(caller.post(GAPS, {"title": "x", "related_page": 0}))
    assert not Gap.objects.exists()


def test_me_too_adds_the_person_once(roles, api_as, payroll_gap):
    caller = api_as(roles["jill"])
    response = caller.post(f"{GAPS}{payroll_gap.pk}/me-too/")
    assert response.status_code == 201
    assert response.json()["has_hit"] is True and response.json()["people"] == 2
    assert Raiser.objects.filter(gap=payroll_gap, person=roles["jill"], how=Raiser.How.ME_TOO).count() == 1

    again = caller.post(f"{GAPS}{payroll_gap.pk}/me-too/")
    assert again.status_code == 422
    assert again.json()["errors"] == [{"msg": "You have already said “me too” on this gap."}]
    raiser = api_as(roles["ben"]).post(f"{GAPS}{payroll_gap.pk}/me-too/")
    assert raiser.json()["errors"] == [{"msg": "You raised this gap yourself; you are already on the list."}]
    assert Raiser.objects.filter(gap=payroll_gap).count() == 2


def test_me_too_is_refused_on_a_closed_gap(roles, api_as):
    closed = GapFactory(title="Old form", raised_by=roles["ben"], status="declined", decline_reason="Gone.")
    response = api_as(roles["jill"]).post(f"{GAPS}{closed.pk}/me-too/")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"msg": "This gap is already declined."}]
    assert not Raiser.objects.filter(person=roles["jill"]).exists()


def test_a_missing_gap_is_404_and_an_impossible_id_422(roles, api_as):
    caller = api_as(roles["jill"])
    assert caller.get(f"{GAPS}999999/").status_code == 404
    assert caller.post(f"{GAPS}999999/me-too/").status_code == 404
    assert caller.get(f"{GAPS}{2**63}/").status_code == 422


def test_someone_without_a_token_is_refused(roles, api_as, client, payroll_gap):
    anonymous = api_as(None)
    client.force_login(roles["jill"])
    for response in (
        anonymous.get(GAPS),
        anonymous.get(f"{GAPS}{payroll_gap.pk}/"),
        anonymous.post(GAPS, {"title": "Anonymous gap"}),
        anonymous.post(f"{GAPS}{payroll_gap.pk}/me-too/"),
        client.post(GAPS, {"title": "Session gap"}, content_type="application/json"),
    ):
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    assert Gap.objects.count() == 1 and Raiser.objects.count() == 1


def test_the_list_pages_and_refuses_bad_paging_and_filters(roles, api_as):
    for number in range(3):
        GapFactory(title=f"Gap {number}", raised_by=roles["ben"])
    caller = api_as(roles["jill"])
    everything = caller.get(GAPS).json()["items"]
    page = caller.get(GAPS, {"limit": 2, "offset": 1}).json()
    assert page == {"count": 3, "items": everything[1:3]}
    assert ["query", "show"] in error_locations(caller.get(GAPS, {"show": "everything"}))
    assert ["query", "limit"] in error_locations(caller.get(GAPS, {"limit": 0}))
    assert ["query", "offset"] in error_locations(caller.get(GAPS, {"offset": -1}))
    assert caller.get(GAPS, {"limit": 1000}).status_code == 400


def test_the_topics_a_gap_would_take_are_suggested_before_it_is_flagged(roles, api_as):
    TopicFactory(name="Cost centres")
    caller = api_as(roles["jill"])
    found = caller.get(
        f"{GAPS}suggested-topics/", {"title": "Cost centre of a courier", "related_page": roles["proposal"].pk}
    )
    assert found.status_code == 200, found.content
    assert [topic["name"] for topic in found.json()] == ["Cost centres", "Payment runs"]
    assert not Gap.objects.exists()
    assert error_locations(caller.get(f"{GAPS}suggested-topics/", {"title": " "})) == [["title"]]
    # A page closed to the caller lends no topics: it is refused as on flagging.
    closed = {"title": "Bonus letters", "related_page": roles["salary"].pk}
    assert error_locations(caller.get(f"{GAPS}suggested-topics/", closed)) == [["related_page"]]
