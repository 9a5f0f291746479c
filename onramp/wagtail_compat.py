"""The one place Onramp relies on Wagtail's, modelsearch's and django-treebeard's private internals.

Written against Wagtail 8.0.1, modelsearch 1.3.2 and django-treebeard 5.3.1. Callers use the public functions
below, never the internals themselves. tests/onramp/test_wagtail_compat.py checks every assumption listed here
and its failure message names the internal that changed: after an upgrade, run it first.

- treebeard `MP_Node._get_path(path, depth, newstep)`, `_int2str(num)`, `_str2int(text)` and `steplen`
  (`child_path`, `child_step`): a page's path is its parent's path plus its position among its siblings,
  written in base 36 on `steplen` characters. Check that `add_child` still gives the path `child_path` gives.
- treebeard's `_cached_parent_obj` and Wagtail's `Page._is_site_root` (`mark_new_child`): `get_parent()`
  returns the cached parent and `is_site_root()` the flag, so saving a page just added asks the database
  neither. Check `MP_Node.get_parent` and `Page.is_site_root` still read them.
- modelsearch's `IndexEntry` and `SQLiteFTSIndexEntry` models, found through `modelsearch.conf.get_app_config()`
  (Wagtail defines them in wagtail.search) (`index_entry_table`, `fts_table`): Wagtail's own search reads
  them (search/backends/indexed.py picks modelsearch's SQLite FTS5 backend when the FTS5 table exists; Ask
  ranks with Onramp's term index instead, search/term_index.py), and the tests read them to see what was
  indexed. Check the columns `object_id`, `content_type_id`, `title`, `body` (tsvectors on PostgreSQL), and
  on SQLite the FTS5 table's `title` and `body` with the entry's id as its rowid.
- modelsearch's `signal_handlers.post_save_signal_handler`, connected for each indexed model by
  `register_signal_handlers()` from the app config's `ready()` (`replace_index_signal_handlers`,
  `indexing_paused`): Onramp swaps it for `index_on_save`, which skips the saves a thread has paused and
  hands every other save to modelsearch's handler. Check the handler's name and signature and that it is
  still connected in `ready()` with `post_save.connect(handler, sender=model)`.
- Wagtail's `EditorHTMLConverter(features).whitelister`, a `DbWhitelister` whose `clean_node(doc, node)`
  cleans a parsed fragment in place (`rich_text_cleaner`). Check it still exists and cleans as
  `to_database_format` does.
- Wagtail's `WhitelistRule(element, handler)` in `wagtail.admin.rich_text.converters.editor_html`
  (`editor_html_rule`): the rule that lets the editor-HTML converter keep an element. Check it is still the
  rule type `features.register_converter_rule("editorhtml", ...)` expects.
- Wagtail API v3's pages router reads every page through the module-level name `get_pages_queryset` it imports
  from `wagtail.api.v3.querysets` (`read_pages_api_through`): Onramp points that name at its own rules, as
  Wagtail 8 offers no setting or hook for it. Check the router's views still call it by that name.
- Wagtail's page permission policy keeps a person's group page permissions on the user object, under the
  attribute its `permission_cache_name` names, and reads them from there (`get_cached_permissions_for_user`)
  for every page permission check in the request (`use_page_permissions`): Onramp puts them there from its
  own cache. Check `PagePermissionTester` and the policy still read the attribute and only iterate over it.
- Wagtail's `Site.find_for_request` keeps the site it found on the request as `request._wagtail_site` and
  finds it with `wagtail.models.sites.get_site_for_hostname(hostname, port)` from the request's raw host
  (Django's `request._get_raw_host()`, unchecked against ALLOWED_HOSTS) and port (`use_request_site`,
  `find_site`): Onramp finds it in its cache for page requests. Check `find_for_request` still reads the
  attribute and `Site._find_for_request` still calls `get_site_for_hostname`, raising `Site.DoesNotExist`
  when no site matches.
- Wagtail's `Page._get_site_root_paths(cache_object)` keeps `Site.get_site_root_paths()` on the page as
  `_wagtail_cached_site_root_paths` when no cache object is given, and `page.url` reads it from there
  (`share_site_root_paths`): Onramp gives the pages it loads together one copy. Check `get_url_parts` still
  reaches `_get_site_root_paths` and that it still reads the attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from bs4 import BeautifulSoup
from treebeard.exceptions import PathOverflow

from django.db.models import Model
from django.db.models.signals import post_save
from django.http import HttpRequest
from django.http.request import split_domain_port

from modelsearch import index
from modelsearch.conf import get_app_config
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter, WhitelistRule
from wagtail.api.v3.routers import pages as pages_router
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.permissions import page_permission_policy

__all__ = [
    "PathOverflow",
    "child_path",
    "child_step",
    "editor_html_rule",
    "find_site",
    "fts_table",
    "index_entry_table",
    "index_on_save",
    "indexing_paused",
    "mark_new_child",
    "read_pages_api_through",
    "replace_index_signal_handlers",
    "rich_text_cleaner",
    "use_page_permissions",
    "use_request_site",
]


# The page tree


def child_step(path: str) -> int:
    """The position among its siblings (1 for the first) of the page at `path`."""
    return Page._str2int(path[-Page.steplen :])


def child_path(parent: Page, step: int) -> str:
    """The path of `parent`'s child at position `step`, as Wagtail's `add_child` would write it."""
    if len(Page._int2str(step)) > Page.steplen:
        raise PathOverflow(f"The page “{parent.title}” has too many children to add another.")
    return Page._get_path(parent.path, parent.depth + 1, step)


def mark_new_child(page: Page, parent: Page) -> None:
    """Tells `page`, being added under `parent`, who its parent is and that it is no site's root: what Wagtail
    would otherwise ask the database on each save."""
    page._cached_parent_obj = parent
    page._is_site_root = False


# The search index's tables


def index_entry_table() -> str:
    """The table of modelsearch's index entries (one per indexed object; tsvector columns on PostgreSQL)."""
    return get_app_config().get_model("IndexEntry")._meta.db_table


def fts_table() -> str | None:
    """The SQLite FTS5 table beside the index entries, or None when modelsearch defines none (it only does when
    SQLite has FTS5)."""
    try:
        return get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
    except LookupError:
        return None


# Pausing the search index per save

# Models whose saves are not indexed in the current thread (or task): a context variable, so pausing in one
# request or import never stops another thread's saves from being indexed.
paused_models: ContextVar[frozenset[type[Model]]] = ContextVar("paused_models", default=frozenset())


@contextmanager
def indexing_paused(models: Iterable[type[Model]]) -> Iterator[None]:
    """Saves of `models` in this thread are not added to the search index within the block (the caller indexes
    them afterwards, in bulk). Deletions still leave the index at once: nothing would remove them later."""
    token = paused_models.set(paused_models.get() | frozenset(models))
    try:
        yield
    finally:
        paused_models.reset(token)


def index_on_save(sender: type[Model], instance: Model, **kwargs) -> None:
    """modelsearch's save handler, skipped for the models paused in this context."""
    if sender in paused_models.get():
        return
    post_save_signal_handler(instance, sender=sender, **kwargs)


def replace_index_signal_handlers() -> None:
    """Puts `index_on_save` in place of modelsearch's save handler wherever modelsearch connected it. Run once,
    after modelsearch's app config is ready (onramp.apps.SearchConfig)."""
    for model in index.get_indexed_models():
        if post_save.disconnect(post_save_signal_handler, sender=model):
            post_save.connect(index_on_save, sender=model)


# Rich text


def rich_text_cleaner(features: list[str]) -> Callable[[BeautifulSoup], None]:
    """A function that cleans a parsed fragment in place, keeping only the HTML the rich text editor with
    `features` may store (as `to_database_format`, without printing and parsing the HTML again)."""
    whitelister = EditorHTMLConverter(features=features).whitelister

    def clean(fragment: BeautifulSoup) -> None:
        whitelister.clean_node(fragment, fragment)

    return clean


def editor_html_rule(element: str, handler: Callable) -> WhitelistRule:
    """The editor-HTML converter rule that keeps `element`, cleaning its attributes with `handler`."""
    return WhitelistRule(element, handler)


# Wagtail's pages API


def read_pages_api_through(queryset: Callable) -> None:
    """Wagtail API v3's pages router reads pages through `queryset(request, model=Page)` from now on."""
    if not callable(getattr(pages_router, "get_pages_queryset", None)):
        raise ImportError(
            "wagtail.api.v3.routers.pages no longer reads pages through get_pages_queryset: apply Onramp's page "
            "visibility to the pages API another way (onramp/wagtail_compat.py, api/pages.py)."
        )
    pages_router.get_pages_queryset = queryset


# Page permissions


def use_page_permissions(user, load: Callable[[], list[GroupPagePermission]]) -> None:
    """The page permission checks made for `user` from now on (on this user object: one request) read the
    group page permissions `load()` returns, what Wagtail's `page_permission_policy.get_all_permissions_for_user`
    would read for them, instead of reading them from the database."""
    name = page_permission_policy.permission_cache_name
    if not hasattr(user, name):
        setattr(user, name, load())


# The request's site


def find_site(hostname: str, port: int) -> Site | None:
    """The site Wagtail serves a request for `hostname` and `port` from, or None (no site, no default)."""
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def use_request_site(request: HttpRequest, find: Callable[[str, int], Site | None]) -> None:
    """`Site.find_for_request(request)` is `find(hostname, port)` for this request, by the host and port Wagtail
    reads (the raw host: Django checks it against ALLOWED_HOSTS elsewhere)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = find(hostname, request.get_port())


# Page URLs


def share_site_root_paths(pages: Iterable[Page]) -> None:
    """`page.url` of each of `pages` reads the sites' root paths read once for them all, as Wagtail does for the
    pages of one request, rather than each page from the cache (a round trip to Redis a page)."""
    roots = Site.get_site_root_paths()
    for page in pages:
        page._wagtail_cached_site_root_paths = roots
