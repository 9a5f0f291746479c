"""Converting the files of a tree to page bodies, in parallel with the database work of the import.

Conversion (Markdown, then HTML cleaning) is pure computation and about a third of an import's time; the
rest is writing pages, which SQLite lets only one process do. So the files are converted in a second
process while the importing process writes the pages converted before them. Where a second process
cannot be started (one CPU, or inside a daemonic worker process such as Celery's prefork pool, which may
not have children) the files are converted in turn, with the same results."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from imports.markdown import Body, Document, convert_body

CHUNK = 8
_links: dict[str, int] = {}
_images: frozenset[str] = frozenset()


Converted = Body | str


def converted_bodies(
    documents: list[Document],
    *,
    page_ids: dict[str, int],
    image_paths: Iterable[str],
    in_parallel: bool | None = None,
) -> Iterator[Converted]:
    """For each document in order, its body, or why it could not be converted. An image block's value is
    the image's path in the tree: the importer stores the image (a database write) when it saves the page.
    `in_parallel` defaults to whether a second process can be used."""
    images = frozenset(image_paths)
    if not documents:
        return
    if in_parallel is None:
        in_parallel = can_use_a_second_process()
    if not in_parallel:
        _set_targets(page_ids, images)
        yield from map(_convert, documents)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=_set_targets, initargs=(page_ids, images)
    ) as pool:
        yield from pool.map(_convert, documents, chunksize=CHUNK)


def can_use_a_second_process() -> bool:
    return (
        (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _set_targets(page_ids: dict[str, int], images: frozenset[str]) -> None:
    global _links, _images
    _links, _images = page_ids, images


def _convert(document: Document) -> Converted:
    try:
        return convert_body(document, resolve_link=_resolve_link, resolve_image=_resolve_image)
    except Exception as error:  # noqa: BLE001 - one bad file is reported and skipped, never stops the rest
        return f"could not be converted: {error}"


def _resolve_link(path: str) -> int | None:
    if not path:
        return None
    return _links.get(path) or _links.get(path.rstrip("/"))


def _resolve_image(path: str) -> str | None:
    return path if path in _images else None
