"""A run of bulk index updates (an import indexing its pages a chunk at a time): work an index would redo after
every chunk — computing again numbers derived from the whole collection — may wait until the run ends.

Apps below search (imports) start the run; search, above them, says what it defers: neither imports the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_deferred: ContextVar[dict[str, Callable[[], object]] | None] = ContextVar("bulk_indexing_deferred", default=None)


@contextmanager
def bulk_indexing() -> Iterator[None]:
    """Within the block, `defer_to_end` keeps each named piece of work, once; it runs when the block ends without
    an error (after one, the caller's transaction is rolled back, and the work with it). Nested blocks are one."""
    if _deferred.get() is not None:
        yield
        return
    deferred: dict[str, Callable[[], object]] = {}
    token = _deferred.set(deferred)
    try:
        yield
    finally:
        _deferred.reset(token)
    for work in deferred.values():
        work()


def defer_to_end(name: str, work: Callable[[], object]) -> bool:
    """Keeps `work` for the end of the current bulk run and returns True; returns False outside one (the caller
    does the work now)."""
    deferred = _deferred.get()
    if deferred is None:
        return False
    deferred[name] = work
    return True
