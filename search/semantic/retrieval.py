"""Dense retrieval: the pages whose sections lie closest to the question, by cosine similarity.

Every stored section vector is held in one matrix per process, read again only when the stored vectors
change (`stamp()`); a question costs one embedding (a few milliseconds) and one matrix product. A page
scores its best section. Only pages in `pages` — the queryset Ask has already narrowed to what the asker
may see and to the filters — are returned: the matrix may hold any page, the answer never does."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

import numpy as np

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max

from wagtail.query import PageQuerySet

from onramp import page_generation
from search.models import PageSection
from search.semantic import model

# Below this cosine a page is no nearer the question than unrelated text usually is (all-MiniLM-L6-v2 puts
# unrelated English sentences around 0 to 0.2, paraphrases above 0.5).
MIN_SIMILARITY = 0.35
# The nearest pages looked at before keeping the ones the asker may see.
CANDIDATES = 200
ROWS = 4000
STAMP_KEY = "search:section-vectors:stamp"
QUESTION_VECTOR_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class SectionMatrix:
    stamp: tuple
    page_ids: np.ndarray  # one per row
    vectors: np.ndarray  # rows of length 1


_lock = threading.Lock()
_matrix: SectionMatrix | None = None


def stamp() -> tuple:
    """Changes whenever a section vector is added, replaced or removed: an aggregate query, kept in the cache
    until `vectors_changed` (in a cache of each process's own, where another process's change cannot reach,
    for at most LOCAL_MAX_AGE seconds)."""
    found = cache.get(STAMP_KEY)
    if found is None:
        rows = PageSection.objects.aggregate(rows=Count("pk"), last_id=Max("pk"), last_at=Max("embedded_at"))
        found = (rows["rows"], rows["last_id"], rows["last_at"])
        cache.set(STAMP_KEY, found, page_generation.lifetime(page_generation.MAX_AGE))
    return found


def vectors_changed() -> None:
    """Called wherever section vectors are written or deleted (search.semantic.store): the next question reads
    the stamp again, and again once the change is committed."""
    cache.delete(STAMP_KEY)
    transaction.on_commit(lambda: cache.delete(STAMP_KEY))


def section_matrix() -> SectionMatrix:
    global _matrix
    current = stamp()
    with _lock:
        if _matrix is not None and _matrix.stamp == current:
            return _matrix
    rows = list(PageSection.objects.order_by("pk").values_list("page_id", "vector"))
    page_ids = np.array([page_id for page_id, _ in rows], dtype=np.int64)
    vectors = (
        np.frombuffer(b"".join(bytes(vector) for _, vector in rows), dtype=np.float32).reshape(len(rows), -1)
        if rows
        else np.zeros((0, model.DIMENSIONS), dtype=np.float32)
    )
    with _lock:
        _matrix = SectionMatrix(stamp=current, page_ids=page_ids, vectors=vectors)
    return _matrix


def question_vector(text: str) -> np.ndarray:
    """The question's vector, kept in the cache by model and text: the same question asked again (new hires
    ask the same ones) costs no embedding."""
    stored = cache.get(question_key(text))
    if stored is not None:
        return np.frombuffer(stored, dtype=np.float32)
    vector = model.embed([text])[0]
    cache.set(question_key(text), vector.tobytes(), QUESTION_VECTOR_SECONDS)
    return vector


def question_key(text: str) -> str:
    return "search:question-vector:" + hashlib.sha256(f"{model.package_name()}\n{text}".encode()).hexdigest()


def nearest_pages(text: str, *, pages: PageQuerySet, limit: int) -> list[tuple[int, float]]:
    """(page id, cosine of its nearest section) for the pages of `pages` nearest `text`, best first, at most
    `limit`, none below MIN_SIMILARITY."""
    matrix = section_matrix()
    if not len(matrix.page_ids):
        return []
    similarities = matrix.vectors @ question_vector(text)
    # The nearest rows only: a page's sections are at most MAX_SECTIONS rows, so this many hold the nearest
    # CANDIDATES pages in any ordinary wiki.
    nearest = min(len(similarities), ROWS)
    rows = np.argpartition(-similarities, nearest - 1)[:nearest]
    rows = rows[np.argsort(-similarities[rows])]
    rows = rows[similarities[rows] >= MIN_SIMILARITY]
    page_ids = matrix.page_ids[rows]
    # Each page's first (nearest) row, in order of nearness.
    _, first = np.unique(page_ids, return_index=True)
    best = {int(page_ids[i]): float(similarities[rows[i]]) for i in np.sort(first)[:CANDIDATES]}
    if not best:
        return []
    allowed = set(pages.filter(pk__in=list(best)).values_list("pk", flat=True))
    return [(page_id, similarity) for page_id, similarity in best.items() if page_id in allowed][:limit]
