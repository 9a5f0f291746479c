from search.highlight import highlight


def test_page_text_is_escaped_before_words_are_marked():
    html = highlight('Use <script>alert("x")</script> to post an invoice & more', ["invoice", "script"])
    assert "<script>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html
    assert "<mark>invoice</mark> &amp; more" in html


def test_the_snippet_is_the_part_with_the_most_matches():
    text = "Intro words. " * 40 + "Post the supplier invoice against the order." + " Closing words." * 40
    html = highlight(text, ["supplier", "invoice"], size=120)
    assert "<mark>supplier</mark> <mark>invoice</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")


def test_stems_and_non_latin_words_are_marked():
    assert "<mark>invoices</mark>" in highlight("All invoices are posted daily.", ["invoice"])
    assert "<mark>reimbursement</mark>" in highlight("Ask for reimbursement.", ["reimbursed"])
    assert "<mark>請求書</mark>" in highlight("請求書 の 処理", ["請求書"])


def test_a_sentence_s_sorted_words_match_as_its_text_does():
    """Found by bisection in the sorted words, the same words as by reading the text: whole words, the start of
    a longer word for four letters or more, never the middle or end of one."""
    from search.highlight import folded_words, wanted_forms, words_matched, words_matched_in

    text = "Invoices go to the AP team; reimbursement, pay-run and café receipts follow. Onboarding's fine."
    for asked in (
        ["invoice"],
        ["reimbursed", "café"],
        ["pay", "run", "ap"],
        ["voice", "bursement", "board"],
        ["onboard", "fine", "missing", "receipt"],
        ["zzz", "a"],
    ):
        wanted = wanted_forms(asked)
        assert words_matched_in(folded_words(text), wanted) == words_matched(text, wanted), asked
    assert words_matched_in(folded_words(text), wanted_forms(["voice", "bursement"])) == set()
    assert {"invoice", "pay"} <= words_matched_in(folded_words(text), wanted_forms(["invoice", "pay"]))
