"""Who knows a process area: sustained, broad, recent work on the area's pages, from people still at work,
reached through the area's folders and front-matter tags (the rules behind expertise.ranking.SIGNAL_WEIGHTS)."""

import math
import re
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Site

from expertise.factories import TopicFactory, make_person
from expertise.models import Evidence, EvidenceKind, ExpertiseScore, Profile
from expertise.ranking import own_changes, own_days, rank_people_for
from expertise.scoring import update_score
from imports.markdown_tree import import_markdown_tree
from imports.people import import_people
from imports.sources import DirectorySource
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.topics import topics_for_text

pytestmark = pytest.mark.django_db


def work(
    person, topic, *, days_ago: list[int], kind=EvidenceKind.PAGE_EDITED, weight: float = 1.0, change_share: float = 1.0
) -> None:
    """One piece of evidence per age, each from its own source (an edit of the history), each the given share of
    its commit's change."""
    start = Evidence.objects.count()
    for number, days in enumerate(days_ago, start=start):
        Evidence.objects.create(
            person=person,
            topic=topic,
            kind=kind,
            weight=weight,
            occurred_at=timezone.now() - timedelta(days=days),
            change_share=change_share,
            source_id=number,
        )
    update_score(person_id=person.pk, topic_id=topic.pk)


@pytest.fixture
def payments():
    """A process area, Payments, with sub-pages on their own topics (as an import gives them their folders'
    names and their tags), and a page elsewhere."""
    area_topic, runs, vendors = TopicFactory(name="Payments"), TopicFactory(name="Runs"), TopicFactory(name="Vendors")
    area = ProcessPageFactory(title="Payments", topics=[area_topic])
    ArticlePageFactory(parent=area, title="Payment runs", topics=[runs])
    ArticlePageFactory(parent=area, title="Vendor bank details", topics=[vendors])
    hiring = TopicFactory(name="Hiring")
    ArticlePageFactory(parent=ProcessPageFactory(title="Hiring"), title="Interviews", topics=[hiring])
    return {"area": area_topic, "runs": runs, "vendors": vendors, "hiring": hiring}


def names(suggestions, *, among: set[str] | None = None) -> list[str]:
    """The usernames ranked, best first (only those `among`: the factories' page owners rank too)."""
    return [s.person.username for s in suggestions if among is None or s.person.username in among]


def months_at_work(reasons: list[str]) -> int | None:
    """The N of "worked in the wiki in N of the last 12 months", when a reason says it."""
    found = [re.fullmatch(r"worked in the wiki in (\d+) of the last 12 months", reason) for reason in reasons]
    return next((int(match[1]) for match in found if match), None)


def test_broad_sustained_recent_work_on_the_area_outranks_one_big_edit(payments):
    # Bea has worked on three of the area's pages every month this year, a line or two at a time.
    bea = make_person("bea.steady")
    work(bea, payments["area"], days_ago=[5, 40, 70, 100], weight=0.3)
    work(bea, payments["runs"], days_ago=[12, 130, 160, 190], weight=0.3)
    work(bea, payments["vendors"], days_ago=[25, 220, 250, 280, 310, 340], weight=0.3)
    # Ole rewrote the area's main page yesterday in one big edit and owns it; nothing else, ever.
    ole = make_person("ole.once")
    work(ole, payments["area"], days_ago=[1])
    work(ole, payments["area"], days_ago=[1], kind=EvidenceKind.PAGE_OWNED, weight=1.5)

    ranked = rank_people_for(topics=[payments["area"]])

    assert names(ranked, among={"bea.steady", "ole.once"}) == ["bea.steady", "ole.once"]
    bea_reasons = ranked[0].reasons
    assert "worked on 3 of the 3 topics of this area" in bea_reasons
    assert months_at_work(bea_reasons) >= 10
    assert months_at_work(ranked[1].reasons) == 1


def test_edits_count_on_the_area_s_own_pages_not_on_a_tag_it_shares_with_others(payments):
    """Edits count for the area on its own topics (its folder's, and those only its pages carry): Tom's many
    edits of how-to pages, a tag used in the area and elsewhere alike, are not edits of the area's pages."""
    howto = TopicFactory(name="How-to")
    area_page = Page.objects.get(slug="payments")
    ArticlePageFactory(parent=area_page, title="How to pay", topics=[howto])
    ArticlePageFactory(parent=ProcessPageFactory(title="Travel"), title="How to book", topics=[howto])
    tom, una = make_person("tom.tags"), make_person("una.own")
    work(tom, howto, days_ago=[2, 4, 6, 8, 10, 12, 14, 16])
    work(una, payments["runs"], days_ago=[30, 60])

    ranked = {s.person.username: s for s in rank_people_for(topics=[payments["area"]])}

    assert ranked["tom.tags"].signals["area_edits"] == 0
    assert ranked["una.own"].signals["area_edits"] == pytest.approx(math.log1p(2))


def test_one_commit_over_pages_all_over_the_wiki_counts_as_one_change_not_as_work_on_each(payments):
    # Max moved thirty pages in one commit, three of them the area's; Nia edited the same three pages in three
    # changes of her own, the same days ago, by the same weight.
    max_, nia = make_person("max.mover"), make_person("nia.needs")
    for topic in (payments["area"], payments["runs"], payments["vendors"]):
        work(max_, topic, days_ago=[3], change_share=1 / 30)
    work(nia, payments["area"], days_ago=[3])
    work(nia, payments["runs"], days_ago=[3])
    work(nia, payments["vendors"], days_ago=[3])

    ranked = rank_people_for(topics=[payments["area"]])
    signals = {s.person.username: s.signals for s in ranked}

    assert names(ranked, among={"max.mover", "nia.needs"}) == ["nia.needs", "max.mover"]
    assert signals["max.mover"]["area_edits"] == signals["nia.needs"]["area_edits"] == pytest.approx(math.log1p(3))
    assert signals["max.mover"]["area_changes"] == pytest.approx(math.log1p(0.1), abs=0.005)
    assert signals["nia.needs"]["area_changes"] == pytest.approx(math.log1p(3))


def test_work_on_the_area_over_many_days_outranks_the_same_work_done_in_one_day(payments):
    # Dan edited the area's pages four times, a month apart; Eve made as many edits of them in one afternoon.
    # Both did work elsewhere in the same months and last worked on the area the same day.
    dan, eve = make_person("dan.steady"), make_person("eve.burst")
    work(dan, payments["area"], days_ago=[3, 33, 63, 93])
    work(dan, payments["hiring"], days_ago=[3])
    work(eve, payments["area"], days_ago=[3, 3, 3, 3])
    work(eve, payments["hiring"], days_ago=[33, 63, 93])

    ranked = rank_people_for(topics=[payments["area"]])
    by_name = {suggestion.person.username: suggestion for suggestion in ranked}

    assert names(ranked, among={"dan.steady", "eve.burst"}) == ["dan.steady", "eve.burst"]
    assert by_name["dan.steady"].signals["area_edits"] == by_name["eve.burst"].signals["area_edits"]
    assert by_name["dan.steady"].signals["area_days"] == pytest.approx(math.log1p(4))
    assert by_name["eve.burst"].signals["area_days"] == pytest.approx(math.log1p(1))
    assert "worked on its topics on 4 days" in by_name["dan.steady"].reasons
    assert not any("on its topics on" in reason for reason in by_name["eve.burst"].reasons), "one day says nothing"


def test_a_score_stored_before_changes_or_days_were_counted_counts_each_piece_of_own_work_until_rescored():
    before = ExpertiseScore(facts={"total": {EvidenceKind.PAGE_EDITED: 4, EvidenceKind.PAGE_OWNED: 2}})
    rescored = ExpertiseScore(facts={"total": {EvidenceKind.PAGE_EDITED: 4}, "changes": 1.5, "days": 2})

    assert own_changes(before) == own_days(before) == 4, "owning pages is not work of their own"
    assert own_changes(rescored) == 1.5
    assert own_days(rescored) == 2


def test_people_who_stopped_everywhere_or_left_rank_below_those_still_at_work(payments):
    # Vic wrote most of the area, but did nothing anywhere in the wiki for two years.
    vic = make_person("vic.gone")
    work(vic, payments["area"], days_ago=list(range(730, 1100, 20)))
    work(vic, payments["runs"], days_ago=list(range(730, 1100, 30)))
    # Lee did a lot on the area last month, and has left in HR since.
    lee = make_person("lee.left")
    work(lee, payments["area"], days_ago=list(range(20, 200, 15)))
    Profile.objects.filter(user=lee).update(active=False)
    # Ann did a little on the area and is busy elsewhere in the wiki every month.
    ann = make_person("ann.around")
    work(ann, payments["runs"], days_ago=[200, 260])
    work(ann, payments["hiring"], days_ago=list(range(3, 360, 30)))

    ranked = rank_people_for(topics=[payments["area"]])
    by_name = {suggestion.person.username: suggestion for suggestion in ranked}

    ours = names(ranked, among={"ann.around", "vic.gone", "lee.left"})
    assert ours[0] == "ann.around"
    assert len(ours) == 3, "ranked down, not hidden"
    assert by_name["vic.gone"].signals["area_work"] > by_name["ann.around"].signals["area_work"]
    two_years = (timezone.now() - timedelta(days=730)).date().isoformat()
    assert f"no work of their own in the wiki since {two_years}" in by_name["vic.gone"].reasons
    assert "has left" in by_name["lee.left"].reasons
    assert months_at_work(by_name["ann.around"].reasons) >= 10


TREE = {
    "payments/index.md": "---\ntitle: Payments\n---\nHow we pay.\n",
    "payments/runs.md": "---\ntitle: Payment runs\n---\nThe Thursday run.\n",
    "payments/vendors/bank.md": "---\ntitle: Vendor bank details\ntags: [Bank details]\n---\nCall back first.\n",
    "hiring/interviews.md": "---\ntitle: Interviews\n---\nTwo rounds.\n",
}


@pytest.fixture
def imported_tree(tmp_path):
    for path, text in TREE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    import_people("id,name\np1,Vera Vendors\np2,Otto Hiring\n")
    when = (timezone.now() - timedelta(days=20)).strftime("%Y-%m-%dT%H:%M:%SZ")
    history = (
        "commit,date,author,path,added,deleted\n"
        f"c1,{when},p1,payments/vendors/bank.md,40,0\n"
        f"c2,{when},p2,hiring/interviews.md,40,0\n"
    )
    importer = get_user_model().objects.create_superuser("importer", "importer@example.com", "x")
    import_markdown_tree(
        DirectorySource(tmp_path),
        under=Site.objects.get(is_default_site=True).root_page,
        owner=importer,
        history_text=history,
    )
    get_user_model().objects.filter(pk=importer.pk).update(is_active=False)
    return {hr_id: Profile.objects.get(external_id=hr_id).user.username for hr_id in ("p1", "p2")}


def test_a_question_about_an_area_reaches_its_subfolders_and_tagged_pages(imported_tree):
    """Vera only wrote a page in a subfolder of Payments (topic Vendors) with a front-matter tag: asking
    about payments finds her through the folder, asking about bank details through the tag."""
    vera, otto = imported_tree["p1"], imported_tree["p2"]

    payments = rank_people_for(topics=topics_for_text("payments"))
    bank_details = rank_people_for(topics=topics_for_text("who knows our bank details?"))

    assert names(payments) == [vera, otto], "Otto never worked on payments: after Vera, as at work elsewhere"
    assert "worked on 2 of the 3 topics of this area" in payments[0].reasons
    assert "no work on this area yet, but at work elsewhere in the wiki" in payments[1].reasons
    assert payments[1].signals["area_work"] == 0
    assert names(bank_details) == [vera, otto]
    assert names(rank_people_for(topics=topics_for_text("hiring"))) == [otto, vera]


def test_an_area_few_worked_on_is_filled_with_people_at_work_elsewhere_and_nobody_stays_nobody(db):
    """When fewer than five people worked on an area, those with the most work of their own elsewhere in the
    last year follow them (many later editors of a small area never touched it before), never before them;
    people who left or did no work of their own are not added; an area nobody worked on still has nobody."""
    area_topic, elsewhere, nothing = (
        TopicFactory(name="Payment runs"),
        TopicFactory(name="Hiring"),
        TopicFactory(name="Parking"),
    )
    ProcessPageFactory(title="Payment runs", topics=[area_topic])
    expert = make_person("ann.area")
    busy, quiet, gone, stale = (
        make_person("bo.busy"),
        make_person("cy.quiet"),
        make_person("di.gone", active=False),
        make_person("ed.stale"),
    )
    work(expert, area_topic, days_ago=[400])
    work(busy, elsewhere, days_ago=[3, 4, 5, 6, 7])
    work(quiet, elsewhere, days_ago=[30])
    work(gone, elsewhere, days_ago=[3] * 8)
    work(stale, elsewhere, days_ago=[500] * 8)

    ranked = rank_people_for(topics=[area_topic])

    people = {"ann.area", "bo.busy", "cy.quiet", "di.gone", "ed.stale"}
    assert names(ranked, among=people) == ["ann.area", "bo.busy", "cy.quiet"]
    filled = next(s for s in ranked if s.person.username == "bo.busy")
    assert filled.reasons[0] == "no work on this area yet, but at work elsewhere in the wiki"
    assert rank_people_for(topics=[nothing]) == []


def test_a_question_names_only_its_most_specific_topics(db):
    """ "The CEO team" is about that team, not about every team nor the CEO; a topic named in full wins over
    one missing a word, which still counts when nothing is named in full."""
    ceo, ceo_team, team = TopicFactory(name="CEO"), TopicFactory(name="CEO team"), TopicFactory(name="Teams")
    benefits, perks = TopicFactory(name="Benefits pay perks"), TopicFactory(name="Benefits perks")

    assert topics_for_text("who is on the CEO team?") == [ceo_team]
    assert topics_for_text("our teams") == [team]
    assert topics_for_text("ask the CEO") == [ceo]
    assert topics_for_text("benefits perks") == [perks]
    assert topics_for_text("benefits and pay") == [benefits]
