"""Loads the demo glossary and a few unanswered searches, through the same rules the Ask page uses.

Loading twice changes nothing: glossary terms are matched by term, and the searches are logged only when
the demo has none yet."""

from __future__ import annotations

from search.models import GlossaryTerm, LoggedQuery
from search.normalise import normalise
from search.querylog import log_query


def load_search(data, *, users: dict, report) -> None:
    for spec in data.GLOSSARY:
        term = GlossaryTerm(**spec)
        if GlossaryTerm.objects.filter(term=term.term).exists():
            continue
        term.full_clean()
        term.save()
        report.count("glossary term")
    if LoggedQuery.objects.exists():
        return
    for username, text in data.MISSES:
        log_query(
            text=text,
            normalised=normalise(text),
            user=users.get(username),
            backend="database",
            filters={},
            page_count=0,
            people_count=0,
            gap_count=0,
        )
        report.count("logged search")
