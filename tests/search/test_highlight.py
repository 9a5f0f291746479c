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
