"""Converting the files of a tree to page bodies, in parallel with the database work of the import.

Conversion (Markdown, then HTML cleaning) is pure computation and about half of an import's time; the
rest is writing pages, which SQLite lets only one process do. So the files are converted in a second
process from the moment the import has read them, while the importing process creates the folders and
pages and then writes each body as it arrives; when it would otherwise wait, it converts the next files
itself. Links between files are converted before their pages exist: a link names its target by number,
and the number becomes the page's id when the body is read.

Where a second process cannot be started (one CPU, or inside a daemonic worker process such as Celery's
prefork pool, which may not have children) the files are converted in turn, with the same results."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from imports.markdown import Body, Document, convert_body

CHUNK = 8
# What a converted link's id holds until its page exists; the HTML cleaning keeps it as the link's id.
TARGET_MARK = "tree-target-"
TARGET_ID = re.compile(rf'(<a id="){TARGET_MARK}(\d+)(")')

_targets: dict[str, int] = {}
_images: frozenset[str] = frozenset()


Converted = Body | str


class Conversion:
    """Starts converting `documents` when made; `bodies(page_ids)` then yields each document's body, or why
    it could not be converted, in order. `link_targets` are the tree paths links may point at; each must
    be in `page_ids` by the time the bodies are read. An image block's value is the image's path in the
    tree: the importer stores the image (a database write) when it saves the page."""

    def __init__(
        self,
        documents: list[Document],
        *,
        link_targets: Iterable[str],
        image_paths: Iterable[str],
        in_parallel: bool | None = None,
    ) -> None:
        self.targets = list(dict.fromkeys(link_targets))
        numbered = {path: number for number, path in enumerate(self.targets)}
        images = frozenset(image_paths)
        _set_targets(numbered, images)  # here, and in the second process, which is forked from this one
        if in_parallel is None:
            in_parallel = can_use_a_second_process()
        self.pool = None
        self.chunks = [documents[start : start + CHUNK] for start in range(0, len(documents), CHUNK)]
        self.futures: list[Future | None] = [None] * len(self.chunks)
        if in_parallel and documents:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self.futures = [self.pool.submit(_convert_all, chunk) for chunk in self.chunks]

    def converted(self) -> Iterator[Converted]:
        for chunk, future in zip(self.chunks, self.futures, strict=True):
            # A chunk the second process has not started yet is converted here rather than waited for.
            if future is None or future.cancel():
                yield from _convert_all(chunk)
            else:
                yield from future.result()

    def bodies(self, page_ids: dict[str, int]) -> Iterator[Converted]:
        ids = [str(page_ids[path]) for path in self.targets]
        for body in self.converted():
            if isinstance(body, Body):
                link_pages(body, ids)
            yield body

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def __enter__(self) -> Conversion:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


def link_pages(body: Body, ids: list[str]) -> None:
    """Gives each converted link the id of its target's page."""
    for block in body.stream:
        if block["type"] == "text" and TARGET_MARK in block["value"]:
            block["value"] = TARGET_ID.sub(lambda match: f"{match[1]}{ids[int(match[2])]}{match[3]}", block["value"])


def can_use_a_second_process() -> bool:
    return (
        (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _set_targets(numbered: dict[str, int], images: frozenset[str]) -> None:
    global _targets, _images
    _targets, _images = numbered, images


def _convert_all(documents: list[Document]) -> list[Converted]:
    return [_convert(document) for document in documents]


def _convert(document: Document) -> Converted:
    try:
        return convert_body(document, resolve_link=_resolve_link, resolve_image=_resolve_image)
    except Exception as error:  # noqa: BLE001 - one bad file is reported and skipped, never stops the rest
        return f"could not be converted: {error}"


def _resolve_link(path: str) -> str | None:
    if not path:
        return None
    number = _targets.get(path)
    if number is None:
        number = _targets.get(path.rstrip("/"))
    return None if number is None else f"{TARGET_MARK}{number}"


def _resolve_image(path: str) -> str | None:
    return path if path in _images else None
