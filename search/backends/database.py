"""The database backend: BM25 over Onramp's term index (the same on SQLite and PostgreSQL) finds and ranks
candidates, then a second pass adds what a bag of words misses: the question's words in the title, its
topics, and its words side by side in the title."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from django.db.models import Q, QuerySet

from wagtail.query import PageQuerySet

from onramp import page_generation
from onramp.stemming import stem
from search import term_index
from search.backends import PageMatch, ParsedQuery, bm25
from search.index_generation import INDEX
from search.normalise import normalise
from search.shown_pages import page_facts

CANDIDATES = 100
# Weights of the second pass; the first pass's rank is worth at most 1.
TITLE_WEIGHT = 2.0
TOPIC_WEIGHT = 0.3  # BM25 already weighs the topics field highly
PHRASE_WEIGHT = 0.5
# A glossary expansion or a spelling correction counts a little less than the words the asker typed.
EXPANSION_WEIGHT = 0.8


def word_forms(word: str) -> list[str]:
    """The word and its plural or singular, since the SQLite index does not stem."""
    forms = [word]
    if len(word) < 4 or not word.isalpha():
        return forms
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    elif word.endswith("y"):
        forms.append(word[:-1] + "ies")
    else:
        forms.append(word + "s")
    return forms


@lru_cache(maxsize=65536)
def title_words_of(text: str) -> tuple[str, ...]:
    """A candidate's title or topic name folded as a question is: the same few thousand on every question,
    so kept."""
    return tuple(normalise(text).split())


# Called for every title word against every question word of a hundred candidates on each question: the
# pairs repeat (titles share their words), so the answers are kept.
@lru_cache(maxsize=65536)
def same_word(text_word: str, wanted: str) -> bool:
    """The same word, the same stem, or the start of a longer word ("onboard" in "onboarded")."""
    return (
        text_word == wanted
        or stem(text_word) == stem(wanted)
        or (len(wanted) >= 4 and text_word[: len(wanted)] == wanted and len(text_word) - len(wanted) <= 3)
    )


def coverage(words: list[str], text_words: list[str], weights: dict[str, float] | None = None) -> float:
    """The share of the question's words the text has, each word weighing `weights[word]` (1 by default)."""
    weights = weights or {}
    total = sum(weights.get(w, 1.0) for w in words)
    if not total:
        return 0.0
    return sum(weights.get(w, 1.0) for w in words if any(same_word(t, w) for t in text_words)) / total


def adjacent_pairs(words: list[str], text_words: list[str], *, content: set[str] | None = None) -> float:
    """The share of the question's neighbouring word pairs that stand side by side in the text; with
    `content`, only the pairs with at least one of those words count ("on call" does, "do when" does not)."""
    pairs = [
        (first, second)
        for first, second in zip(words, words[1:], strict=False)
        if content is None or first in content or second in content
    ]
    if not pairs:
        return 0.0
    found = 0
    for first, second in pairs:
        if any(same_word(a, first) and same_word(b, second) for a, b in zip(text_words, text_words[1:], strict=False)):
            found += 1
    return found / len(pairs)


class DatabaseBackend:
    name = "database"

    def search_terms(self, query: ParsedQuery) -> str:
        return " ".join(dict.fromkeys(form for word in query.all_words for form in word_forms(word)))

    def query_terms(self, query: ParsedQuery) -> dict[str, float]:
        """Each stemmed term of the question with how much the asker meant it."""
        terms = dict.fromkeys(term_index.query_terms(query.all_words), EXPANSION_WEIGHT)
        terms.update(dict.fromkeys(term_index.query_terms(query.words), 1.0))
        return terms

    def first_pass(
        self,
        query: ParsedQuery,
        pages: PageQuerySet,
        *,
        known_idfs: dict[str, float] | None = None,
        known_counts: dict[str, int] | None = None,
    ) -> list[tuple[int, str, float]]:
        """The best candidates as (id, title, relevance from 0 to 1), ranked by BM25 over the term index;
        by Wagtail's own search while the term index is still empty (before `search_reindex` has run)."""
        ranked = bm25.ranked_pages(
            terms=self.query_terms(query),
            pages=pages,
            limit=CANDIDATES,
            known_idfs=known_idfs,
            known_counts=known_counts,
        )
        if ranked or term_index.collection().page_count:
            best = max((score for _, _, score in ranked), default=1.0) or 1.0
            return [(page_id, title, score / best) for page_id, title, score in ranked]
        found = list(
            pages.only("id", "title")
            .search(self.search_terms(query), operator="or")
            .annotate_score("_score")[:CANDIDATES]
        )
        best = max((page._score or 0 for page in found), default=1.0) or 1.0
        return [(page.pk, page.title, (page._score or 0) / best) for page in found]

    def match_pages(
        self,
        query: ParsedQuery,
        *,
        pages: PageQuerySet,
        limit: int = CANDIDATES,
        filters: dict | None = None,
        pages_key: str | None = None,
    ) -> list[PageMatch]:
        """`pages` is already narrowed to the filters and to what the asker may see. With `pages_key`, the
        matches are kept for the next asker who may see the same pages, until the wiki (titles, topics, what
        is live where: its generation) or the term index changes: Solr's query result cache does the same."""
        if not query.all_words:
            return []
        if pages_key is None:
            return self.rank(query, pages=pages, limit=limit)
        asked = repr((query.normalised, query.words, query.all_words, limit, pages_key))
        return page_generation.cached(
            f"search:matches:pages={page_generation.current()}:{hashlib.sha256(asked.encode()).hexdigest()}",
            lambda: self.rank(query, pages=pages, limit=limit),
            generation=INDEX,
        )

    def rank(self, query: ParsedQuery, *, pages: PageQuerySet, limit: int) -> list[PageMatch]:
        """BM25's candidates, ranked again by the second pass."""
        # A word few pages use says more than a common one, in the title and topics as in the body.
        stems = {word: stem(word) for word in query.all_words}
        terms = list(set(stems.values()))
        counts = term_index.page_counts(terms)
        known_idfs = bm25.idfs(terms, counts=counts)
        weights = {word: known_idfs[term] for word, term in stems.items()}
        found = self.first_pass(query, pages, known_idfs=known_idfs, known_counts=counts)
        if not found:
            return []
        facts = page_facts([row[0] for row in found])
        topic_words = {
            page_id: [word for _, name in fact.topics for word in title_words_of(name)]
            for page_id, fact in facts.items()
        }
        words = query.words
        expanded = query.all_words
        asked_words = query.normalised.split()  # stop words included, for phrases such as "on call"
        matches = []
        for page_id, title, relevance in found:
            title_words = list(title_words_of(title))
            score = (
                relevance
                + TITLE_WEIGHT
                * max(
                    coverage(words, title_words, weights),
                    EXPANSION_WEIGHT * coverage(expanded, title_words, weights),
                )
                + TOPIC_WEIGHT * coverage(expanded, topic_words.get(page_id, []), weights)
                + PHRASE_WEIGHT * adjacent_pairs(asked_words, title_words, content=set(words))
            )
            matches.append(PageMatch(page_id=page_id, score=round(score, 4)))
        matches.sort(key=lambda match: -match.score)
        return matches[:limit]

    def match_gaps(self, query: ParsedQuery, *, gaps: QuerySet, limit: int) -> list[int]:
        words = [word for word in query.all_words if len(word) >= 3][:8]
        if not words:
            return []
        condition = Q()
        for word in words:
            condition |= Q(title__icontains=word) | Q(description__icontains=word)
        rows = list(gaps.filter(condition).values_list("id", "title", "description")[:200])
        scored = []
        for gap_id, title, description in rows:
            title_words = normalise(title).split()
            score = 2 * coverage(words, title_words) + coverage(words, normalise(description).split())
            if score >= 0.5 or len(words) == 1:
                scored.append((-score, gap_id))
        return [gap_id for _, gap_id in sorted(scored)[:limit]]
