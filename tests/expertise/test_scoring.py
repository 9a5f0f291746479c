from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.test import override_settings

from expertise.factories import TopicFactory, UserFactory
from expertise.models import Evidence, EvidenceKind, ExpertiseScore
from expertise.recording import endorse, self_assess
from expertise.scoring import decayed, recompute_all_scores, score_evidence, update_score
from expertise.tasks import recompute_expertise_scores

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def row(kind, weight=1.0, days_ago=0, change_share=1.0):
    return (kind, weight, NOW - timedelta(days=days_ago), None, "", change_share)


def test_evidence_loses_half_its_weight_every_half_life():
    assert decayed(2.0, NOW, NOW) == pytest.approx(2.0)
    assert decayed(2.0, NOW - timedelta(days=365), NOW) == pytest.approx(1.0)
    assert decayed(2.0, NOW - timedelta(days=730), NOW) == pytest.approx(0.5)


def test_decay_never_takes_old_evidence_to_nothing():
    assert decayed(2.0, NOW - timedelta(days=365 * 10), NOW) == pytest.approx(0.2), "a tenth, and it stays"


def test_facts_keep_recent_own_work_and_its_date_for_the_ranking():
    scored = score_evidence(
        [
            row(EvidenceKind.PAGE_EDITED, days_ago=0),
            row(EvidenceKind.PAGE_EDITED, days_ago=90),
            row(EvidenceKind.PAGE_OWNED, 1.5, days_ago=0),  # given by the page, not work of their own
        ],
        now=NOW,
    )
    assert scored.facts["active"] == pytest.approx(1.5), "uncapped, halving every three months"
    assert scored.facts["latest"] == NOW.date().isoformat()
    assert "active" not in score_evidence([row(EvidenceKind.ENDORSED)], now=NOW).facts


@override_settings(EXPERTISE_HALF_LIFE_DAYS=30)
def test_the_half_life_is_configurable():
    assert decayed(1.0, NOW - timedelta(days=30), NOW) == pytest.approx(0.5)


def test_a_cap_per_kind_stops_one_source_from_dominating():
    many_edits = [row(EvidenceKind.PAGE_EDITED) for _ in range(40)]
    scored = score_evidence(many_edits, now=NOW)
    assert scored.score == pytest.approx(6.0)
    assert scored.level == "expert"
    varied = score_evidence(
        [*many_edits, row(EvidenceKind.ENDORSED), row(EvidenceKind.MANAGER_CONFIRMED, 2.0)], now=NOW
    )
    assert varied.score == pytest.approx(9.0)


def test_levels_follow_the_score():
    assert score_evidence([row(EvidenceKind.PAGE_VERIFIED, 0.5)], now=NOW).level == "learning"
    assert score_evidence([row(EvidenceKind.PAGE_EDITED), row(EvidenceKind.PAGE_OWNED, 1.5)], now=NOW).level == (
        "practitioner"
    )
    go_to = [row(EvidenceKind.PAGE_EDITED)] * 6 + [row(EvidenceKind.PAGE_OWNED, 1.5)] * 3
    assert score_evidence(go_to, now=NOW).level == "go-to"


def test_facts_count_recent_and_all_evidence():
    scored = score_evidence(
        [row(EvidenceKind.PAGE_EDITED, days_ago=10), row(EvidenceKind.PAGE_EDITED, days_ago=400)], now=NOW
    )
    assert scored.facts["recent"][EvidenceKind.PAGE_EDITED] == 1
    assert scored.facts["total"][EvidenceKind.PAGE_EDITED] == 2


def test_facts_count_the_changes_their_own_work_came_in():
    scored = score_evidence(
        [
            row(EvidenceKind.PAGE_EDITED, change_share=0.25),  # one of four pages one commit changed
            row(EvidenceKind.PAGE_EDITED, days_ago=30),
            row(EvidenceKind.PAGE_VERIFIED, 0.5, days_ago=60),
            row(EvidenceKind.PAGE_OWNED, 1.5),  # given by the page, not a change of theirs
        ],
        now=NOW,
    )
    assert scored.facts["changes"] == pytest.approx(2.25)
    assert scored.facts["total"][EvidenceKind.PAGE_EDITED] == 2, "edits are still counted one by one"
    assert "changes" not in score_evidence([row(EvidenceKind.ENDORSED)], now=NOW).facts


def test_facts_count_the_days_their_own_work_was_done_on():
    on_one_day = [row(EvidenceKind.PAGE_EDITED) for _ in range(5)]
    scored = score_evidence(
        [
            *on_one_day,
            row(EvidenceKind.PAGE_EDITED, days_ago=30),
            row(EvidenceKind.GAP_RESOLVED, days_ago=30),  # the same day as an edit: still one day
            row(EvidenceKind.PAGE_VERIFIED, 0.5, days_ago=60),
            row(EvidenceKind.PAGE_OWNED, 1.5, days_ago=90),  # given by the page, not work of their own
        ],
        now=NOW,
    )
    assert scored.facts["days"] == 3
    assert "days" not in score_evidence([row(EvidenceKind.ENDORSED)], now=NOW).facts


def test_stored_scores_decay_when_recomputed_later():
    person, topic = UserFactory(), TopicFactory(name="Payment runs")
    with time_machine.travel(NOW, tick=False):
        for number in range(4):
            Evidence.objects.create(person=person, topic=topic, kind=EvidenceKind.PAGE_EDITED, source_id=number)
        update_score(person_id=person.pk, topic_id=topic.pk)
    assert ExpertiseScore.objects.get().score == pytest.approx(4.0)
    with time_machine.travel(NOW + timedelta(days=365), tick=False):
        assert recompute_all_scores() == 1
    assert ExpertiseScore.objects.get().score == pytest.approx(2.0)
    assert ExpertiseScore.objects.get().level == "practitioner"


def test_scores_update_as_soon_as_evidence_arrives():
    person, endorser, topic = UserFactory(), UserFactory(), TopicFactory(name="Accruals")
    self_assess(person=person, topic=topic, level=5)
    assert ExpertiseScore.objects.get(person=person).score == pytest.approx(3.0)
    endorse(endorser=endorser, person=person, topic=topic, reason="Fixed my accrual reversal")
    assert ExpertiseScore.objects.get(person=person).score == pytest.approx(4.0)


def test_the_nightly_task_recomputes_every_score():
    person, topic = UserFactory(), TopicFactory(name="Dunning")
    Evidence.objects.create(person=person, topic=topic, kind=EvidenceKind.ENDORSED, given_by=UserFactory())
    assert not ExpertiseScore.objects.exists()
    assert recompute_expertise_scores.delay().get() == 1
    assert ExpertiseScore.objects.get(person=person).score == pytest.approx(1.0)


def test_recompute_drops_scores_whose_evidence_is_gone():
    person, topic = UserFactory(), TopicFactory(name="Billing")
    evidence = Evidence.objects.create(person=person, topic=topic, kind=EvidenceKind.ENDORSED, given_by=UserFactory())
    update_score(person_id=person.pk, topic_id=topic.pk)
    evidence.delete()
    recompute_all_scores()
    assert not ExpertiseScore.objects.exists()
