"""The terms Ask looks up: the question's words stemmed as the pages were, and no way for typed syntax to
reach the database."""

from search import term_index
from search.normalise import normalise, search_words


def test_question_words_become_the_stems_the_pages_were_indexed_with():
    assert term_index.query_terms(["reimbursement", "invoices", "travelling", "reimbursed"]) == [
        "reimburs",
        "invoic",
        "travel",
    ]
    assert term_index.query_terms(["p2p", "bus"]) == ["p2p", "bus"]
    assert term_index.terms_of("Reimbursing the travel invoices") == ["reimburs", "travel", "invoic"]


def test_typed_syntax_never_reaches_the_engines():
    words = search_words("\"invoice* OR title:(x) NEAR -y & z | !w <-> 'q'")
    assert all(word.replace("_", "").isalnum() for word in words)
    assert normalise("Where's the P2P guide?") == "where s the p2p guide"
    assert normalise("Café  RÉSUMÉ") == "cafe resume"


def test_question_phrasing_is_searched_for_only_when_nothing_else_is_asked():
    assert search_words("How much vacation do I get?") == ["vacation"]
    assert search_words("I want something to help with my invoices") == ["invoices"]
    assert search_words("what should I talk about in our weekly one on one") == ["talk", "weekly", "one"]
    assert search_words("can you help") == ["help"]
    assert search_words("how do I") == ["how", "do", "i"]
