"""Onramp's one English stemmer (Snowball's English, also called Porter2), shared by every search path: the
term index both databases rank with, snippets, and "who knows X". Elasticsearch's `english` analyzer and
PostgreSQL's `english` configuration use the same algorithm, so a word has the same stem everywhere."""

from __future__ import annotations

import functools
import threading

import snowballstemmer

_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of one lower-case word: "reimbursed", "reimbursement" and "reimburse" are all "reimburs".
    Words with digits ("p2p", "2fa") are kept whole."""
    if not word.isalpha():
        return word
    return _stemmer().stemWord(word)
