"""Reading the HR export the scheduled import names (PEOPLE_IMPORT_SOURCE): a file path, or an http(s) URL
fetched with a timeout and a size cap. Every failure is a PeopleSourceError whose message says what to fix."""

from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from django.conf import settings

CHUNK = 64 * 1024


class PeopleSourceError(ValueError):
    pass


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in {"http", "https"}


def shown_source(source: str) -> str:
    """The source as the import history shows it: a URL without any password or query (which may hold a token)."""
    if not is_url(source):
        return source
    parts = urlsplit(source)
    return urlunsplit((parts.scheme, netloc_without_credentials(parts), parts.path, "", ""))


def netloc_without_credentials(parts: SplitResult) -> str:
    return parts.netloc.rpartition("@")[2]


def read_people_source(source: str) -> str:
    """The text of the export at `source`."""
    if "://" in source and not is_url(source):
        raise PeopleSourceError(f"{shown_source(source)} is neither a file path nor an http(s) URL")
    data = fetch_url(source) if is_url(source) else read_file(Path(source))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PeopleSourceError(f"{shown_source(source)} is not UTF-8 text (byte {error.start})") from error


def too_large(source: str) -> PeopleSourceError:
    return PeopleSourceError(
        f"{shown_source(source)} is larger than the {settings.PEOPLE_IMPORT_MAX_BYTES} bytes "
        "PEOPLE_IMPORT_MAX_BYTES allows"
    )


def read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(settings.PEOPLE_IMPORT_MAX_BYTES + 1)
    except FileNotFoundError as error:
        raise PeopleSourceError(f"{path} does not exist") from error
    except IsADirectoryError as error:
        raise PeopleSourceError(f"{path} is a folder, not a CSV file") from error
    except PermissionError as error:
        raise PeopleSourceError(f"{path} cannot be read: permission denied") from error
    if len(data) > settings.PEOPLE_IMPORT_MAX_BYTES:
        raise too_large(str(path))
    return data


def fetch_url(url: str) -> bytes:
    """The body at `url`; a user and password in it (https://user:password@host/...) are sent as basic auth."""
    shown, timeout = shown_source(url), settings.PEOPLE_IMPORT_TIMEOUT_SECONDS
    headers = {"Accept": "text/csv, text/plain;q=0.9, */*;q=0.1"}
    parts = urlsplit(url)
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        headers["Authorization"] = f"Basic {base64.b64encode(credentials).decode('ascii')}"
        url = urlunsplit((parts.scheme, netloc_without_credentials(parts), parts.path, parts.query, ""))
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http(s) only, checked by is_url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > settings.PEOPLE_IMPORT_MAX_BYTES:
                raise too_large(url)
            chunks, size = [], 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > settings.PEOPLE_IMPORT_MAX_BYTES:
                    raise too_large(url)
                chunks.append(chunk)
    except urllib.error.HTTPError as error:
        raise PeopleSourceError(f"{shown} answered {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError | socket.timeout):
            raise PeopleSourceError(f"{shown} did not answer within {timeout} seconds") from error
        raise PeopleSourceError(f"{shown} could not be reached: {error.reason}") from error
    except TimeoutError as error:
        raise PeopleSourceError(f"{shown} did not answer within {timeout} seconds") from error
    except OSError as error:
        raise PeopleSourceError(f"{shown} could not be read: {error}") from error
    return b"".join(chunks)
