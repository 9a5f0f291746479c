import json
from datetime import date, timedelta

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from expertise.factories import TeamFactory, TopicFactory, make_person
from expertise.models import Evidence, EvidenceKind, ExpertiseScore, Profile
from expertise.ranking import area_topics, rank_people_for
from expertise.recording import endorse, self_assess
from expertise.scoring import update_score
from questions.models import Question
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.topics import topics_for_text

pytestmark = pytest.mark.django_db


def edits(person, topic, count: int, *, days_ago: int = 10, start: int = 0) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    for number in range(start, start + count):
        Evidence.objects.create(
            person=person, topic=topic, kind=EvidenceKind.PAGE_EDITED, occurred_at=when, source_id=number
        )
    update_score(person_id=person.pk, topic_id=topic.pk)


@pytest.fixture
def org(db):
    payables, ledger = TeamFactory(name="Accounts Payable"), TeamFactory(name="General Ledger")
    topic = TopicFactory(name="Payment runs")
    marty = make_person("marty.keller", team=ledger)
    jill = make_person("jill.hartmann", team=payables, manager=marty)
    jim = make_person("jim.okafor", team=payables, manager=marty)
    sam = make_person("sam.thornton", team=ledger, manager=marty)
    priya = make_person("priya.rao", team=ledger, time_zone="Asia/Kolkata")
    away = make_person("nadia.kowalska", team=ledger, out_of_office_until=date.today() + timedelta(days=5))
    busy = make_person("helen.brooks", team=ledger, question_capacity=1)
    edits(sam, topic, 6, days_ago=1)  # 6.0 capped, the freshest
    edits(jim, topic, 6, days_ago=3)  # a little older: just below Sam
    edits(priya, topic, 4)
    edits(away, topic, 6)
    endorse(endorser=sam, person=away, topic=topic, reason="Runs the Thursday proposal")
    edits(busy, topic, 6)
    Question.objects.create(asker=sam, expert=busy, text="Why was vendor 123 blocked?", topic=topic)
    edits(jill, topic, 6, days_ago=60)  # the asker: never suggested to herself
    return {"topic": topic, "jill": jill, "jim": jim, "sam": sam, "priya": priya, "away": away, "busy": busy}


def usernames(suggestions):
    return [suggestion.person.username for suggestion in suggestions]


def test_ranking_prefers_the_askers_team_between_near_equal_scores(org):
    ranked = rank_people_for(topics=[org["topic"]], asker=org["jill"])
    assert usernames(ranked) == ["jim.okafor", "sam.thornton", "priya.rao", "nadia.kowalska", "helen.brooks"]
    assert ranked[1].score > ranked[0].score, "Sam scores a little higher; Jim is in Jill's team"


def test_without_an_asker_the_higher_score_wins(org):
    ranked = rank_people_for(topics=[org["topic"]])
    assert usernames(ranked)[:2] == ["sam.thornton", "jim.okafor"]
    assert "jill.hartmann" in usernames(ranked)


def test_away_and_busy_people_come_last_and_say_why(org):
    ranked = {s.person.username: s for s in rank_people_for(topics=[org["topic"]], asker=org["jill"])}
    assert ranked["nadia.kowalska"].unavailable.startswith("out of office until")
    assert ranked["helen.brooks"].unavailable == "at their question capacity this week"
    assert ranked["jim.okafor"].unavailable is None
    assert ranked["helen.brooks"].reasons[-1] == "at their question capacity this week"


def test_reasons_are_sentences_a_person_can_read(org):
    jim = rank_people_for(topics=[org["topic"]], asker=org["jill"])[0]
    assert jim.reasons == [
        "Practitioner on Payment runs: edited 6 pages in the last year",
        "worked on it in the last three months",
        "worked in the wiki in 1 of the last 12 months",
        "in your team",
    ]
    priya = next(s for s in rank_people_for(topics=[org["topic"]], asker=org["jill"]) if s.person == org["priya"])
    assert "works 5.5 hours from your time zone" in priya.reasons
    nadia = next(s for s in rank_people_for(topics=[org["topic"]], asker=org["jill"]) if s.person == org["away"])
    assert "endorsed by 1" in nadia.reasons[0]


def test_free_text_finds_topics_by_name_and_through_pages(org):
    assert topics_for_text("who runs the payment run on Thursday?") == [org["topic"]]
    dunning = TopicFactory(name="Dunning")
    ArticlePageFactory(
        parent=ProcessPageFactory(title="Order to cash"),
        title="Chasing overdue customers",
        summary="Letters and calls for customers who have not paid",
        topics=[dunning],
    )
    assert topics_for_text("overdue customers") == [dunning]
    assert topics_for_text("the and of") == []


def test_whoknows_command_prints_json(org, capsys):
    call_command("whoknows", "payment runs", "--json", "--limit", "2", "--asker", "jill.hartmann")
    data = json.loads(capsys.readouterr().out)
    assert [entry["person"] for entry in data] == ["jim.okafor", "sam.thornton"]
    assert {"person", "level", "reasons"} <= set(data[0]) and "score" not in data[0]


def test_who_knows_says_nothing_about_distance_from_an_asker_whose_zone_is_unknown(org, capsys):
    asker = make_person("old.record")
    Profile.objects.filter(user=asker).update(time_zone="Mars/Olympus")  # saved before zones were checked
    call_command("whoknows", "payment runs", "--json", "--asker", "old.record")
    reasons = [reason for entry in json.loads(capsys.readouterr().out) for reason in entry["reasons"]]
    assert reasons and not any("time zone" in reason for reason in reasons)


def test_whoknows_command_prints_a_table(org, capsys):
    call_command("whoknows", "payment runs", "--limit", "3")
    out = capsys.readouterr().out
    assert "Topics: Payment runs" in out and " 1. Sam Thornton (sam.thornton) — practitioner" in out


def test_whoknows_command_refuses_bad_input(org):
    with pytest.raises(CommandError, match="--limit must be at least 1"):
        call_command("whoknows", "payment runs", "--limit", "0")
    with pytest.raises(CommandError, match="No person has the username 'nobody'"):
        call_command("whoknows", "payment runs", "--asker", "nobody")


def test_ranking_query_count_does_not_grow_with_people(org, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        rank_people_for(topics=[org["topic"]], asker=org["jill"])
    for number in range(30):
        person = make_person(f"extra.person{number}")
        edits(person, org["topic"], 2)
        self_assess(person=person, topic=org["topic"], level=3)
    with django_assert_max_num_queries(6):
        rank_people_for(topics=[org["topic"]], asker=org["jill"])


def test_a_process_area_reaches_the_topics_of_its_pages_and_breadth_counts(org):
    """Asking about a process area finds the people who wrote its sub-pages (their own folders' topics and
    tags), not only those on the area's own topic; a tag used all over the wiki counts for its share."""
    area = ProcessPageFactory(title="Accounts payable", topics=[org["topic"]])
    vendors, cheques, everywhere = (
        TopicFactory(name="Vendors"),
        TopicFactory(name="Cheques"),
        TopicFactory(name="How-to"),
    )
    ArticlePageFactory(parent=area, title="Vendor bank details", topics=[vendors, everywhere])
    ArticlePageFactory(parent=area, title="Cheque runs", topics=[cheques])
    ArticlePageFactory(parent=ProcessPageFactory(title="Hiring"), title="Interviews", topics=[everywhere])
    broad = make_person("bea.broad")
    edits(broad, vendors, 3, days_ago=5)
    edits(broad, cheques, 3, days_ago=5)

    ranked = {s.person.username: s for s in rank_people_for(topics=[org["topic"]])}

    assert "bea.broad" in ranked, "she wrote the area's sub-pages"
    assert "worked on 2 of the 4 topics of this area" in ranked["bea.broad"].reasons
    assert area_topics([org["topic"]]) == {org["topic"].pk: 1.0, vendors.pk: 0.5, cheques.pk: 0.5, everywhere.pk: 0.25}


def test_owning_pages_without_any_work_of_one_s_own_never_outranks_work_that_stopped_long_ago(db):
    # The account that ran an import owns the pages it made; it did none of the work on them.
    # It owns a page on every topic of the area, so breadth alone would put it first.
    area = [TopicFactory(name=f"Container scanning {number}") for number in range(8)]
    importer = make_person("importer")
    for source_id, topic in enumerate(area):
        Evidence.objects.create(
            person=importer, topic=topic, kind=EvidenceKind.PAGE_OWNED, occurred_at=timezone.now(), source_id=source_id
        )
        update_score(person_id=importer.pk, topic_id=topic.pk)
    veteran = make_person("vera.veteran")
    edits(veteran, area[0], 23, days_ago=900)

    assert usernames(rank_people_for(topics=area, limit=5))[:2] == ["vera.veteran", "importer"]


def test_people_whose_own_work_stopped_long_ago_or_who_left_are_ranked_down_with_the_reason(org):
    quiet = make_person("quinn.quiet")
    edits(quiet, org["topic"], 6, days_ago=400)
    ExpertiseScore.objects.filter(person=quiet).update(score=20.0)  # a better score, from long ago
    left = make_person("lee.left")
    edits(left, org["topic"], 6, days_ago=2)
    Profile.objects.filter(user=left).update(active=False)

    ranked = rank_people_for(topics=[org["topic"]], limit=20)
    names = usernames(ranked)

    assert names.index("quinn.quiet") > names.index("priya.rao")
    assert names.index("lee.left") > names.index("priya.rao")
    quinn = next(s for s in ranked if s.person == quiet)
    assert any(reason.startswith("no work of their own on it since") for reason in quinn.reasons)
    assert "has left" in next(s for s in ranked if s.person == left).reasons
