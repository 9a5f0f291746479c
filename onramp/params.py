"""Reading what people can put in a URL or a hidden form field: a wrong value is ignored, never a failed
request."""

import unicodedata

from django.utils.http import url_has_allowed_host_and_scheme

LARGEST_ID = 2**63 - 1  # the largest number a 64-bit id column holds; SQLite raises OverflowError beyond it


def parse_id(value: object) -> int | None:
    """A database id, or None when `value` is not one. Only ASCII digits count: `str.isdigit()` also accepts
    "²" (which `int()` refuses) and `int()` reads "١٢" (Arabic-Indic digits) — neither is an id in a URL."""
    text = "" if value is None else str(value)
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST_ID)):
        return None
    number = int(text)
    return number if 0 < number <= LARGEST_ID else None


def parse_count(value: object, *, default: int, maximum: int) -> int:
    """A count such as a page size: `default` when `value` is not a positive number, never above `maximum`."""
    number = parse_id(value)
    return default if number is None else min(number, maximum)


def local_path(value: str) -> str | None:
    """A path on this site to send someone to, or None: it starts with one slash (not another site's //host or
    /\\host) and holds no control character (a line break cannot go in a Location header)."""
    if not value.startswith("/") or any(unicodedata.category(char)[0] == "C" for char in value):
        return None
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts=None) else None
