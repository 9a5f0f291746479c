"""The demo's process wiki is Markdown (onramp/demo/content/handbook/) read by Onramp's importer, with the
handbook's own lines for the blocks Markdown has no syntax for."""

import pytest

from onramp.demo.content.pages import PAGES
from onramp.demo.handbook import read_handbook
from wiki.models import ArticlePage, ProcessPage

pytestmark = pytest.mark.django_db


def test_every_file_of_the_handbook_is_a_page_of_the_demo():
    documents = read_handbook()
    assert set(documents) == set(PAGES)
    assert ProcessPage.objects.filter(slug__in=list(PAGES)).count() + ArticlePage.objects.filter(
        slug__in=list(PAGES)
    ).count() == len(PAGES)


def test_an_article_has_its_front_matter_owners_and_the_blocks_markdown_has_no_syntax_for():
    article = ArticlePage.objects.get(slug="review-and-clear-gr-ir")
    assert article.title == "Review and clear the GR/IR account"
    assert article.summary.startswith("The monthly GR/IR review in ZGRIR_MON")
    assert article.page_owner.username == "yusuf.demir" and article.kind == "procedure"
    assert {topic.name for topic in article.topics.all()} == {"GR/IR clearing", "Three-way match", "Goods receipt"}
    blocks = {block.block_type: block.value for block in reversed(list(article.body))}  # the first of each type
    assert "<code>211500</code>" in blocks["text"].source
    assert blocks["heading"]["text"] == "Run the monitor"
    assert [step["screen"] for step in blocks["steps"]["steps"]] == ["ZGRIR_MON", "ZGRIR_MON", "ZGRIR_MON"]
    assert "<strong>G1</strong>" in blocks["steps"]["steps"][2]["text"].source
    assert blocks["table"]["caption"] == "Who may clear with MR11"
    assert blocks["callout"]["kind"] == "customisation"
    assert [topic.name for topic in blocks["who_to_ask"]["topics"]] == ["GR/IR clearing", "Goods receipt"]
    assert blocks["who_to_ask"]["note"] == "for old GR/IR lines nobody owns"


def test_a_process_takes_its_title_topics_and_summary_from_its_index_file():
    close = ProcessPage.objects.get(slug="month-end-close")
    assert close.title == "Month-end close" and close.process_owner.username == "helen.brooks"
    assert "the <strong>ZCLOSE_CKL</strong> checklist" in close.summary
    assert {topic.name for topic in close.topics.all()} == {"Month-end close", "Close checklist", "Accruals"}
    assert ArticlePage.objects.get(slug="use-the-close-checklist").title == "Use the close checklist (ZCLOSE_CKL)"
    titled = ArticlePage.objects.get(slug="create-a-purchase-order").body
    assert [block.value["title"] for block in titled if block.block_type == "steps"][0] == "Create the PO"
