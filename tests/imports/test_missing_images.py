"""An image the import could not find: the page shows a short note in italics naming it, and summaries (the
home page's "Recently updated", the page's lead) leave it out; never the raw "[Image not found: …]"."""

import pytest

from imports.markdown import image_fallback, readable_text
from imports.markdown_tree import import_markdown_tree
from imports.sources import DirectorySource
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db

APPROVE = """# Approve an invoice

![screen](screen.png)

Open the approval inbox and pick the oldest invoice first.

![](shots/step-two.png)
"""


@pytest.fixture
def imported(tmp_path, home, editor):
    root = tmp_path / "handbook"
    (root / "payables").mkdir(parents=True)
    (root / "payables/approve.md").write_text(APPROVE, encoding="utf-8")
    report = import_markdown_tree(DirectorySource(root), under=home, owner=editor)
    assert ("payables/approve.md", "screen.png") in report.missing_images
    return ArticlePage.objects.get(slug="approve")


def test_the_page_shows_a_note_where_the_image_was(imported, signed_in):
    html = signed_in.get(imported.url).content.decode()
    assert "<p><em>Image missing: screen</em></p>" in html
    # An image without a description is named by its file.
    assert "<p><em>Image missing: step-two.png</em></p>" in html
    assert "[Image not found" not in html
    assert '<p class="lead">Open the approval inbox' in html


def test_summaries_leave_the_note_out(imported, signed_in, home):
    assert imported.summary == "Open the approval inbox and pick the oldest invoice first."
    html = signed_in.get(home.url).content.decode()
    assert "<p>Open the approval inbox and pick the oldest invoice first.</p>" in html
    assert "Image missing" not in html and "Image not found" not in html


def test_the_note_escapes_what_it_names_and_has_words_without_a_name():
    assert image_fallback("a.png", "<b>x</b>") == "<p><em>Image missing: &lt;b&gt;x&lt;/b&gt;</em></p>"
    assert image_fallback("", "") == "<p><em>An image is missing here.</em></p>"
    notes = image_fallback("a.png", "screen") + image_fallback("", "")
    assert readable_text(notes + "<p>Fish &amp; chips</p>") == "Fish & chips"
    # Only a paragraph that is just the note is left out.
    assert readable_text("<p>See <em>Image missing: the form</em> below.</p>") == "See Image missing: the form below."
