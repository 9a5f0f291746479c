"""An edit history (commit, date, author, path, added, deleted) turned into expertise evidence."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.dateparse import parse_datetime

from expertise.models import Evidence, EvidenceKind, Profile
from imports.models import HistoryEdit
from wiki.models import PageTopic

REQUIRED_COLUMNS = ("commit", "date", "author", "path", "added", "deleted")


class HistoryFormatError(ValueError):
    pass


def edit_weight(added: int, deleted: int) -> float:
    """A one-line fix counts for a fifth of a substantial edit; a hundred changed lines count fully."""
    return round(min(1.0, 0.2 + (added + deleted) / 100), 3)


@dataclass
class HistoryRow:
    line: int
    commit: str
    date: datetime
    author: str
    path: str
    added: int
    deleted: int


@dataclass
class History:
    rows: list[HistoryRow] = field(default_factory=list)
    bad_rows: list[tuple[int, str]] = field(default_factory=list)

    def top_authors(self) -> dict[str, str]:
        """For each path, the author who added the most lines to it: the natural owner of the page."""
        added: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for row in self.rows:
            added[row.path][row.author] += row.added + 1
        return {path: max(authors, key=lambda author: (authors[author], author)) for path, authors in added.items()}

    def pages_changed(self, pages: Iterable[str]) -> dict[str, int]:
        """For each commit, how many of `pages` it changed: a change over n pages is one piece of work, 1/n on
        each."""
        known = set(pages)
        paths: dict[str, set[str]] = defaultdict(set)
        for row in self.rows:
            if row.path in known:
                paths[row.commit].add(row.path)
        return {commit: len(changed) for commit, changed in paths.items()}


def read_history(text: str) -> History:
    """Parses the CSV; the current_path column, where present, names the file as it is now."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise HistoryFormatError(f"the history file lacks the column(s) {', '.join(missing)}")
    history = History()
    for line, record in enumerate(reader, start=2):
        path = (record.get("current_path") or "").strip() if "current_path" in record else record["path"].strip()
        if "current_path" in record and not path:
            continue  # the file was deleted or renamed away: nothing in the tree to credit
        date = parse_datetime((record["date"] or "").strip())
        if date is None:
            history.bad_rows.append((line, f"date {record['date']!r} is not an ISO 8601 date and time"))
            continue
        try:
            added, deleted = int(record["added"] or 0), int(record["deleted"] or 0)
        except ValueError:
            history.bad_rows.append((line, "added and deleted must be whole numbers"))
            continue
        if not record["author"] or not record["commit"]:
            history.bad_rows.append((line, "commit and author are required"))
            continue
        history.rows.append(
            HistoryRow(
                line, record["commit"].strip(), date, record["author"].strip(), path, max(added, 0), max(deleted, 0)
            )
        )
    return history


@dataclass
class HistoryOutcome:
    recorded: int = 0
    already_recorded: int = 0
    unknown_authors: set[str] = field(default_factory=set)
    unknown_paths: int = 0


def record_history(history: History, *, pages: dict[str, int]) -> HistoryOutcome:
    """Records each edit of an imported page as PAGE_EDITED evidence for its author on the page's topics,
    at the edit's date, as its share of the commit's change (Evidence.change_share). Idempotent: an edit
    already recorded (same commit and path) is left alone."""
    outcome = HistoryOutcome()
    users = dict(Profile.objects.filter(external_id__isnull=False).values_list("external_id", "user_id"))
    existing = set(HistoryEdit.objects.values_list("commit", "path"))
    new_edits = []
    for row in history.rows:
        page_id = pages.get(row.path)
        if page_id is None:
            outcome.unknown_paths += 1
            continue
        author = users.get(row.author)
        if author is None:
            outcome.unknown_authors.add(row.author)
            continue
        if (row.commit, row.path) in existing:
            outcome.already_recorded += 1
            continue
        existing.add((row.commit, row.path))
        new_edits.append(
            HistoryEdit(
                commit=row.commit,
                path=row.path,
                author_id=author,
                page_id=page_id,
                edited_at=row.date,
                added=row.added,
                deleted=row.deleted,
            )
        )
    HistoryEdit.objects.bulk_create(new_edits, batch_size=2000)
    saved = HistoryEdit.objects.filter(commit__in={edit.commit for edit in new_edits}).values_list(
        "pk", "commit", "path", "author_id", "page_id", "edited_at", "added", "deleted"
    )
    topics: dict[int, list[int]] = defaultdict(list)
    for page_id, topic_id in PageTopic.objects.filter(content_object_id__in=set(pages.values())).values_list(
        "content_object_id", "tag_id"
    ):
        topics[page_id].append(topic_id)
    source_type = ContentType.objects.get_for_model(HistoryEdit)
    wanted = {(edit.commit, edit.path) for edit in new_edits}
    pages_changed = history.pages_changed(pages)
    evidence = []
    for pk, commit, path, author_id, page_id, edited_at, added, deleted in saved.iterator(chunk_size=2000):
        if (commit, path) not in wanted:
            continue
        weight = edit_weight(added, deleted)
        change_share = round(1 / pages_changed.get(commit, 1), 4)
        for topic_id in topics.get(page_id, []):
            evidence.append(
                Evidence(
                    person_id=author_id,
                    topic_id=topic_id,
                    kind=EvidenceKind.PAGE_EDITED,
                    weight=weight,
                    occurred_at=edited_at,
                    change_share=change_share,
                    source_type=source_type,
                    source_id=pk,
                )
            )
    Evidence.objects.bulk_create(evidence, batch_size=2000, ignore_conflicts=True)
    outcome.recorded = len(new_edits)
    return outcome
