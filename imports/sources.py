"""Where a Markdown tree comes from: a folder on disk or an uploaded zip archive."""

from __future__ import annotations

import posixpath
import zipfile
from abc import ABC, abstractmethod
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


class TreeSource(ABC):
    """Lists the files of a tree by their relative POSIX paths and reads them."""

    name: str

    @abstractmethod
    def paths(self) -> list[str]: ...

    @abstractmethod
    def read(self, path: str) -> bytes: ...

    def markdown_paths(self) -> list[str]:
        return sorted(path for path in self.paths() if path.lower().endswith(MARKDOWN_SUFFIXES))

    def image_paths(self) -> set[str]:
        return {path for path in self.paths() if path.lower().endswith(IMAGE_SUFFIXES)}


class DirectorySource(TreeSource):
    def __init__(self, root: Path):
        if not root.is_dir():
            raise FileNotFoundError(f"{root} is not a folder")
        self.root = root
        self.name = root.name

    def paths(self) -> list[str]:
        return [
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*")
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(self.root).parts)
        ]

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()


class ZipSource(TreeSource):
    """A zip archive; a single top folder wrapping everything (as most exports have) is looked through."""

    def __init__(self, archive: zipfile.ZipFile, *, name: str = "archive"):
        self.archive = archive
        self.name = name
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        tops = {name.split("/", 1)[0] for name in names}
        self.prefix = f"{tops.pop()}/" if len(tops) == 1 and all("/" in name for name in names) else ""
        self._paths = [
            name[len(self.prefix) :]
            for name in names
            if not any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))
        ]

    def paths(self) -> list[str]:
        return self._paths

    def read(self, path: str) -> bytes:
        return self.archive.read(self.prefix + path)


def folders_of(paths: list[str]) -> list[str]:
    """Every folder that holds a file, parents before children."""
    folders = set()
    for path in paths:
        folder = posixpath.dirname(path)
        while folder:
            folders.add(folder)
            folder = posixpath.dirname(folder)
    return sorted(folders, key=lambda folder: (folder.count("/"), folder))
