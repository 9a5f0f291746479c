"""Whether the wiki answers a question at all, decided the same way whichever backend found the pages.

Backends always return something: any page sharing one word with the question is a match, and their scores
mean different things (BM25 on SQLite, ts_rank on PostgreSQL, Lucene's on Elasticsearch). So the verdict does
not read scores. It reads the best few pages' own text and asks how much of what the question is about they
say, in one place: each content word of the question (stop words and question phrasing left out, a glossary
term or a corrected typo counting as the word) weighs as much as it is rare in the wiki (inverse document
frequency), and a page covers the share of that weight its title, summary and topics say together with some
passage of a few sentences of its body. When no page covers enough, nothing in the wiki answers the question.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from wagtail.models import Page

from onramp.stemming import stem
from search import glossary, term_index
from search.backends import ParsedQuery
from search.backends.bm25 import idf
from search.normalise import QUESTION_WORDS as QUESTION_PHRASING
from search.normalise import normalise, text_words
from search.page_text import PageText

logger = logging.getLogger("search")

# The best pages the verdict reads; a page further down rarely answers when none of these does.
PAGES_JUDGED = 5
# A page answers when it covers this share of the question's weighted words.
COVERAGE_TO_ANSWER = 0.5
# A passage: this many sentences in a row, read together with the page's title, summary and topics.
PASSAGE_SENTENCES = 3
# Words of question phrasing that say nothing about the subject (searching leaves them out too), and "one"
# ("which one"), which searching keeps for "one on one" and "day one".
QUESTION_WORDS = QUESTION_PHRASING | {"one"}


@dataclass(frozen=True)
class Concept:
    """One thing the question is about: a word, and the other ways of saying it (a glossary term's expansion
    or synonyms, the word its typo stands for)."""

    word: str
    alternatives: tuple[str, ...] = ()

    def covered_by(self, found: set[str], forms: dict[str, set[str]]) -> bool:
        return any(forms[option] <= found for option in (self.word, *self.alternatives))


@dataclass(frozen=True)
class Verdict:
    answered: bool
    coverage: float = 1.0
    best_page_id: int | None = None
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def nothing_answers(self) -> bool:
        return not self.answered


def concepts_of(query: ParsedQuery, corrections: dict[str, str] | None = None) -> list[Concept]:
    """The question's content words, each with its other ways of saying it."""
    corrections = corrections or {}
    used = {phrase: entry for entry in glossary.terms_in(query.text) for phrase in entry.phrases}
    concepts = []
    for word in query.words:
        if word in QUESTION_WORDS and len(query.words) > 1:
            continue
        alternatives = [corrections[word]] if word in corrections else []
        for phrase, entry in used.items():
            if word in phrase.split():
                alternatives += [other for other in entry.phrases if other != phrase]
        concepts.append(Concept(word=word, alternatives=tuple(dict.fromkeys(alternatives))))
    return concepts


def frequency(terms: list[str], counts: dict[str, int]) -> int | None:
    """In how many pages the term index finds all of `terms` (a word's stem, or a phrase's): at most as
    many as have its rarest word, which is what the index can say without reading pages. None for a phrase
    made only of stop words, which the index does not keep."""
    if not terms:
        return None
    return min(counts.get(term, 0) for term in terms)


def rarity(frequency: int | None, total: int) -> float:
    """Inverse document frequency (BM25's, never below a small floor): 1 when unknown."""
    if frequency is None:
        return 1.0
    return max(0.1, idf(frequency, total))


def weights_of(concepts: list[Concept]) -> dict[str, float]:
    """Each concept's weight: the rarity of the way of saying it the wiki uses most, read from the term
    statistics BM25 ranks with (search.term_index), in one query for the whole question."""
    options = {
        option: term_index.terms_of(option) for concept in concepts for option in (concept.word, *concept.alternatives)
    }
    counts = term_index.page_counts(sorted(set().union(*options.values()))) if options else {}
    total = term_index.collection().page_count
    weights = {}
    for concept in concepts:
        frequencies = [frequency(options[option], counts) for option in (concept.word, *concept.alternatives)]
        known = [f for f in frequencies if f is not None]
        weights[concept.word] = rarity(max(known) if known else None, total)
    return weights


def stems_in(text: str, wanted: set[str]) -> set[str]:
    """Which of the `wanted` stems the text's words have (the same stem, so "booked" is "book" but "leaver" is
    not "leave")."""
    return wanted & {stem(word) for word in text_words(text)}


def coverage_of(
    page: Page | PageText, concepts: list[Concept], weights: dict[str, float], forms: dict[str, set[str]]
) -> float:
    """The best share of the question's weight the page says in one place: its title, summary and topics with
    a passage of its body (or a heading with the passage under it)."""
    text = page if isinstance(page, PageText) else PageText.of(page)
    everything = set().union(*forms.values()) if forms else set()
    head = everything.intersection(text.head_stems)
    found_in = [everything.intersection(stems) for stems in text.passage_stems]
    passages = [head] + [
        head.union(*found_in[start : start + PASSAGE_SENTENCES]) for start in range(max(1, len(found_in)))
    ]
    whole = sum(weights.values()) or 1.0
    best = 0.0
    for found in passages:
        covered = sum(weights[c.word] for c in concepts if c.covered_by(found, forms))
        best = max(best, covered / whole)
        if best >= 1.0:
            break
    return best


def judge(
    query: ParsedQuery,
    pages: list[Page | PageText],
    *,
    corrections: dict[str, str] | None = None,
    defined: bool = False,
) -> Verdict:
    """Whether any of `pages` (the best few a backend found, best first, as their specific types or their
    `PageText`) answers the question. A question the glossary defines is answered by its definition."""
    if defined:
        return Verdict(answered=True)
    if not pages:
        return Verdict(answered=False, coverage=0.0)
    concepts = concepts_of(query, corrections)
    if not concepts:
        return Verdict(answered=True)
    weights = weights_of(concepts)
    # Each way of saying a concept as the stems to find, one per word.
    forms = {
        option: {stem(word) for word in normalise(option).split()}
        for concept in concepts
        for option in (concept.word, *concept.alternatives)
    }
    best, best_id = 0.0, None
    for page in pages[:PAGES_JUDGED]:
        covered = coverage_of(page, concepts, weights, forms)
        if covered > best:
            best, best_id = covered, page.pk
    return Verdict(answered=best >= COVERAGE_TO_ANSWER, coverage=round(best, 3), best_page_id=best_id, weights=weights)
