"""`make eval-experts`: "who knows" on the real handbook's history, held out in time.

For each cutoff, in a scratch SQLite database: import the people (without the columns counted over the whole
history), then the pages that existed before the cutoff with only the edits dated before it, on a clock set to
the cutoff (so revisions, publish dates, ownership and scores all carry the cutoff's date at the latest). Then
ask who knows each process area (the area's title, as `manage.py whoknows` would be asked) and score the
answer against the people who really edited the area's pages after the cutoff: MRR of the first
real later editor and precision at 5, beside the two baselines (the area's top editors before the cutoff;
the most active editors overall). Each cutoff's import is rolled back before the next.

The ranking's weights (expertise.ranking.SIGNAL_WEIGHTS) are learned with `--fit` on the tuning cutoffs only:
every one of them before the first reported cutoff, each scored against the edits made between it and that
first reported cutoff, so nothing the reported figures are scored on reaches the fit.

Run from the repository root: `python expertise/eval/run.py [--cutoffs 2022-07-01,2023-01-01] [--areas]`,
`--tuning` to score the tuning cutoffs (`--monthly`: every month of the tuning period), `--fit` to learn the
weights on them. To judge a change to the ranking, `--save FILE` before and after it, then `--compare BEFORE
AFTER` (expertise/eval/compare.py): whether it is better on the tuning cutoffs beyond the noise of the areas."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HANDBOOK = ROOT.parent / "shared" / "corpora" / "handbook"
SCRATCH = ROOT / "bench" / "data" / "eval-experts.sqlite3"
# Reported cutoffs: the figures in the README. The ranking's weights are learned on the tuning cutoffs, all
# earlier, against edits made before the first reported cutoff (tuning_horizon); never on the reported ones.
REPORTED_CUTOFFS = ("2022-07-01", "2023-01-01", "2023-07-01")
TUNING_CUTOFFS = ("2020-07-01", "2020-10-01", "2021-01-01", "2021-04-01", "2021-07-01", "2021-10-01", "2022-01-01")
# --monthly: the first of every month from the first tuning cutoff to the last one with four months of truth.
LAST_MONTHLY_TUNING_CUTOFF = "2022-03-01"
CANDIDATES = 50  # people per area whose signals the fit sees
TARGET_MRR, TARGET_PRECISION = 0.90, 0.50
EVALUATOR = "evaluator"
SYSTEMS = ("Onramp", "Area's top editors", "Most active overall")
# Onramp's modules are imported inside the functions: as a script, this file chooses its settings and calls
# django.setup() in main() first.


def parse_cutoff(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=UTC)
    except ValueError as error:
        raise SystemExit(f"--cutoffs: {text!r} is not a date such as 2022-07-01") from error


def monthly_tuning_cutoffs() -> list[str]:
    """The first of every month from the first tuning cutoff to LAST_MONTHLY_TUNING_CUTOFF."""
    month, last = parse_cutoff(TUNING_CUTOFFS[0]), parse_cutoff(LAST_MONTHLY_TUNING_CUTOFF)
    names = []
    while month <= last:
        names.append(month.date().isoformat())
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return names


def tuning_horizon(cutoff: datetime) -> timedelta:
    """How far after a tuning cutoff its truth reaches: up to the first reported cutoff, never into the edits
    the reported figures are scored on."""
    first_reported = parse_cutoff(REPORTED_CUTOFFS[0])
    if cutoff >= first_reported:
        raise ValueError(f"{cutoff.date()} is not before the first reported cutoff: it cannot tune the ranking")
    return first_reported - cutoff


def filtered_source(pages_root: Path, keep: set[str]):
    """The tree's folder offering only the Markdown files in `keep` (the pages that existed before the
    cutoff)."""
    from imports.sources import MARKDOWN_SUFFIXES, DirectorySource

    class PagesBeforeCutoff(DirectorySource):
        def paths(self) -> list[str]:
            return [path for path in super().paths() if not path.lower().endswith(MARKDOWN_SUFFIXES) or path in keep]

    return PagesBeforeCutoff(pages_root)


def import_before(*, pages_root: Path, history_text: str, people_text: str, cutoff: datetime) -> None:
    """Imports people and the pages as they were known at the cutoff, with the clock at the cutoff."""
    import time_machine

    from django.contrib.auth import get_user_model

    from wagtail.models import Site

    from expertise.eval.holdout import history_before, pages_before, people_at_cutoff, read_edits
    from expertise.scoring import recompute_all_scores
    from imports.markdown_tree import import_markdown_tree
    from imports.people import import_people

    keep = pages_before(read_edits(history_text), cutoff)
    with time_machine.travel(cutoff, tick=False):
        evaluator = get_user_model().objects.create_superuser(EVALUATOR, "evaluator@example.com", "x")
        import_people(people_at_cutoff(people_text))
        import_markdown_tree(
            filtered_source(pages_root, keep),
            under=Site.objects.get(is_default_site=True).root_page,
            owner=evaluator,
            history_text=history_before(history_text, cutoff),
        )
    # The evaluator published the pages: an artefact of importing, not a person anyone would ask.
    evaluator.is_active = False
    evaluator.save(update_fields=["is_active"])
    recompute_all_scores(now=cutoff)


def leaks_after(cutoff: datetime) -> list[str]:
    """What in the database is dated after the cutoff (each a sentence); empty when the import is honest."""
    from wagtail.models import Page, Revision

    from expertise.models import Evidence, ExpertiseScore
    from imports.models import HistoryEdit

    checks = [
        ("evidence", Evidence.objects.filter(occurred_at__gt=cutoff)),
        ("imported edits", HistoryEdit.objects.filter(edited_at__gte=cutoff)),
        ("revisions", Revision.objects.filter(created_at__gt=cutoff)),
        ("published pages", Page.objects.filter(last_published_at__gt=cutoff)),
        ("scores", ExpertiseScore.objects.filter(computed_at__gt=cutoff)),
    ]
    return [f"{count} {name} dated after the cutoff" for name, rows in checks if (count := rows.count())]


def onramp_candidates(areas: list[str], *, cutoff: datetime, limit: int = 10) -> dict[str, list]:
    """Who knows each area, as `manage.py whoknows` asks it: the area's name (its folder's, as the import names
    the area's topic; not the index page's title: several are just "Index"). Returns, per area, the HR id and
    the ranking's signals of each suggestion, best first."""
    import posixpath

    from expertise.models import Profile
    from expertise.ranking import rank_people_for
    from imports.markdown import humanise
    from wiki.topics import topics_for_text

    hr_ids = dict(Profile.objects.filter(external_id__isnull=False).values_list("user_id", "external_id"))
    found = {}
    for area in areas:
        topics = topics_for_text(humanise(posixpath.basename(area)))
        suggestions = rank_people_for(topics=topics, now=cutoff, limit=limit)
        found[area] = [(hr_ids[s.person.pk], s.signals) for s in suggestions if s.person.pk in hr_ids]
    return found


def onramp_rankings(areas: list[str], *, cutoff: datetime) -> dict[str, list[str]]:
    """Who knows each area, by HR id, best first."""
    return {area: [hr_id for hr_id, _ in found] for area, found in onramp_candidates(areas, cutoff=cutoff).items()}


@contextmanager
def imported(*, pages_root: Path, history_text: str, people_text: str, cutoff: datetime):
    """The import of what came before the cutoff, checked for leaks, rolled back on the way out."""
    from django.db import transaction

    with transaction.atomic():
        import_before(pages_root=pages_root, history_text=history_text, people_text=people_text, cutoff=cutoff)
        leaks = leaks_after(cutoff)
        if leaks:
            raise AssertionError("The hold-out leaks: " + "; ".join(leaks))
        yield
        transaction.set_rollback(True)


def evaluate_cutoff(
    *, pages_root: Path, history_text: str, people_text: str, cutoff: datetime, horizon: timedelta | None = None
) -> dict:
    """Imports what came before the cutoff, scores Onramp and both baselines on the areas edited after it
    (within `horizon`, when given), and rolls the import back. Returns {system: Measures} plus the rankings,
    per area, under "rankings"."""
    from expertise.eval import holdout

    edits = holdout.read_edits(history_text)
    truth = holdout.scored_areas(edits, cutoff, horizon=horizon)
    with imported(pages_root=pages_root, history_text=history_text, people_text=people_text, cutoff=cutoff):
        onramp = onramp_rankings(sorted(truth), cutoff=cutoff)
    overall = holdout.most_active(edits, cutoff)
    rankings = {
        SYSTEMS[0]: onramp,
        SYSTEMS[1]: holdout.area_top_editors(edits, cutoff),
        SYSTEMS[2]: dict.fromkeys(truth, overall),
    }
    result = {system: holdout.Measures.of(ranked, truth) for system, ranked in rankings.items()}
    result["rankings"] = rankings
    result["truth"] = truth
    return result


def area_measures(result: dict, *, cutoff: str) -> dict[tuple[str, str], tuple[float, float]]:
    """Onramp's reciprocal rank and precision at 5 on each area of one scored cutoff (what `--save` keeps)."""
    from expertise.eval import holdout

    ranked = result["rankings"][SYSTEMS[0]]
    return {
        (cutoff, area): (
            holdout.reciprocal_rank(ranked.get(area, []), people),
            holdout.precision_at(ranked.get(area, []), people),
        )
        for area, people in result["truth"].items()
    }


def tuning_questions(*, pages_root: Path, history_text: str, people_text: str, cutoff: datetime) -> list:
    """What the fit learns from at one tuning cutoff: each area's candidates with their signals, and whether
    they edited the area between the cutoff and the first reported cutoff."""
    from expertise.eval import holdout
    from expertise.eval.fit import Question

    truth = holdout.scored_areas(holdout.read_edits(history_text), cutoff, horizon=tuning_horizon(cutoff))
    with imported(pages_root=pages_root, history_text=history_text, people_text=people_text, cutoff=cutoff):
        found = onramp_candidates(sorted(truth), cutoff=cutoff, limit=CANDIDATES)
    return [
        Question(
            candidates=[signals for _, signals in found[area]], edited_later=[p in truth[area] for p, _ in found[area]]
        )
        for area in sorted(truth)
    ]


def fit(*, history_text: str, people_text: str) -> None:
    """Learns SIGNAL_WEIGHTS on the tuning cutoffs and prints them, to be copied into expertise/ranking.py."""
    from expertise.eval.fit import fit_weights, measures_with
    from expertise.ranking import SIGNAL_WEIGHTS

    questions = []
    for name in TUNING_CUTOFFS:
        cutoff = parse_cutoff(name)
        found = tuning_questions(
            pages_root=HANDBOOK / "pages", history_text=history_text, people_text=people_text, cutoff=cutoff
        )
        print(f"{name}: {len(found)} areas, truth up to {(cutoff + tuning_horizon(cutoff)).date()}", flush=True)
        questions.extend(found)
    weights = fit_weights(questions, list(SIGNAL_WEIGHTS))
    for label, tried in (("the current weights", SIGNAL_WEIGHTS), ("the fitted weights", weights)):
        mrr, precision = measures_with(questions, tried)
        print(f"On the tuning questions, {label}: MRR {mrr:.3f}, P@5 {precision:.2f}")
    print(f"Fitted on {', '.join(TUNING_CUTOFFS)} (never on {', '.join(REPORTED_CUTOFFS)}):")
    print("SIGNAL_WEIGHTS = {" + ", ".join(f'"{name}": {weight}' for name, weight in weights.items()) + "}")


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def print_row(label: str, areas: int | str, measures: dict) -> None:
    cells = "".join(f" {measures[system].mrr:>6.3f} {measures[system].precision:>5.2f} │" for system in SYSTEMS)
    print(f"{label:<12}│{areas:>6} │{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cutoffs", help="Comma-separated dates (default: the reported cutoffs).")
    parser.add_argument("--tuning", action="store_true", help="Score the tuning cutoffs instead.")
    parser.add_argument(
        "--monthly", action="store_true", help="Score every month of the tuning period (against the same truth)."
    )
    parser.add_argument("--fit", action="store_true", help="Learn the ranking's weights on the tuning cutoffs.")
    parser.add_argument("--areas", action="store_true", help="Also print each area's first suggestions.")
    parser.add_argument("--save", type=Path, metavar="FILE", help="Write each area's measures to FILE (JSON).")
    parser.add_argument(
        "--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="Compare two files --save wrote."
    )
    arguments = parser.parse_args()
    if arguments.compare:
        sys.path.insert(0, str(ROOT))
        from expertise.eval.compare import ComparisonError, report

        try:
            print(report(*arguments.compare))
        except ComparisonError as error:
            raise SystemExit(f"--compare: {error}") from error
        return
    if not HANDBOOK.is_dir():
        raise SystemExit(f"The handbook corpus is not at {HANDBOOK}.")
    if arguments.monthly:
        names = monthly_tuning_cutoffs()
    elif arguments.cutoffs:
        names = arguments.cutoffs.split(",")
    else:
        names = TUNING_CUTOFFS if arguments.tuning else REPORTED_CUTOFFS
    cutoffs = [parse_cutoff(name) for name in names]
    # Each run has a scratch database of its own, removed on the way out: a fit, or runs before and after a
    # change, may go side by side.
    scratch = SCRATCH.with_stem(f"{SCRATCH.stem}-{os.getpid()}")
    scratch.parent.mkdir(parents=True, exist_ok=True)
    atexit.register(remove_database, scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "onramp.settings.bench"
    os.environ["BENCH_DATABASE"] = str(scratch)
    os.environ.pop("ELASTICSEARCH_URL", None)
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.core.management import call_command

    from expertise.eval.holdout import Measures

    call_command("migrate", run_syncdb=True, verbosity=0)
    history_text = (HANDBOOK / "history.csv").read_text(encoding="utf-8")
    people_text = (HANDBOOK / "people.csv").read_text(encoding="utf-8")
    if arguments.fit:
        fit(history_text=history_text, people_text=people_text)
        return
    tuning = arguments.monthly or (not arguments.cutoffs and arguments.tuning)
    print(
        f"Weights learned on the tuning cutoffs {TUNING_CUTOFFS[0]} to {TUNING_CUTOFFS[-1]}, against edits before "
        f"{REPORTED_CUTOFFS[0]}; reported: {', '.join(REPORTED_CUTOFFS)}."
    )
    if tuning:
        print(f"Scoring the tuning cutoffs, each against the edits made before {REPORTED_CUTOFFS[0]}.")
    header = "".join(f" {system[:19]:<13}│" for system in SYSTEMS)
    print(f"{'':<12}│{'':>6} │{header}")
    print(f"{'cutoff':<12}│{'areas':>6} │" + " {:>6} {:>5} │".format("MRR", "P@5") * len(SYSTEMS))
    totals = {system: [] for system in SYSTEMS}
    saved = {}
    for cutoff, name in zip(cutoffs, names, strict=True):
        result = evaluate_cutoff(
            pages_root=HANDBOOK / "pages",
            history_text=history_text,
            people_text=people_text,
            cutoff=cutoff,
            horizon=tuning_horizon(cutoff) if tuning else None,
        )
        print_row(name, result[SYSTEMS[0]].areas, result)
        saved.update(area_measures(result, cutoff=name))
        for system in SYSTEMS:
            totals[system].append(result[system])
        if arguments.areas:
            for area in sorted(result["truth"]):
                ranked = result["rankings"][SYSTEMS[0]].get(area, [])
                marks = " ".join(f"{p}{'*' if p in result['truth'][area] else ''}" for p in ranked[:5])
                print(f"    {area:<45} {marks}")
    mean = {
        system: Measures(
            mrr=sum(m.mrr for m in totals[system]) / len(cutoffs),
            precision=sum(m.precision for m in totals[system]) / len(cutoffs),
        )
        for system in SYSTEMS
    }
    print_row("mean", sum(m.areas for m in totals[SYSTEMS[0]]), mean)
    if arguments.save:
        from expertise.eval.compare import dump

        scored = "monthly tuning" if arguments.monthly else "tuning" if tuning else "reported"
        listed = ", ".join(names) if len(names) <= 7 else f"{names[0]} … {names[-1]} ({len(names)})"
        arguments.save.write_text(dump(saved, label=f"{scored} cutoffs {listed}"), encoding="utf-8")
        print(f"Each area's measures written to {arguments.save}.")
    onramp = mean[SYSTEMS[0]]
    wins = all(onramp.mrr > mean[s].mrr and onramp.precision > mean[s].precision for s in SYSTEMS[1:])
    meets = wins and onramp.mrr >= TARGET_MRR and onramp.precision >= TARGET_PRECISION
    print(
        f"Onramp {'meets' if meets else 'misses'} the target: ahead of both baselines on both measures, "
        f"MRR ≥ {TARGET_MRR} and P@5 ≥ {TARGET_PRECISION}."
    )
    if not meets:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
