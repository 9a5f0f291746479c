"""Contracts with the Wagtail, modelsearch and treebeard internals onramp/wagtail_compat.py relies on. After an
upgrade a failure here names the internal that changed; the module's docstring says what to check."""

import inspect
import threading

import pytest
from bs4 import BeautifulSoup
from treebeard.exceptions import PathOverflow

from django.apps import apps
from django.db import connection, connections
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape

from modelsearch import signal_handlers as modelsearch_handlers
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.models import Page

from onramp.apps import SearchConfig
from onramp.wagtail_compat import (
    child_path,
    child_step,
    find_site,
    fts_table,
    index_entry_table,
    index_on_save,
    indexing_paused,
    mark_new_child,
    rich_text_cleaner,
    share_site_root_paths,
    use_page_permissions,
    use_request_site,
)
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.models import ArticlePage, ProcessPage

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FEATURES = ["bold", "italic", "h2", "link"]


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def receivers(signal, model) -> list:
    """The functions `signal` calls for `model` (Django keeps them in a private list)."""
    sync_receivers, async_receivers = signal._live_receivers(model)
    return [*sync_receivers, *async_receivers]


def found(model, words: str) -> list[int]:
    return [page.pk for page in model.objects.search(words)]


# The page tree


def test_treebeards_path_helpers_keep_their_signatures():
    for name, expected in [("_get_path", ["path", "depth", "newstep"]), ("_int2str", ["num"]), ("_str2int", ["num"])]:
        assert callable(getattr(Page, name, None)), f"treebeard's MP_Node.{name} is gone: see child_path"
        assert parameters(getattr(Page, name)) == expected, f"treebeard's MP_Node.{name} takes other arguments"
    assert Page.steplen == 4, "treebeard's MP_Node.steplen changed: paths already stored use 4"


def test_child_path_is_the_path_wagtail_gives_a_new_child(home):
    first = home.add_child(instance=Page(title="Finance", slug="finance"))
    second = home.add_child(instance=Page(title="People", slug="people"))
    expected = child_path(home, child_step(second.path) + 1)

    third = home.add_child(instance=Page(title="Travel", slug="travel"))

    message = "treebeard's add_child writes paths child_path does not (MP_Node._get_path / _int2str changed)"
    assert [child_step(page.path) for page in (first, second)] == [1, 2], message
    assert third.path == expected, message
    assert child_path(first, 1) == first.add_child(instance=Page(title="Payroll", slug="payroll")).path, message


def test_child_path_refuses_a_step_the_path_has_no_room_for(home):
    assert child_path(home, 36**4 - 1).endswith("ZZZZ")
    with pytest.raises(PathOverflow, match="has too many children"):
        child_path(home, 36**4)


def test_a_page_marked_as_new_child_asks_the_database_neither_its_parent_nor_whether_it_is_a_site_root(
    home, django_assert_num_queries
):
    page = Page.objects.get(pk=ArticlePageFactory(parent=home).pk)

    mark_new_child(page, home)

    with django_assert_num_queries(0):
        assert page.get_parent() is home, "treebeard's get_parent no longer reads _cached_parent_obj"
        assert page.is_site_root() is False, "Wagtail's Page.is_site_root no longer reads _is_site_root"


def test_pages_sharing_the_site_root_paths_give_their_urls_without_another_read(home, django_assert_num_queries):
    from django.core.cache import cache

    pages = [Page.objects.get(pk=ArticlePageFactory(parent=home).pk) for _ in range(3)]
    expected = [page.url for page in [Page.objects.get(pk=page.pk) for page in pages]]
    pages = [Page.objects.get(pk=page.pk) for page in pages]
    share_site_root_paths(pages)
    cache.clear()  # Wagtail's own copy of the root paths: read from the database again, were it asked for

    with django_assert_num_queries(0):
        urls = [page.url for page in pages]
    assert urls == expected, "Page.get_url_parts no longer reads _wagtail_cached_site_root_paths"


# The search index's tables


def test_the_index_tables_are_modelsearchs():
    config = get_app_config()
    assert isinstance(config, SearchConfig), "modelsearch's app config is no longer onramp.apps.SearchConfig"
    assert index_entry_table() == config.get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        existing = connection.introspection.table_names(cursor)
    assert index_entry_table() in existing, "modelsearch's IndexEntry table is not in the database"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only")
def test_the_fts5_table_wagtails_sqlite_search_reads_has_its_columns_and_rowids(home):
    page = ArticlePageFactory(parent=home, title="Reimbursing a quokka")
    fts, entries = fts_table(), index_entry_table()
    assert fts is not None, "modelsearch defines no SQLiteFTSIndexEntry model any more"
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({fts})")
        columns = [row[1] for row in cursor.fetchall()]
        # search/backends/indexed.py hands searches to modelsearch's SQLite backend, which matches these columns.
        assert columns == ["autocomplete", "body", "title"], f"modelsearch's FTS5 table has columns {columns}"
        cursor.execute(
            f"SELECT entry.object_id, entry.content_type_id FROM {fts} "  # noqa: S608 (table names from models)
            f"JOIN {entries} AS entry ON entry.id = {fts}.rowid WHERE {fts} MATCH %s",
            ['"quokka"'],
        )
        rows = cursor.fetchall()
    assert [object_id for object_id, _ in rows] == [str(page.pk)], "FTS5 rowids no longer match index entry ids"
    assert rows[0][1] == page.content_type_id


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tsvector columns exist on PostgreSQL only")
def test_the_index_entry_table_has_the_tsvector_columns_wagtails_postgres_search_reads(home):
    page = ArticlePageFactory(parent=home, title="Reimbursing a quokka")
    entries = index_entry_table()
    with connection.cursor() as cursor:
        cursor.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", [entries])
        types = dict(cursor.fetchall())
        cursor.execute(
            f"SELECT object_id, content_type_id FROM {entries} WHERE title @@ to_tsquery('quokka')"  # noqa: S608
        )
        rows = cursor.fetchall()
    for column, data_type in [("title", "tsvector"), ("body", "tsvector"), ("object_id", "character varying")]:
        assert types.get(column) == data_type, f"modelsearch's IndexEntry.{column} is {types.get(column)}"
    assert "content_type_id" in types, "modelsearch's IndexEntry has no content_type_id"
    assert rows == [(str(page.pk), page.content_type_id)]


# Pausing the search index


def test_modelsearchs_save_handler_keeps_its_name_and_signature():
    handler = getattr(modelsearch_handlers, "post_save_signal_handler", None)
    assert handler is not None, "modelsearch.signal_handlers.post_save_signal_handler is gone"
    assert parameters(handler) == ["instance", "kwargs"], "modelsearch's post_save_signal_handler takes other arguments"
    assert callable(getattr(modelsearch_handlers, "register_signal_handlers", None)), (
        "modelsearch.signal_handlers.register_signal_handlers is gone: how does modelsearch connect its handlers?"
    )


def test_every_indexed_model_saves_through_onramps_handler_and_deletes_through_modelsearchs():
    indexed = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    assert ArticlePage in indexed
    for model in indexed:
        on_save = receivers(post_save, model)
        assert index_on_save in on_save, f"{model.__name__}'s saves do not reach onramp's index_on_save"
        assert modelsearch_handlers.post_save_signal_handler not in on_save, (
            f"modelsearch connects its save handler for {model.__name__} after onramp replaced it"
        )
        assert modelsearch_handlers.post_delete_signal_handler in receivers(post_delete, model), (
            f"modelsearch no longer removes a deleted {model.__name__} from the index with post_delete_signal_handler"
        )
    assert apps.get_app_config("wagtailsearch") is get_app_config()


def test_saves_of_paused_models_are_not_indexed_until_the_pause_ends(home):
    page = ArticlePageFactory(parent=home, title="Travel")
    process = ProcessPageFactory(parent=home, title="Finance")

    with indexing_paused([ArticlePage]):
        page.title = "Quokka rules"
        page.save()
        process.title = "Quokka area"
        process.save()
        assert found(ArticlePage, "quokka") == []
        assert found(ProcessPage, "quokka") == [process.pk], "only the paused models' saves are skipped"

    page.save()
    assert found(ArticlePage, "quokka") == [page.pk]


def test_a_page_deleted_while_indexing_is_paused_leaves_the_index(home):
    page = ArticlePageFactory(parent=home, title="Quokka rules")
    assert found(ArticlePage, "quokka") == [page.pk]

    with indexing_paused([ArticlePage]):
        page.delete()

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {index_entry_table()} WHERE object_id = %s", [str(page.pk)])  # noqa: S608
        assert cursor.fetchone() == (0,)


def test_pausing_indexing_in_one_thread_leaves_another_threads_saves_indexed(home):
    """The threads share the test's connection, so they see its pages and its transaction still rolls back;
    what is under test is whose saves are indexed."""
    importing, edited = ArticlePageFactory(parent=home, title="Import"), ArticlePageFactory(parent=home, title="Edit")
    shared = connections["default"]
    paused, other_saved = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def import_pages():
        try:
            with indexing_paused([ArticlePage]):
                paused.set()
                assert other_saved.wait(timeout=60), "the other thread never saved"
                importing.title = "Quokka import"
                importing.save()
        finally:
            paused.set()

    def edit_a_page():
        try:
            assert paused.wait(timeout=60), "the importing thread never paused"
            edited.title = "Wombat edit"
            edited.save()
        finally:
            other_saved.set()

    def thread(work) -> threading.Thread:
        def run():
            connections["default"] = shared
            try:
                work()
            except BaseException as error:  # noqa: BLE001 - reported by the test
                errors.append(error)

        return threading.Thread(target=run)

    shared.inc_thread_sharing()
    try:
        threads = [thread(import_pages), thread(edit_a_page)]
        for each in threads:
            each.start()
        for each in threads:
            each.join()
    finally:
        shared.dec_thread_sharing()

    assert errors == []
    assert found(ArticlePage, "wombat") == [edited.pk], "a pause in one thread stopped another thread's indexing"
    assert found(ArticlePage, "quokka") == []


# Rich text


def test_cleaning_a_parsed_fragment_gives_what_wagtails_converter_stores():
    html = (
        '<p class="x" onclick="steal()">Read <a href="https://example.com" target="_blank">this</a>'
        '<span style="color: red">now</span></p><section><h2 id="y">Then</h2></section><!-- note -->'
    )
    whitelister = EditorHTMLConverter(features=FEATURES).whitelister
    assert parameters(whitelister.clean_node) == ["doc", "node"], "Wagtail's DbWhitelister.clean_node changed"
    fragment = BeautifulSoup(html, "html.parser")

    rich_text_cleaner(FEATURES)(fragment)

    expected = EditorHTMLConverter(features=FEATURES).to_database_format(html)
    assert fragment.decode(formatter=escape) == expected, (
        "cleaning in place no longer matches EditorHTMLConverter.to_database_format"
    )
    assert "onclick" not in expected and "<!--" not in expected


def test_an_editor_html_rule_keeps_its_element_through_wagtails_converter():
    features = [*FEATURES, "code"]

    kept = EditorHTMLConverter(features=features).to_database_format('<p>Run <code class="x">ZAP_INBOX</code></p>')

    assert "<code>ZAP_INBOX</code>" in kept, (
        "the rule editor_html_rule builds (Wagtail's WhitelistRule) no longer keeps its element"
    )


def test_the_pages_api_reads_every_page_through_the_name_onramp_points_at_its_rules():
    from django.urls import get_resolver

    from wagtail.api.v3 import querysets
    from wagtail.api.v3.routers import pages as pages_router

    from api.pages import readable_pages

    assert get_resolver().resolve("/api/v3/pages/")  # the URLs loaded, as on the first request
    assert pages_router.get_pages_queryset is readable_pages, "api/urls.py no longer points the router at it"
    reads = {
        name
        for name, view in vars(pages_router).items()
        if "get_pages_queryset" in getattr(getattr(inspect.unwrap(view), "__code__", None), "co_names", ())
    }
    # Every read of the pages API: listing, finding, one page, its revisions.
    expected = {"list_pages", "find_page", "get_page", "list_page_revisions", "get_page_revision"}
    assert expected <= reads, f"these no longer read pages through get_pages_queryset: {expected - reads}"
    assert callable(querysets.get_pages_queryset)


# Page permissions


def test_page_permissions_given_to_a_user_are_what_wagtails_page_checks_read(home, django_assert_num_queries):
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission

    from expertise.factories import UserFactory

    article = ArticlePageFactory(parent=ProcessPageFactory(parent=home, title="Order to cash"), title="Credit notes")
    publishers = Group.objects.create(name="Publishers")
    granted = GroupPagePermission.objects.create(group=publishers, page=article, permission_type="publish")
    outsider = UserFactory(username="olive.outside")  # in no group: only the permissions given to it say yes
    given = list(GroupPagePermission.objects.filter(pk=granted.pk).select_related("page", "permission"))

    use_page_permissions(outsider, lambda: given)
    with django_assert_num_queries(0):
        tester = article.permissions_for_user(outsider)
        assert tester.can_publish(), (
            "Wagtail's page permission checks no longer read the permissions kept on the user under the policy's "
            "permission_cache_name: see use_page_permissions"
        )


# The request's site


def test_the_site_given_to_a_request_is_what_wagtail_finds_for_it(rf, home):
    from wagtail.models import Site

    assert find_site("testserver", 80) == Site.objects.get(is_default_site=True)
    assert "get_site_for_hostname" in inspect.getsource(Site._find_for_request), (
        "Site._find_for_request no longer finds the site with get_site_for_hostname: see find_site"
    )
    request = rf.get("/", HTTP_HOST="intranet.example:8080", SERVER_PORT="8080")
    use_request_site(request, lambda hostname, port: f"the site for {hostname} on {port}")
    assert Site.find_for_request(request) == "the site for intranet.example on 8080", (
        "Site.find_for_request no longer reads the site kept on the request: see use_request_site"
    )
