"""`make eval-experts` on a tiny written history: nothing after the cutoff reaches the ranking, and the
baselines and measures are the ones the README describes."""

from datetime import UTC, datetime

import pytest

from wagtail.models import Revision

from expertise.eval import holdout
from expertise.eval.fit import Question, fit_weights, measures_with
from expertise.eval.run import (
    REPORTED_CUTOFFS,
    TUNING_CUTOFFS,
    evaluate_cutoff,
    import_before,
    leaks_after,
    onramp_rankings,
    parse_cutoff,
    tuning_horizon,
)
from expertise.models import Evidence, EvidenceKind, Profile
from imports.models import HistoryEdit, ImportedPage

pytestmark = pytest.mark.django_db

CUTOFF = datetime(2023, 1, 1, tzinfo=UTC)
PEOPLE = """id,name,role,manager,location,first_commit,last_commit,commits,source
p1,Ada Payne,Payments lead,,UK,2022-01-01,2023-06-01,9,team+git
p2,Ben Hale,Recruiter,,UK,2022-03-01,2023-05-01,4,team+git
p3,Cleo Old,Analyst,,UK,2021-01-01,2021-02-01,1,git
p4,Dan Late,Payments engineer,,UK,2023-02-01,2023-06-01,6,team+git
"""
PAGES = {
    "ops/payments/index.md": "---\ntitle: Payments\n---\nHow we pay.\n",
    "ops/payments/runs.md": "---\ntitle: Payment runs\n---\nThe Thursday run.\n",
    "ops/payments/vendors/bank.md": "---\ntitle: Vendor bank details\n---\nCall back first.\n",
    "ops/payments/new.md": "---\ntitle: Written after the cutoff\n---\nNew.\n",
    "ops/hiring/index.md": "---\ntitle: Hiring\n---\nHow we hire.\n",
    "ops/hiring/interviews.md": "---\ntitle: Interviews\n---\nTwo rounds.\n",
}
ROWS = [
    # before the cutoff
    ("c01", "2021-01-10T10:00:00Z", "p3", "ops/payments/runs.md", 40, 0),
    ("c02", "2022-06-01T10:00:00Z", "p1", "ops/payments/index.md", 30, 0),
    ("c03", "2022-07-01T10:00:00Z", "p1", "ops/payments/runs.md", 25, 3),
    ("c04", "2022-09-01T10:00:00Z", "p1", "ops/payments/vendors/bank.md", 60, 0),
    ("c05", "2022-10-01T10:00:00Z", "p2", "ops/hiring/index.md", 20, 0),
    ("c06", "2022-11-01T10:00:00Z", "p2", "ops/hiring/interviews.md", 35, 0),
    ("c07", "2022-12-01T10:00:00Z", "p1", "ops/payments/runs.md", 0, 0),  # a rename: not a real edit
    # after the cutoff: the truth, which must not reach the ranking
    ("c08", "2023-02-01T10:00:00Z", "p4", "ops/payments/runs.md", 300, 10),
    ("c09", "2023-02-02T10:00:00Z", "p4", "ops/payments/new.md", 80, 0),
    ("c10", "2023-03-01T10:00:00Z", "p4", "ops/payments/vendors/bank.md", 90, 0),
    ("c11", "2023-04-01T10:00:00Z", "p1", "ops/payments/runs.md", 5, 1),
    ("c12", "2023-05-01T10:00:00Z", "p2", "ops/hiring/interviews.md", 12, 2),
]


@pytest.fixture
def corpus(tmp_path):
    for path, text in PAGES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    history = "commit,date,author,path,added,deleted,current_path\n" + "".join(
        f"{commit},{date},{author},{path},{added},{deleted},{path}\n"
        for commit, date, author, path, added, deleted in ROWS
    )
    return {"pages_root": tmp_path, "history_text": history, "people_text": PEOPLE}


def test_nothing_after_the_cutoff_reaches_the_import_or_the_ranking(corpus):
    import_before(**corpus, cutoff=CUTOFF)

    assert leaks_after(CUTOFF) == []
    assert set(HistoryEdit.objects.values_list("commit", flat=True)) == {f"c0{n}" for n in range(1, 8)}
    assert not ImportedPage.objects.filter(path="ops/payments/new.md").exists(), "written after the cutoff"
    assert not Revision.objects.filter(created_at__gt=CUTOFF).exists()
    dan = Profile.objects.get(external_id="p4").user
    assert not Evidence.objects.filter(person=dan).exists(), "Dan only edited after the cutoff"
    # Ownership comes from the edits before the cutoff: Cleo wrote most of the payment runs page by then
    # (Dan's 300 lines came later).
    runs = ImportedPage.objects.get(path="ops/payments/runs.md").page.specific
    assert runs.page_owner.profile.external_id == "p3"
    assert Evidence.objects.filter(kind=EvidenceKind.PAGE_OWNED, person=runs.page_owner).exists()

    rankings = onramp_rankings(["ops/payments", "ops/hiring"], cutoff=CUTOFF)
    assert "p4" not in rankings["ops/payments"]
    assert rankings["ops/payments"][0] == "p1"
    assert rankings["ops/hiring"][0] == "p2"


def test_the_guard_names_what_is_dated_after_the_cutoff(corpus):
    import_before(**corpus, cutoff=CUTOFF)
    ada = Profile.objects.get(external_id="p1").user
    topic = Evidence.objects.filter(person=ada).first().topic
    Evidence.objects.create(
        person=ada, topic=topic, kind=EvidenceKind.ENDORSED, occurred_at=datetime(2023, 3, 1, tzinfo=UTC)
    )

    assert leaks_after(CUTOFF) == ["1 evidence dated after the cutoff"]


def test_the_truth_and_both_baselines_come_from_the_history_alone(corpus):
    edits = holdout.read_edits(corpus["history_text"])

    assert holdout.scored_areas(edits, CUTOFF) == {"ops/payments": {"p1", "p4"}, "ops/hiring": {"p2"}}
    assert holdout.area_top_editors(edits, CUTOFF) == {"ops/payments": ["p1", "p3"], "ops/hiring": ["p2"]}
    assert holdout.most_active(edits, CUTOFF) == ["p1", "p2", "p3"], "the rename counts for nobody"
    assert "c08" not in holdout.history_before(corpus["history_text"], CUTOFF)
    assert holdout.people_at_cutoff(PEOPLE).splitlines()[0] == "id,name", "the rest comes from the end of the history"


def test_measures_are_mrr_of_the_first_later_editor_and_precision_at_five():
    truth = {"a": {"x", "y"}, "b": {"z"}}

    measures = holdout.Measures.of({"a": ["q", "x", "y"], "b": ["z"]}, truth)

    assert measures.mrr == pytest.approx((1 / 2 + 1) / 2)
    assert measures.precision == pytest.approx((2 / 5 + 1 / 5) / 2)
    assert holdout.Measures.of({}, truth).mrr == 0.0


def test_one_cutoff_scores_onramp_beside_both_baselines_and_rolls_back(corpus):
    result = evaluate_cutoff(**corpus, cutoff=CUTOFF)

    area_top, overall = result["Area's top editors"], result["Most active overall"]
    assert (area_top.mrr, area_top.precision) == (1.0, pytest.approx(1 / 5))
    assert (overall.mrr, overall.precision) == (pytest.approx(0.75), pytest.approx(1 / 5))
    assert result["Onramp"].mrr == 1.0
    assert not ImportedPage.objects.exists(), "each cutoff's import is rolled back"


def test_weights_are_learned_only_before_the_reported_cutoffs():
    first_reported = parse_cutoff(REPORTED_CUTOFFS[0])
    assert all(parse_cutoff(name) < first_reported for name in TUNING_CUTOFFS)
    # A tuning cutoff's truth stops at the first reported cutoff; a reported cutoff cannot tune.
    assert parse_cutoff("2022-01-01") + tuning_horizon(parse_cutoff("2022-01-01")) == first_reported
    with pytest.raises(ValueError, match="not before the first reported cutoff"):
        tuning_horizon(first_reported)


def test_the_fit_weighs_what_tells_later_editors_apart_and_nothing_against_them():
    # In each question the later editor has more "work"; "noise" says nothing; "against" points the wrong way.
    questions = [
        Question(
            candidates=[
                {"work": 2.0 + n % 3, "noise": n % 2, "against": 0.0},
                {"work": 0.5, "noise": (n + 1) % 2, "against": 1.0},
                {"work": 1.0, "noise": n % 2, "against": 1.0},
            ],
            edited_later=[True, False, False],
        )
        for n in range(12)
    ]

    weights = fit_weights(questions, ["work", "noise", "against"])

    assert weights["work"] > 0.5
    assert weights["noise"] < weights["work"] / 5
    assert weights["against"] == 0.0, "kept at zero or above: a reason shown never counts against someone"
    assert measures_with(questions, weights) == (1.0, pytest.approx(1 / 5))
