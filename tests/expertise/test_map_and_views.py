import pytest

from django.core import mail
from django.urls import reverse

from expertise.coverage import coverage_map, topics_without_an_expert
from expertise.factories import TeamFactory, TopicFactory, make_person
from questions.models import Question
from tests.expertise.test_ranking import edits
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.topics import topics_of_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_org(db):
    payables, ledger = TeamFactory(name="Accounts Payable"), TeamFactory(name="General Ledger")
    runs, blocks, accruals = (
        TopicFactory(name="Payment runs"),
        TopicFactory(name="Payment blocks"),
        TopicFactory(name="Accruals"),
    )
    p2p = ProcessPageFactory(title="Procure to pay")
    ArticlePageFactory(parent=p2p, title="Run the proposal", topics=[runs])
    ArticlePageFactory(
        parent=ProcessPageFactory(parent=p2p, title="Invoices"), title="Block an invoice", topics=[blocks]
    )
    r2r = ProcessPageFactory(title="Record to report")
    ArticlePageFactory(parent=r2r, title="Post accruals", topics=[accruals])
    jim = make_person("jim.okafor", team=payables)
    ben = make_person("ben.ashworth", team=payables)
    sam = make_person("sam.thornton", team=ledger)
    edits(jim, runs, 7, days_ago=1, start=100)
    edits(ben, runs, 7, days_ago=1, start=200)
    edits(jim, blocks, 7, days_ago=1, start=300)
    edits(sam, blocks, 3, days_ago=1, start=400)
    edits(sam, accruals, 7, days_ago=1, start=500)
    return {
        "payables": payables,
        "ledger": ledger,
        "runs": runs,
        "blocks": blocks,
        "accruals": accruals,
        "p2p": p2p,
        "r2r": r2r,
        "jim": jim,
        "ben": ben,
        "sam": sam,
    }


def test_topics_with_one_expert_or_none_are_flagged(area_org):
    the_map = coverage_map(topics=topics_of_area(area_org["p2p"]))
    by_topic = {c.topic.name: c for c in the_map.topics}
    assert set(by_topic) == {"Payment runs", "Payment blocks"}, "only the area's topics"
    assert by_topic["Payment runs"].experts == 2 and not by_topic["Payment runs"].at_risk
    assert by_topic["Payment blocks"].experts == 1 and by_topic["Payment blocks"].at_risk


def test_the_team_filter_counts_experts_within_the_team(area_org):
    the_map = coverage_map(topics=topics_of_area(area_org["p2p"]), team=area_org["ledger"])
    by_topic = {c.topic.name: c for c in the_map.topics}
    assert by_topic["Payment runs"].experts == 0 and by_topic["Payment runs"].at_risk
    assert [row.label for row in the_map.rows] == ["Sam Thornton"]


def test_people_rows_carry_each_persons_levels(area_org):
    the_map = coverage_map(topics=topics_of_area(area_org["p2p"]))
    rows = {row.label: row.cells for row in the_map.rows}
    names = [c.topic.name for c in the_map.topics]
    jim = dict(zip(names, rows["Jim Okafor"], strict=True))
    assert jim["Payment runs"]["label"] == "Expert" and jim["Payment blocks"]["label"] == "Expert"
    sam = dict(zip(names, rows["Sam Thornton"], strict=True))
    assert sam["Payment runs"] is None and sam["Payment blocks"]["label"] == "Practitioner"


def test_team_rows_count_experts(area_org):
    the_map = coverage_map(topics=topics_of_area(area_org["p2p"]), by="teams")
    names = [c.topic.name for c in the_map.topics]
    payables = dict(zip(names, next(r.cells for r in the_map.rows if r.label == "Accounts Payable"), strict=True))
    assert payables["Payment runs"]["score"] == 2


def test_the_map_page_renders_flags_and_filters(signed_in, area_org):
    response = signed_in.get(reverse("expertise:map"), {"area": area_org["p2p"].pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "risk #1" in html and "Payment blocks" in html and "Accruals" not in html
    teams = signed_in.get(reverse("expertise:map"), {"by": "teams"}).content.decode()
    assert "Accounts Payable" in teams and "General Ledger" in teams


def test_map_query_count_does_not_grow_with_people(signed_in, area_org, django_assert_max_num_queries):
    url = reverse("expertise:map")
    signed_in.get(url, {"area": area_org["p2p"].pk})
    with django_assert_max_num_queries(20) as captured:
        signed_in.get(url, {"area": area_org["p2p"].pk})
    before = len(captured)
    for number in range(25):
        edits(make_person(f"more.people{number}"), area_org["runs"], 3, start=1000 + number * 10)
    signed_in.get(url, {"area": area_org["p2p"].pk})  # new profiles made the cached navigation stale
    with django_assert_max_num_queries(before):
        signed_in.get(url, {"area": area_org["p2p"].pk})


def test_topics_without_an_expert_report(client, area_org, admin_user):
    assert {t.name for t in topics_without_an_expert()} == {"Accruals", "Payment blocks"}
    client.force_login(admin_user)
    html = client.get(reverse("expertise_reports:topics_without_expert")).content.decode()
    assert "Payment blocks" in html and "Payment runs" not in html
    none_only = client.get(reverse("expertise_reports:topics_without_expert"), {"experts": "0"}).content.decode()
    assert "Payment blocks" not in none_only


def test_directory_filters_and_paginates(signed_in, area_org):
    for number in range(30):
        make_person(f"filler.person{number:02d}", team=area_org["ledger"], location="Kraków")
    html = signed_in.get(reverse("expertise:directory"), {"team": "accounts-payable"}).content.decode()
    assert "Jim Okafor" in html and "Sam Thornton" not in html
    by_topic = signed_in.get(reverse("expertise:directory"), {"topic": area_org["accruals"].slug}).content.decode()
    assert "Sam Thornton" in by_topic and "Jim Okafor" not in by_topic
    crowded = signed_in.get(reverse("expertise:directory"), {"location": "krak"}).content.decode()
    assert "Page 1 of 2" in crowded and "location=krak" in crowded
    empty = signed_in.get(reverse("expertise:directory"), {"q": "nobody-like-this"}).content.decode()
    assert "Nobody matches these filters" in empty


def test_directory_query_count_is_flat(signed_in, area_org, django_assert_max_num_queries):
    url = reverse("expertise:directory")
    # The reader's profile (its time zone) comes with the reader in one query (onramp.authentication).
    with django_assert_max_num_queries(12) as captured:
        signed_in.get(url)
    for number in range(20):
        make_person(f"extra.person{number:02d}", team=area_org["ledger"])
    with django_assert_max_num_queries(len(captured)):
        signed_in.get(url)


def test_topic_page_lists_pages_and_people_by_level(signed_in, area_org):
    html = signed_in.get(reverse("expertise:topic", args=[area_org["runs"].slug])).content.decode()
    assert "Run the proposal" in html and "Jim Okafor" in html and "Expert" in html


def test_asking_a_question_emails_the_expert_and_counts_towards_capacity(
    signed_in, person, area_org, django_capture_on_commit_callbacks
):
    jim = area_org["jim"]
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            reverse("questions:ask_person", args=[jim.username]),
            {"topic": area_org["runs"].pk, "text": "Who releases the file?"},
        )
    assert response.status_code == 302
    assert Question.objects.get().expert == jim
    assert mail.outbox[0].to == [jim.email] and "Who releases the file?" in mail.outbox[0].body


def test_an_empty_question_is_refused(signed_in, area_org):
    response = signed_in.post(reverse("questions:ask_person", args=["jim.okafor"]), {"text": ""}, follow=True)
    assert "Write your question." in response.content.decode()
    assert not Question.objects.exists()


def test_who_knows_page_lists_people_with_reasons(signed_in, area_org):
    html = signed_in.get(reverse("expertise:who_knows"), {"q": "payment runs"}).content.decode()
    assert "Jim Okafor" in html and "edited 7 pages in the last year" in html
    nothing = signed_in.get(reverse("expertise:who_knows"), {"q": "quantum tunnelling"}).content.decode()
    assert "Nobody has recorded expertise on this yet" in nothing


def test_people_can_edit_their_own_profile(signed_in, person, area_org):
    response = signed_in.post(
        reverse("expertise:edit_profile"),
        {
            "display_name": "Jill H.",
            "title": "AP Analyst",
            "team": area_org["payables"].pk,
            "time_zone": "Europe/London",
            "ask_me_about": "Payment runs, Accruals",
            "question_capacity": 3,
        },
    )
    assert response.status_code == 302
    person.profile.refresh_from_db()
    assert person.profile.name == "Jill H."
    assert sorted(t.name for t in person.profile.ask_me_about.all()) == ["Accruals", "Payment runs"]


def test_admin_lists_people(client, admin_user, area_org):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_expertise_profile:list"), {"q": "Okafor"})
    assert response.status_code == 200 and "Jim Okafor" in response.content.decode()


def test_unknown_people_and_topics_are_not_found(signed_in):
    assert signed_in.get(reverse("expertise:profile", args=["nobody"])).status_code == 404
    assert signed_in.get(reverse("expertise:topic", args=["no-such-topic"])).status_code == 404
