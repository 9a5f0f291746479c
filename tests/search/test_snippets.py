"""Snippets are clean sentences of the page's body: no block labels ("Section", "Tip"), headings or step
screens glued to the sentence after them, the sentences that carry the question's words, marked safely."""

import pytest

from django.urls import reverse

from search.highlight import sentence_snippet
from wiki.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def snippet_of(client, text: str) -> str:
    html = client.get(reverse("search:ask"), {"q": text}).content.decode()
    start = html.index('class="ask-hit__snippet">') + len('class="ask-hit__snippet">')
    return html[start : html.index("</p>", start)]


@pytest.fixture
def faq(home):
    return ArticlePageFactory(
        title="Expense claims: frequently asked questions",
        summary="Answers to what people ask about expense claims.",
        parent=home,
        kind="faq",
        body=[
            ("heading", {"text": "Receipts", "level": "h2"}),
            ("heading", {"text": "I lost a receipt, can I still claim?", "level": "h3"}),
            ("text", "<p>Yes. Fill in the missing receipt declaration and attach it to the claim.</p>"),
            ("callout", {"kind": "tip", "text": "<p>Photograph receipts the day you get them.</p>"}),
            (
                "steps",
                {
                    "title": "Submit the claim",
                    "steps": [
                        {"text": "<p>Open the claim form.</p>", "screen": "ZEXP_CLAIM"},
                        {"text": "<p>Attach the missing receipt declaration.</p>", "screen": "ZEXP_ATTACH"},
                    ],
                },
            ),
            ("text", "<ul><li>Mileage is paid monthly</li><li>Per diems are paid with salary</li></ul>"),
        ],
    )


def test_the_snippet_is_the_body_sentence_with_the_words_and_no_labels(signed_in, faq):
    snippet = snippet_of(signed_in, "lost receipt declaration")
    assert "Fill in the missing <mark>receipt</mark> <mark>declaration</mark> and attach it to the claim." in snippet
    for label in ("Section", "Sub-section", "Receipts Section", "Tip", "ZEXP_", "I lost a receipt"):
        assert label not in snippet


def test_list_items_and_steps_are_sentences_of_their_own(signed_in, faq):
    snippet = snippet_of(signed_in, "mileage paid")
    assert snippet == "<mark>Mileage</mark> is <mark>paid</mark> monthly … Per diems are <mark>paid</mark> with salary"
    assert "Submit the claim" not in snippet_of(signed_in, "open claim form")


def test_a_page_without_a_matching_sentence_shows_its_summary(signed_in, faq):
    snippet = snippet_of(signed_in, "frequently asked questions")
    assert snippet.startswith("Answers to what people ask about expense claims.")


def test_snippets_are_escaped_before_words_are_marked():
    html = sentence_snippet(['Type <script>alert("x")</script> in the invoice field.'], ["invoice"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>invoice</mark>" in html


def test_two_short_sentences_apart_are_joined_with_an_ellipsis():
    sentences = ["Post the invoice.", "Nothing here.", "Then pay the vendor.", "Unrelated words."]
    html = sentence_snippet(sentences, ["invoice", "vendor"])
    assert html == "Post the <mark>invoice</mark>. … Then pay the <mark>vendor</mark>."
