"""The full-text expressions Ask builds for SQLite FTS5 and PostgreSQL: stems as prefixes, phrases, pairs
of words, and no way for typed syntax to reach the engine."""

from search.backends import fts5, postgres
from search.normalise import normalise, search_words


def test_stems_are_cut_from_common_english_endings():
    assert fts5.stem("reimbursement") == "reimburs"
    assert fts5.stem("invoices") == "invoic"
    assert fts5.stem("travelling") == "travel"
    assert fts5.stem("leave") == "leav"
    assert fts5.stem("reimbursed") == fts5.stem("reimburse") == "reimburs"
    assert fts5.stem("bus") == "bus"


def test_fts5_expression_uses_prefixes_and_quoted_phrases():
    assert fts5.match_expression(["invoices", "po"], ["purchase order"]) == '"invoic"* OR "po" OR "purchase order"'


def test_postgres_expression_pairs_words_for_long_questions():
    assert postgres.query_text(["approve", "expense"], [], at_least_two=True) == "(approve) | (expense)"
    assert postgres.query_text(["a1", "b2", "c3"], ["journal entry"], at_least_two=True) == (
        "(a1 & b2) | (a1 & c3) | (b2 & c3) | (journal <-> entry)"
    )
    assert postgres.query_text(["a1", "b2", "c3"], []) == "(a1) | (b2) | (c3)"


def test_typed_syntax_never_reaches_the_engines():
    words = search_words("\"invoice* OR title:(x) NEAR -y & z | !w <-> 'q'")
    assert all(word.replace("_", "").isalnum() for word in words)
    assert normalise("Where's the P2P guide?") == "where s the p2p guide"
    assert normalise("Café  RÉSUMÉ") == "cafe resume"
