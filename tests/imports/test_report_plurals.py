"""The import reports count in words: one of a thing is singular ("1 broken link", "1 person created"), more
are plural; never "1 files" or "1 onboardings"."""

import pytest

from imports.history import HistoryOutcome
from imports.markdown_tree import ImportReport
from imports.people import PeopleReport


def tree_report(n: int) -> str:
    return ImportReport(
        broken_links=[("a.md", "b.md")] * n,
        missing_images=[("a.md", "c.png")] * n,
        files=n,
        history=HistoryOutcome(recorded=n, unknown_paths=n, unknown_authors={f"author{i}" for i in range(n)}),
    ).as_text()


def test_the_tree_report_says_one_in_the_singular():
    text = tree_report(1)
    for phrase in [
        "1 broken link,",
        "1 missing image;",
        "1 file in",
        "1 edit recorded",
        "1 row for files",
        "1 unknown author.",
    ]:
        assert phrase in text, text


def test_the_tree_report_says_more_in_the_plural():
    text = tree_report(2)
    for phrase in [
        "2 broken links,",
        "2 missing images;",
        "2 files in",
        "2 edits recorded",
        "2 rows for files",
        "2 unknown authors.",
    ]:
        assert phrase in text, text


@pytest.mark.parametrize(
    ("count", "phrases"),
    [
        (1, ["1 person created", "1 row with errors", "1 onboarding drafted"]),
        (2, ["2 people created", "2 rows with errors", "2 onboardings drafted"]),
    ],
)
def test_the_people_report_counts_in_words(count, phrases):
    text = PeopleReport(created=count, errors=[(line, "bad") for line in range(count)], drafted=count).as_text()
    for phrase in phrases:
        assert phrase in text, text
