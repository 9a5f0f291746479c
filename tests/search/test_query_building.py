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
