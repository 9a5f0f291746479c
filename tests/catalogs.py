"""A compiled gettext catalog for a pseudo-language, written in Python (no msgfmt needed), so a test can render
pages in it and see which words were marked for translation."""

import struct
from pathlib import Path

from django.utils import translation

MO_MAGIC = 0x950412DE
HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"


def write_mo(path: Path, entries: dict[str, str]) -> None:
    """Write `entries` ({msgid: msgstr}, plurals keyed "singular\\0plural" with forms joined by "\\0") as a GNU
    MO file: a header, a table of (length, offset) for the msgids sorted, one for the msgstrs, then the strings
    NUL-terminated. No hash table (its size is 0), which readers accept."""
    catalog = sorted((msgid.encode(), msgstr.encode()) for msgid, msgstr in {"": HEADER, **entries}.items())
    count = len(catalog)
    ids_table = 7 * 4
    strs_table = ids_table + count * 8
    data_start = strs_table + count * 8

    ids_index, strs_index, data = [], [], b""
    for table, position in ((ids_index, 0), (strs_index, 1)):
        for pair in catalog:
            table.append((len(pair[position]), data_start + len(data)))
            data += pair[position] + b"\0"

    header = struct.pack("<7I", MO_MAGIC, 0, count, ids_table, strs_table, 0, data_start)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        header
        + b"".join(struct.pack("<2I", *entry) for entry in ids_index)
        + b"".join(struct.pack("<2I", *entry) for entry in strs_index)
        + data
    )


def install_pseudo_language(
    settings,
    directory: Path,
    *,
    language: str,
    messages: dict[str, str],
    plurals: dict[tuple[str, str], tuple[str, str]] | None = None,
) -> None:
    """Write `messages` and `plurals` ({(singular, plural): (one, other)}) as the catalog of `language` under
    `directory`/locale and point the pytest-django `settings` at it. Changing LOCALE_PATHS and LANGUAGES makes
    Django drop the catalogs it has loaded (django.test.signals.language_changed), so the next
    translation.override(language) reads this one; the fixture puts the settings back after the test."""
    entries = dict(messages)
    for (singular, plural), forms in (plurals or {}).items():
        entries[f"{singular}\0{plural}"] = "\0".join(forms)
    locale_dir = directory / "locale"
    write_mo(locale_dir / translation.to_locale(language) / "LC_MESSAGES" / "django.mo", entries)
    settings.LOCALE_PATHS = [locale_dir, *settings.LOCALE_PATHS]
    settings.LANGUAGES = [*settings.LANGUAGES, (language, "Pseudo")]
