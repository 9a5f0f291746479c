"""Where a Markdown tree comes from: a folder on disk or an uploaded zip archive.

Neither reads outside its tree: a folder's symbolic links are not followed, and a zip's entries with an
absolute, parent (`..`), drive-letter or backslash name are not read. A zip that would expand beyond the
limits in settings (`IMPORT_MAX_*`), or that Onramp cannot read (a password, an unusual compression), is
refused from its table of contents, before anything in it is extracted. Every entry left out — those,
hidden files and folders, macOS metadata — is listed with its reason for the import's report."""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat

MARKDOWN_SUFFIXES = (".md", ".markdown")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
# What every common zip tool writes; the others can expand without bound while a chunk is read.
READABLE_COMPRESSION = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
ENCRYPTED, PATCH_DATA, STRONGLY_ENCRYPTED = 0x1, 0x20, 0x40  # general-purpose flag bits of an entry
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
MACOS_METADATA = "__MACOSX"


class ArchiveRefused(Exception):
    """The archive as a whole cannot be imported; nothing in it was extracted."""


class UnreadableEntry(OSError):
    """One entry of the tree cannot be read; the import skips that file and reports why."""


class TreeSource(ABC):
    """Lists the files of a tree by their relative POSIX paths and reads them."""

    name: str
    left_out: list[tuple[str, str]]  # (path, reason) for every file or folder not offered to the import

    @abstractmethod
    def paths(self) -> list[str]: ...

    @abstractmethod
    def read(self, path: str) -> bytes: ...

    def markdown_paths(self) -> list[str]:
        return sorted(path for path in self.paths() if path.lower().endswith(MARKDOWN_SUFFIXES))

    def image_paths(self) -> set[str]:
        return {path for path in self.paths() if path.lower().endswith(IMAGE_SUFFIXES)}


def hidden_reason(name: str, *, folder: bool) -> str | None:
    if name == MACOS_METADATA:
        return "macOS metadata, not imported"
    if name.startswith("."):
        return f"hidden {'folder' if folder else 'file'}, not imported"
    return None


class DirectorySource(TreeSource):
    """A folder on disk. Symbolic links are not followed (to files or to folders), so nothing outside the
    folder is read."""

    def __init__(self, root: Path):
        if not root.is_dir():
            raise FileNotFoundError(f"{root} is not a folder")
        self.root = root.resolve()
        self.name = root.name
        self._paths: list[str] = []
        self.left_out = []
        for folder, subfolders, files in os.walk(self.root, onerror=self.unreadable_folder):
            here = Path(folder).relative_to(self.root)
            kept = []
            for name in sorted(subfolders):
                reason = self.reason_to_leave_out(Path(folder, name), name, folder=True)
                if reason:
                    self.left_out.append(((here / name).as_posix() + "/", reason))
                else:
                    kept.append(name)
            subfolders[:] = kept  # os.walk descends only into these
            for name in sorted(files):
                path = (here / name).as_posix()
                reason = self.reason_to_leave_out(Path(folder, name), name, folder=False)
                if reason:
                    self.left_out.append((path, reason))
                else:
                    self._paths.append(path)
        self._listed = set(self._paths)

    def unreadable_folder(self, error: OSError) -> None:
        path = Path(error.filename).relative_to(self.root).as_posix()
        self.left_out.append((f"{path}/", f"cannot be read ({error.strerror or error})"))

    @staticmethod
    def reason_to_leave_out(path: Path, name: str, *, folder: bool) -> str | None:
        if path.is_symlink():
            return "a symbolic link, not followed"
        if not folder and not path.is_file():
            return "not a regular file, not read"
        return hidden_reason(name, folder=folder)

    def paths(self) -> list[str]:
        return self._paths

    def read(self, path: str) -> bytes:
        location = (self.root / path).resolve()
        if path not in self._listed or not location.is_relative_to(self.root):
            raise UnreadableEntry(f"{path} is not a file of the tree")
        return location.read_bytes()


@dataclass(frozen=True)
class ArchiveLimits:
    """How far an uploaded archive may expand (settings `IMPORT_MAX_*`)."""

    max_files: int
    max_file_bytes: int
    max_total_bytes: int
    max_compression_ratio: int

    @classmethod
    def from_settings(cls) -> ArchiveLimits:
        return cls(
            max_files=settings.IMPORT_MAX_FILES,
            max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
            max_total_bytes=settings.IMPORT_MAX_TOTAL_BYTES,
            max_compression_ratio=settings.IMPORT_MAX_COMPRESSION_RATIO,
        )


def unsafe_name_reason(name: str) -> str | None:
    """Why an entry's name could point outside the tree, if it could."""
    if "\\" in name:
        return "a backslash in the name, not read"
    if name.startswith("/"):
        return "an absolute path, not read"
    if DRIVE_LETTER.match(name):
        return "a drive letter in the name, not read"
    parts = name.split("/")
    if ".." in parts:
        return "a parent folder (..) in the path, not read"
    if "" in parts or "." in parts:
        return "an empty or '.' folder in the path, not read"
    return None


def check_entries(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    """Refuses, from the archive's table of contents alone, entries that cannot be read or that would
    expand too far; raises ArchiveRefused naming the entry and the limit."""
    total = 0
    for info in infos:
        name = info.filename
        if info.flag_bits & (ENCRYPTED | STRONGLY_ENCRYPTED):
            raise ArchiveRefused(f"{name} is encrypted: upload an archive without a password.")
        if info.flag_bits & PATCH_DATA:
            raise ArchiveRefused(f"{name} is stored as a patch, which Onramp does not read: make the archive again.")
        if info.compress_type not in READABLE_COMPRESSION:
            raise ArchiveRefused(
                f"{name} is compressed with a method Onramp does not read (number {info.compress_type}): "
                "make the archive with ordinary zip (deflate) compression."
            )
        if info.file_size > limits.max_file_bytes:
            raise ArchiveRefused(
                f"{name} would expand to {filesizeformat(info.file_size)}; a file may hold at most "
                f"{filesizeformat(limits.max_file_bytes)} (IMPORT_MAX_FILE_BYTES)."
            )
        if info.file_size > limits.max_compression_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(
                f"{name} would expand {info.file_size // max(info.compress_size, 1):,} times its compressed "
                f"size, more than the {limits.max_compression_ratio} times allowed "
                "(IMPORT_MAX_COMPRESSION_RATIO): the archive looks like a zip bomb."
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise ArchiveRefused(
            f"The archive would expand to {filesizeformat(total)}; an import may hold at most "
            f"{filesizeformat(limits.max_total_bytes)} (IMPORT_MAX_TOTAL_BYTES)."
        )


class ZipSource(TreeSource):
    """A zip archive; a single top folder wrapping everything (as most exports have) is looked through.
    Raises ArchiveRefused when the archive cannot or must not be read."""

    def __init__(self, archive: zipfile.ZipFile, *, name: str = "archive", limits: ArchiveLimits | None = None):
        self.archive = archive
        self.name = name
        self.limits = limits or ArchiveLimits.from_settings()
        files = [info for info in archive.infolist() if not info.is_dir()]
        if len(files) > self.limits.max_files:
            raise ArchiveRefused(
                f"The archive holds {len(files):,} files; an import may hold at most {self.limits.max_files:,} "
                "(IMPORT_MAX_FILES)."
            )
        kept: dict[str, zipfile.ZipInfo] = {}
        left_out: dict[str, str] = {}
        for info in files:
            name, reason = info.filename, unsafe_name_reason(info.filename)
            if reason is None:
                parts = name.split("/")
                for depth, part in enumerate(parts, start=1):
                    reason = hidden_reason(part, folder=depth < len(parts))
                    if reason is not None:
                        name = "/".join(parts[:depth]) + ("/" if depth < len(parts) else "")
                        break
            if reason is None and name in kept:
                reason = "in the archive twice, only the first copy read"
            if reason is not None:
                left_out.setdefault(name, reason)
            else:
                kept[name] = info
        check_entries(list(kept.values()), self.limits)
        tops = {name.split("/", 1)[0] for name in kept}
        self.prefix = f"{tops.pop()}/" if len(tops) == 1 and all("/" in name for name in kept) else ""
        self._infos = {name.removeprefix(self.prefix): info for name, info in kept.items()}
        self.left_out = [(name.removeprefix(self.prefix), reason) for name, reason in left_out.items()]

    def paths(self) -> list[str]:
        return list(self._infos)

    def read(self, path: str) -> bytes:
        """The entry's bytes, never more than a file may hold whatever the archive declares."""
        info = self._infos.get(path)
        if info is None:
            raise UnreadableEntry(f"{path} is not a file of the archive")
        limit = self.limits.max_file_bytes
        try:
            with self.archive.open(info) as entry:
                data = entry.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
            raise UnreadableEntry(f"damaged in the archive: {error}") from error
        if len(data) > limit:
            raise UnreadableEntry(
                f"expands beyond {filesizeformat(limit)}, more than its declared size (IMPORT_MAX_FILE_BYTES)"
            )
        return data


def folders_of(paths: list[str]) -> list[str]:
    """Every folder that holds a file, parents before children. Only a path's own parts are joined, so no
    name (not even an absolute one) can keep this from ending."""
    folders = set()
    for path in paths:
        parts = path.split("/")[:-1]
        folders.update("/".join(parts[:depth]) for depth in range(1, len(parts) + 1))
    folders.discard("")
    return sorted(folders, key=lambda folder: (folder.count("/"), folder))
