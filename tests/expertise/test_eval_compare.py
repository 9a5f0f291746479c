"""Judging a change to "who knows" on saved hold-out runs (`run.py --save`, `--compare`): the difference of each
measure as the table computes it, with an interval that tells a real change from a few areas moving."""

import json
import sys

import pytest

from expertise.eval.compare import ComparisonError, compare, dump, load, table_mean
from expertise.eval.run import (
    REPORTED_CUTOFFS,
    TUNING_CUTOFFS,
    area_measures,
    evaluate_cutoff,
    main,
    monthly_tuning_cutoffs,
    parse_cutoff,
)
from tests.expertise.test_holdout_evaluation import CUTOFF, corpus  # noqa: F401 - the fixture

CUTOFFS = ("2021-01-01", "2021-04-01", "2021-07-01")
AREAS = [f"area-{n:02d}" for n in range(20)]


def results(rr=lambda area, cutoff: 0.5, precision=lambda area, cutoff: 0.4):
    return {(cutoff, area): (rr(area, cutoff), precision(area, cutoff)) for cutoff in CUTOFFS for area in AREAS}


def by_name(differences):
    return {difference.measure: difference for difference in differences}


def test_a_change_that_helps_every_area_is_better_beyond_the_noise():
    before = results(rr=lambda area, cutoff: 0.5 + 0.02 * (int(area[-2:]) % 5))
    after = {key: (rr + 0.2, precision) for key, (rr, precision) in before.items()}

    changes = by_name(compare(before, after))

    assert changes["MRR"].change == pytest.approx(0.2)
    assert changes["MRR"].low > 0 and changes["MRR"].verdict == "better beyond the noise"
    assert changes["P@5"].change == 0 and changes["P@5"].verdict == "within the noise"


def test_one_area_moving_a_lot_is_within_the_noise():
    before = results()
    after = results(precision=lambda area, cutoff: 1.0 if area == "area-07" else 0.4)

    change = by_name(compare(before, after))["P@5"]

    assert change.change == pytest.approx(0.6 / 20)
    assert change.low <= 0 < change.high, "most draws of twenty areas leave it out or count it once"
    assert change.verdict == "within the noise"
    worse = by_name(compare(after, before))["P@5"]
    assert worse.change == pytest.approx(-0.6 / 20) and worse.verdict == "within the noise"


def test_a_change_that_hurts_every_area_is_worse_beyond_the_noise():
    before = results()
    after = results(rr=lambda area, cutoff: 0.3)

    assert by_name(compare(before, after))["MRR"].verdict == "worse beyond the noise"


def test_the_measure_is_the_mean_over_cutoffs_of_the_mean_over_their_areas():
    scored = {("2021-01-01", "a"): (1.0, 0.2), ("2021-01-01", "b"): (0.0, 0.0), ("2021-04-01", "a"): (0.5, 0.4)}

    assert table_mean(scored, 0) == pytest.approx((0.5 + 0.5) / 2), "not the mean of the three questions"
    assert table_mean(scored, 1, ["a", "a"]) == pytest.approx((0.2 + 0.4) / 2)


def test_runs_that_scored_different_areas_are_not_compared():
    before = results()
    after = {key: value for key, value in before.items() if key[1] != "area-03"}

    with pytest.raises(ComparisonError, match="area-03 at 2021-01-01"):
        compare(before, after)
    with pytest.raises(ComparisonError, match="no area"):
        compare({}, {})


def test_a_saved_run_reads_back_and_a_file_that_is_not_one_is_named(tmp_path):
    path = tmp_path / "before.json"
    path.write_text(dump(results(), label="tuning cutoffs 2021-01-01"), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"scored": "x", "areas": [{"cutoff": "2021-01-01"}]}), encoding="utf-8")

    assert load(path) == ("tuning cutoffs 2021-01-01", results())
    with pytest.raises(ComparisonError, match="broken.json: not a file written by"):
        load(broken)
    with pytest.raises(ComparisonError, match="missing.json: no such file"):
        load(tmp_path / "missing.json")


def test_the_command_compares_two_saved_runs_and_refuses_unlike_ones(tmp_path, monkeypatch, capsys):
    before, after, other = tmp_path / "before.json", tmp_path / "after.json", tmp_path / "other.json"
    before.write_text(dump(results(), label="tuning cutoffs"), encoding="utf-8")
    after.write_text(dump(results(rr=lambda area, cutoff: 0.9), label="tuning cutoffs"), encoding="utf-8")
    other.write_text(dump(results(), label="reported cutoffs"), encoding="utf-8")

    monkeypatch.setattr(sys, "argv", ["run.py", "--compare", str(before), str(after)])
    main()
    printed = capsys.readouterr().out
    assert "tuning cutoffs: 60 questions, 20 areas" in printed
    assert "MRR  0.5000 → 0.9000  change +0.4000" in printed and "better beyond the noise" in printed

    monkeypatch.setattr(sys, "argv", ["run.py", "--compare", str(before), str(other)])
    with pytest.raises(SystemExit, match="--compare: .* compare like with like"):
        main()


def test_monthly_tuning_cutoffs_are_every_month_of_the_tuning_period():
    months = monthly_tuning_cutoffs()

    assert months[0] == TUNING_CUTOFFS[0] and months[-1] == "2022-03-01" and len(months) == 21
    assert set(TUNING_CUTOFFS) <= set(months), "the quarterly cutoffs are among them"
    assert all(parse_cutoff(month) < parse_cutoff(REPORTED_CUTOFFS[0]) for month in months)


@pytest.mark.django_db
def test_what_is_saved_is_each_areas_measures_at_its_cutoff(corpus):  # noqa: F811 - the fixture
    result = evaluate_cutoff(**corpus, cutoff=CUTOFF)

    saved = area_measures(result, cutoff="2023-01-01")

    assert set(saved) == {("2023-01-01", "ops/payments"), ("2023-01-01", "ops/hiring")}
    assert saved[("2023-01-01", "ops/payments")][0] == 1.0, "Ada, first, edited payments again"
    assert table_mean(saved, 0) == pytest.approx(result["Onramp"].mrr)
    assert table_mean(saved, 1) == pytest.approx(result["Onramp"].precision)
