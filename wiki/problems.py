"""What is known to be wrong with a page and not yet dealt with: the open problems an owner reviews before
verifying it, and the *known issue* readers are told about.

Open gaps and revision tasks belong to the forums, which sit above the wiki: the wiki imports none of them
and asks through two Wagtail hooks instead, which the forums answer (forums/wagtail_hooks.py):

- `wiki_open_problems`: `fn(page, request) -> list[OpenProblem]`, what is open on the page, written as
  whoever made `request` may read it;
- `wiki_pages_with_known_issues`: `fn(page_ids) -> set[int]`, those of the pages with an open problem that
  makes a known issue, in one query whatever the number of pages (for lists of pages).

Not-helpful votes since the page was last verified are the wiki's own: they are shown to whoever may verify
the page and ask for a note, but do not make a known issue (a vote is an opinion until someone triages it).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from wagtail import hooks

if TYPE_CHECKING:
    from django.http import HttpRequest

    from wagtail.models import Page

OPEN_PROBLEMS_HOOK = "wiki_open_problems"
KNOWN_ISSUES_HOOK = "wiki_pages_with_known_issues"
FEEDBACK_SHOWN = 20


class ProblemKind(enum.StrEnum):
    GAP = "gap"
    TASK = "task"
    FEEDBACK = "feedback"


@dataclass(frozen=True)
class OpenProblem:
    """One open problem on a page, as a given person may read it: `url` and `gap_url` are empty, and titles
    generic, where that person may not open what they lead to."""

    kind: ProblemKind
    title: str
    opened_at: datetime
    url: str = ""
    status: str = ""
    detail: str = ""
    # The gap a reader is sent to: the gap itself, or the gap a revision task works on.
    gap_title: str = ""
    gap_url: str = ""

    @property
    def known_issue(self) -> bool:
        return self.kind in (ProblemKind.GAP, ProblemKind.TASK)


def open_problems(page: Page, request: HttpRequest, *, with_feedback: bool = True) -> list[OpenProblem]:
    """The open gaps and revision tasks on `page` (from the hooks), then, with `with_feedback`, the
    not-helpful votes since it was last verified, newest first. The page remembers whether it has a known
    issue, so its badge (`page.freshness`) agrees with the list without asking again."""
    if page.pk is None:
        return []
    problems = [problem for fn in hooks.get_hooks(OPEN_PROBLEMS_HOOK) for problem in fn(page, request)]
    if with_feedback:
        problems += not_helpful_since_verified(page)
    page._known_issue = any(problem.known_issue for problem in problems)
    return problems


def not_helpful_since_verified(page: Page) -> list[OpenProblem]:
    from wiki.models import PageFeedback

    votes = PageFeedback.objects.filter(page_id=page.pk, helpful=False)
    if getattr(page, "last_verified_at", None) is not None:
        votes = votes.filter(created_at__gt=page.last_verified_at)
    return [
        OpenProblem(
            kind=ProblemKind.FEEDBACK,
            title=_("Not helpful: %(reason)s") % {"reason": vote.get_reason_display() or _("no reason given")},
            opened_at=vote.created_at,
            detail=vote.comment,
        )
        for vote in votes.order_by("-created_at")[:FEEDBACK_SHOWN]
    ]


def known_issues(problems: Iterable[OpenProblem]) -> list[OpenProblem]:
    return [problem for problem in problems if problem.known_issue]


def readers_gaps(problems: Iterable[OpenProblem]) -> list[OpenProblem]:
    """The gaps behind the known issues that the reader may open, each once: what the notice links to."""
    seen: dict[str, OpenProblem] = {}
    for problem in known_issues(problems):
        if problem.gap_url and problem.gap_url not in seen:
            seen[problem.gap_url] = problem
    return list(seen.values())


def pages_with_known_issues(page_ids: Iterable[int]) -> set[int]:
    ids = [page_id for page_id in page_ids if page_id is not None]
    if not ids:
        return set()
    found: set[int] = set()
    for fn in hooks.get_hooks(KNOWN_ISSUES_HOOK):
        found |= set(fn(ids))
    return found


def mark_known_issues(pages: Iterable[Page]) -> list[Page]:
    """The pages as a list, each knowing whether it has a known issue, for a list of badges in one query."""
    pages = list(pages)
    with_issues = pages_with_known_issues(page.pk for page in pages)
    for page in pages:
        page._known_issue = page.pk in with_issues
    return pages


def has_known_issue(page: Page) -> bool:
    """Whether `page` has an open gap or revision task; read once per page object (see mark_known_issues)."""
    known = getattr(page, "_known_issue", None)
    if known is None:
        known = page.pk in pages_with_known_issues([page.pk])
        page._known_issue = known
    return known
