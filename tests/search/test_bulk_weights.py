"""An import indexes its pages a chunk at a time (imports.indexing.deferred_indexing): the term index's weights
are computed again once, at the end of the run, not after every chunk that moved the field-length averages, and
end up as a rebuild would leave them."""

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from imports import indexing
from imports.markdown_tree import import_markdown_tree
from imports.sources import DirectorySource
from onramp.bulk_indexing import bulk_indexing, defer_to_end
from search import posting_weights
from search.models import PageTerm
from tests.search.test_posting_weights import expected_weight

pytestmark = pytest.mark.django_db


def tree(root, count: int):
    for number in range(count):
        # Bodies of very different lengths: every chunk moves the body's average far past the drift allowed.
        body = "Post the invoice. " * (1 + 12 * number)
        (root / "finance" / f"note-{number}.md").parent.mkdir(parents=True, exist_ok=True)
        (root / "finance" / f"note-{number}.md").write_text(f"# Invoice note {number}\n\n{body}\n", encoding="utf-8")
    return DirectorySource(root)


def test_an_import_computes_the_weights_again_once_and_as_a_rebuild_would(tmp_path, monkeypatch):
    monkeypatch.setattr(indexing, "CHUNK", 2)  # seven pages (six notes and their folder): four chunks
    owner = get_user_model().objects.create_superuser("importer", "importer@example.com", "x")
    with CaptureQueriesContext(connection) as queries:
        import_markdown_tree(tree(tmp_path, 6), under=Site.objects.get(is_default_site=True).root_page, owner=owner)

    updates = [
        q["sql"] for q in queries.captured_queries if q["sql"].replace('"', "").startswith("UPDATE search_pageterm")
    ]
    assert len(updates) == 1, "every weight computed again once, at the end of the run"
    averages = posting_weights.true_averages()
    assert posting_weights.stored_averages() == averages
    postings = list(PageTerm.objects.all())
    assert len({posting.page_id for posting in postings}) == 7
    for posting in postings:
        assert posting.weight == pytest.approx(expected_weight(posting, averages), rel=1e-9)


def test_work_deferred_in_a_bulk_run_runs_once_at_its_end_and_not_after_an_error():
    done = []
    assert defer_to_end("count", lambda: done.append("outside")) is False
    with bulk_indexing():
        with bulk_indexing():  # nested runs are one
            assert defer_to_end("count", lambda: done.append(1))
        assert defer_to_end("count", lambda: done.append(2))  # the same work named again: kept once
        assert done == []
    assert done == [2]

    with pytest.raises(RuntimeError), bulk_indexing():
        defer_to_end("count", lambda: done.append(3))
        raise RuntimeError("the import failed")
    assert done == [2]
