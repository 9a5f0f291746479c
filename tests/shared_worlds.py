"""A test module's "world" (its people, pages, onboardings…) built once and shared by its tests.

`built_once`, for a module- (or class-) scoped fixture, builds it inside a transaction that stays open while the
module's tests run and is rolled back after the last one; each test runs in a savepoint of its own
(pytest-django's `db`), so what one test writes is undone before the next and no other module ever sees the
world. Between the build and the rollback the database stays blocked, so a test that did not ask for `db`
cannot write into the shared transaction. A module where some test does not ask for the world shares nothing
(the fixture gives None), so that test never finds rows it did not ask for: each test there builds its own. Nor
does one with a test that commits (`transactional_db`, a live server) or changes `settings`, which could change
what the build would have made.

The objects the build returned belong to no test: a test gets them from `for_this_test`, read again from the
database, so what one test sets on a Python object (a title, a cached permission or profile) never reaches the
next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models, transaction

T = TypeVar("T")


def built_once(request, django_db_blocker, build: Callable[[], dict[str, Any]]) -> Iterator[dict[str, Any] | None]:
    """For a module- or class-scoped fixture to `yield from`: the objects `build()` made, kept until the last
    test of the module (or class) is over and then rolled back; None if one of its tests does not ask for them."""
    if not every_test_asks_for(request):
        yield None
        return
    yield from rolled_back_after(django_db_blocker, build)


def rolled_back_after(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """What `build()` made, in a transaction left open while the caller's tests run (each in a savepoint of
    its own) and rolled back once they are over."""
    with django_db_blocker.unblock():
        shared = transaction.atomic()
        shared.__enter__()
        try:
            world = build()
        except BaseException as error:
            shared.__exit__(type(error), error, error.__traceback__)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            shared.__exit__(None, None, None)
        cache.clear()  # nothing cached from the world outlives it


def every_test_asks_for(request) -> bool:
    """Whether each test collected in the fixture's module (or class) asks for it, directly or through another,
    and none commits or changes settings."""
    scope = request.node.nodeid + "::"
    return all(
        request.fixturename in item.fixturenames
        and not {"transactional_db", "live_server", "settings"} & set(item.fixturenames)
        and not any(mark.kwargs.get("transaction") for mark in item.iter_markers("django_db"))
        for item in request.session.items
        if item.nodeid.startswith(scope)
    )


def for_this_test(shared: dict[str, Any] | None, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The world a test gets: the shared one afresh, or else its own."""
    return build() if shared is None else fresh(shared)


def fresh(world: dict[str, Any]) -> dict[str, Any]:
    """The world as one test gets it: each model instance read again (as its own class, so a page stays specific),
    anything else as it is; and an empty cache, as the world was built on one."""
    cache.clear()
    return {
        name: type(value)._default_manager.get(pk=value.pk) if isinstance(value, models.Model) else value
        for name, value in world.items()
    }
