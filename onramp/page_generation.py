"""The wiki's generation: a number in the cache that changes whenever a page is saved, published, unpublished,
moved or deleted, or a page's topics or a person's account or profile change. Caches of what pages show (the navigation
tree, an article's body, the topics of a process area) put it in their keys, so one change makes every such
entry stale at once, in every process that shares the cache (Redis in production), without finding the
entries to delete. Two more generations work the same way for caches that depend on more than the pages:
ACCESS, which view restrictions, group and page permissions and group membership move on, and PROBLEMS, which
the forums' gaps and revision tasks move on.

The number changes when the change is made and again when its transaction commits: a request that read the
old rows between the two cannot leave them cached under the new generation.

Each cached entry also expires on its own after `MAX_AGE` seconds, in case a change bypasses the signals
(a raw SQL update); after `LOCAL_MAX_AGE` seconds when the cache is each process's own memory (no REDIS_URL),
where a change made in one web process cannot reach the others' entries."""

from __future__ import annotations

import pickle
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "onramp:page-generation"
# Besides pages, what cached page parts show, by model label (this module imports no app): a page's topics and
# their names, and the people a "who to ask" block names (their names, whether they have left).
# The sites too: which site serves a host, and its home page.
SHOWN_WITH_PAGES = frozenset({"wiki.pagetopic", "expertise.topic", "expertise.profile", "wagtailcore.site"})
# Who may open or change which page, by model label: view restrictions, group and page permissions, and who
# is in which group (the many-to-many tables as well, whose changes send m2m_changed).
ACCESS_MODELS = frozenset(
    {
        "wagtailcore.pageviewrestriction",
        "wagtailcore.pageviewrestriction_groups",
        "wagtailcore.grouppagepermission",
        "auth.group",
        "auth.permission",
        "auth.group_permissions",
        "auth.user_groups",
        "auth.user_user_permissions",
    }
)
# What is open on a page (the known issue readers are told about): the forums' gaps and revision tasks.
PROBLEM_MODELS = frozenset({"forums.gap", "forums.revisiontask"})
MAX_AGE = 3600
LOCAL_MAX_AGE = 30
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


# The generations already read in a block that reads each once (`read_once`), by key.
_read: ContextVar[dict[str, str] | None] = ContextVar("onramp_generations_read", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block (a page request: wiki.sites.serve), each generation is read from the cache once and then
    kept, unless bumped in the block: a page view asks for them a dozen times, each a round trip to Redis, and
    its parts then agree on one generation."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


# Every generation made, wherever it is defined (tests start each of them anew).
GENERATIONS: list[Generation] = []


@dataclass(frozen=True)
class Generation:
    """A value in the cache that changes on `bump()`: entries keyed on `current()` all go stale at once. Made
    new when the cache holds none (first use, or evicted)."""

    key: str

    def __post_init__(self) -> None:
        GENERATIONS.append(self)

    def current(self) -> str:
        read = _read.get()
        if read is not None and self.key in read:
            return read[self.key]
        generation = cache.get(self.key)
        if generation is None:
            generation = uuid.uuid4().hex
            # add, not set: two processes starting at once agree on the first value stored.
            if not cache.add(self.key, generation, None):
                generation = cache.get(self.key) or generation
        if read is not None:
            read[self.key] = generation
        return generation

    def bump(self) -> None:
        """Makes every entry keyed on the generation stale, now and once the current transaction commits."""
        self._renew()
        transaction.on_commit(self._renew)

    def _renew(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, None)
        read = _read.get()
        if read is not None:
            read.pop(self.key, None)


PAGES = Generation(KEY)
current = PAGES.current
bump = PAGES.bump
# Caches of who may open or do what (per reader or per page) put ACCESS's value in their names besides the
# pages' generation, and caches of a page's open problems PROBLEMS's.
ACCESS = Generation("onramp:access-generation")
PROBLEMS = Generation("onramp:page-problems-generation")


def lifetime(seconds: int) -> int:
    """How long an entry may live: `seconds`, or LOCAL_MAX_AGE at most in a cache no other process shares."""
    return min(seconds, LOCAL_MAX_AGE) if isinstance(caches["default"], LocMemCache) else seconds


def cached(name: str, compute: Callable[[], T], *, timeout: int = MAX_AGE, generation: Generation = PAGES) -> T:
    """`compute()`, stored under `name` for the current generation (the pages', unless another is named).
    `name` must say everything the value depends on besides (who may see what, the language)."""
    key = f"onramp:pages:{generation.current()}:{name}"
    value = _kept(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, lifetime(timeout))
    _keep(key, value, lifetime(timeout))
    return value


# Entries of a shared cache (Redis) this process has read, kept in its memory too: a key names the generations
# its value was made under, so the value stays right for as long as those are current (the generations
# themselves are read from the shared cache, once a page request: `read_once`), and a page view reads a score
# of entries, each a round trip. Kept pickled, so that each caller gets a copy of its own; LOCAL_ENTRIES at
# most, the least recently read out first, each for its lifetime at most.
LOCAL_ENTRIES = 2000
_local: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
_local_lock = threading.Lock()


def _kept(key: str):
    with _local_lock:
        kept = _local.get(key)
        if kept is None:
            return None
        if kept[0] < time.monotonic():
            del _local[key]
            return None
        _local.move_to_end(key)
    return pickle.loads(kept[1])  # noqa: S301 (this process's own pickle of a value it cached)


def _keep(key: str, value, seconds: int) -> None:
    if isinstance(caches["default"], LocMemCache):
        return  # the cache is this process's memory already
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    with _local_lock:
        _local[key] = (time.monotonic() + seconds, data)
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


class Kept(Generic[K, V]):
    """Values of this process's memory by (generations, key), at most `size`, the least recently read out first,
    each for `lifetime(MAX_AGE)` seconds at most (in case a change bypasses the signals), shared by the
    process's threads. For values read by the dozen a request (pages shown, term counts), each too small for a
    round trip to the shared cache to pay; the generations in the keys, read from the shared cache, still make
    every process's entries stale at once. Values are shared, not copied: callers must not change them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[str, K], tuple[float, V]] = OrderedDict()
        self.lock = threading.Lock()

    def get_many(self, generations: str, keys: list[K]) -> dict[K, V]:
        oldest = time.monotonic() - lifetime(MAX_AGE)
        found = {}
        with self.lock:
            for key in keys:
                entry = self.entries.get((generations, key))
                if entry is not None and entry[0] >= oldest:
                    self.entries.move_to_end((generations, key))
                    found[key] = entry[1]
        return found

    def set_many(self, generations: str, values: dict[K, V]) -> None:
        now = time.monotonic()
        with self.lock:
            for key, value in values.items():
                self.entries[(generations, key)] = (now, value)
                self.entries.move_to_end((generations, key))
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def get_or_load(self, generations: str, keys: list[K], load: Callable[[list[K]], dict[K, V]]) -> dict[K, V]:
        """The kept values of `keys`, and `load(missing)`'s for the others (kept from then on); a key `load`
        leaves out is left out."""
        found = self.get_many(generations, keys)
        missing = [key for key in keys if key not in found]
        if missing:
            loaded = load(missing)
            self.set_many(generations, loaded)
            found.update(loaded)
        return found

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


@receiver(post_save)
@receiver(post_delete)
def page_saved_or_deleted(sender, instance, update_fields=None, **kwargs) -> None:
    label = _label_of(sender)
    if isinstance(instance, Page) or label in SHOWN_WITH_PAGES or _person_changed(label, update_fields):
        bump()
    if label in ACCESS_MODELS:
        ACCESS.bump()
    if label in PROBLEM_MODELS:
        PROBLEMS.bump()


@receiver(m2m_changed)
def members_or_permissions_changed(sender, action, **kwargs) -> None:
    if action.startswith("post_") and _label_of(sender) in ACCESS_MODELS:
        ACCESS.bump()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs) -> None:
    bump()


def _person_changed(label: str, update_fields) -> bool:
    """A person's account changed (their name, whether they left: what an owner card shows), other than the
    sign-in time each sign-in writes."""
    return label == settings.AUTH_USER_MODEL.lower() and set(update_fields or ["any"]) != {"last_login"}


def _label_of(model) -> str:
    meta = getattr(model, "_meta", None)
    return meta.label_lower if meta is not None else ""
