"""Reading one Markdown file and turning it into an article's title, summary, topics and StreamField body."""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

import markdown
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from django.utils.html import escape
from django.utils.translation import gettext as _

from onramp import wagtail_compat
from wiki.blocks import BODY_FEATURES

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
SUMMARY_MAX = 300
HEADING_MAX = 120
LINK_FEATURES = [*BODY_FEATURES, "h2", "blockquote"]
UNSAFE_TAGS = ["script", "style", "iframe", "object", "embed", "form", "noscript", "template"]


class DocumentError(Exception):
    """A file that cannot be imported; the message says why, in words for the report."""


@dataclass
class Document:
    path: str
    title: str
    description: str
    tags: list[str]
    body_markdown: str
    content_hash: str


@dataclass
class Body:
    stream: list[dict]
    broken_links: list[str] = field(default_factory=list)
    missing_images: list[str] = field(default_factory=list)


def read_document(raw: bytes, *, path: str) -> Document:
    """Decodes and splits a file into front matter and Markdown; raises DocumentError for anything unreadable."""
    if b"\x00" in raw[:8192]:
        raise DocumentError("binary file, not Markdown")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(f"not valid UTF-8 (byte {error.start})") from error
    front: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            front = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise DocumentError(f"broken front matter: {problem}") from error
        if not isinstance(front, dict):
            raise DocumentError("broken front matter: expected “key: value” lines")
        text = text[match.end() :]
    title = str(front.get("title") or "").strip()
    heading = re.match(r"\A\s*#[ \t]+(.+?)[ \t#]*\r?\n", text + "\n")
    if not title and heading:
        title = heading.group(1).strip()
    if heading and title == heading.group(1).strip():
        text = text[heading.end() :]
    title = plain_text(strip_markdown(title))
    if not title:
        title = humanise(posixpath.splitext(posixpath.basename(path))[0])
    return Document(
        path=path,
        title=title[:255],
        description=plain_text(str(front.get("description") or ""))[:SUMMARY_MAX],
        tags=topic_names(front.get("tags")),
        body_markdown=text,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def humanise(name: str) -> str:
    words = plain_text(re.sub(r"[-_]+", " ", name))
    return words[:1].upper() + words[1:] if words else "Untitled"


def plain_text(text: str) -> str:
    """A field that is not a page body holds text, not markup: tags (and what unsafe ones enclose) are
    dropped, entities read and whitespace collapsed, and templates escape what is left."""
    if "<" in text or "&" in text:
        soup = BeautifulSoup(text, "html.parser")
        for unsafe in soup.find_all(UNSAFE_TAGS):
            unsafe.decompose()
        text = soup.get_text()
    return " ".join(text.split())


def strip_markdown(text: str) -> str:
    # An underscore inside a word (a transaction code such as ZAP_INBOX) is text, as Markdown reads it.
    return re.sub(r"[*`]|(?<![^\W_])_+|_+(?![^\W_])|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text).strip()


def topic_names(value) -> list[str]:
    if not value:
        return []
    names = value.split(",") if isinstance(value, str) else [str(item) for item in value if item]
    names = [plain_text(name)[:100] for name in names]
    return [name for name in names if name]


def render_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "fenced_code", "sane_lists"], output_format="html")


def convert_body(
    document: Document,
    *,
    resolve_link: Callable[[str], str | None],
    resolve_image: Callable[[str], str | None],
) -> Body:
    """Markdown → StreamField: headings become heading blocks (the table of contents), fenced code code
    blocks, tables table blocks, local images image blocks, and the rest sanitised rich text. Links to
    other files of the tree become page links, their id what `resolve_link` gives for the target's path;
    links and images that point nowhere are reported."""
    soup = BeautifulSoup(render_markdown(document.body_markdown), "html.parser")
    for unsafe in soup.find_all(UNSAFE_TAGS):
        unsafe.decompose()  # with their content: a script's code is not text for the reader
    body = Body(stream=[])
    pending: list[Tag] = []
    clean_rich_text = rich_text_cleaner()

    def flush_text() -> None:
        # The parsed nodes are cleaned where they are: serialising them and letting the converter parse the
        # HTML again would double the cost of the whole import.
        fragment = BeautifulSoup("", "html.parser")
        for node in pending:
            fragment.append(node.extract())
        pending.clear()
        clean_rich_text(fragment)
        html = fragment.decode(formatter=escape).strip()
        if html:
            body.stream.append({"type": "text", "value": html})

    for node in list(soup.children):
        if isinstance(node, NavigableString):
            if node.strip():
                paragraph = soup.new_tag("p")
                paragraph.string = node.strip()
                pending.append(paragraph)
            continue
        if not isinstance(node, Tag):
            continue
        rewrite_links(node, document=document, resolve_link=resolve_link, body=body)
        images = node.find_all("img")
        if node.name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            flush_text()
            text = node.get_text(" ", strip=True)[:HEADING_MAX]
            if text:
                level = "h2" if node.name in {"h1", "h2"} else "h3"
                body.stream.append({"type": "heading", "value": {"text": text, "level": level}})
        elif node.name == "pre":
            flush_text()
            code = node.find("code")
            language = ""
            if code is not None:
                language = next((c[9:] for c in code.get("class", []) if c.startswith("language-")), "")
            body.stream.append({"type": "code", "value": {"code": node.get_text(), "language": language[:40]}})
        elif node.name == "table":
            flush_text()
            body.stream.append({"type": "table", "value": {"caption": "", "table": table_data(node)}})
        elif images and node.name == "p" and not node.get_text(strip=True):
            flush_text()
            for image in images:
                append_image(image, document=document, resolve_image=resolve_image, body=body, pending=pending)
            flush_text()
        else:
            for image in images:
                replace_image(image, document=document, resolve_image=resolve_image, body=body)
            pending.append(node)
    flush_text()
    return body


@functools.cache
def rich_text_cleaner() -> Callable[[BeautifulSoup], None]:
    """The rich text editor's own rules for what HTML may be stored (tags, attributes, link types)."""
    return wagtail_compat.rich_text_cleaner(LINK_FEATURES)


def rewrite_links(node: Tag, *, document: Document, resolve_link, body: Body) -> None:
    for anchor in node.find_all("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
            # Only a link to a file of the tree becomes a page link; HTML in the file cannot name one.
            for attribute in ("data-linktype", "data-id"):
                anchor.attrs.pop(attribute, None)
            continue
        target = unquote(href.split("#", 1)[0].split("?", 1)[0])
        page_id = resolve_link(join_path(document.path, target))
        anchor.attrs = {}
        if page_id is None:
            body.broken_links.append(href)
            anchor.unwrap()
        else:
            anchor["data-linktype"] = "page"
            anchor["data-id"] = str(page_id)


def join_path(source: str, target: str) -> str:
    """The tree path a relative link in `source` points at (“../a/b.md” from “x/y/z.md” → “x/a/b.md”)."""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    normalised = posixpath.normpath(joined) if joined else ""
    return "" if normalised in {".", ""} or normalised.startswith("..") else normalised


def is_remote(src: str) -> bool:
    return bool(re.match(r"^(https?:)?//", src, re.IGNORECASE)) or src.startswith("data:")


def append_image(image: Tag, *, document: Document, resolve_image, body: Body, pending: list[Tag]) -> None:
    src = (image.get("src") or "").strip()
    alt = image.get("alt", "")
    image_id = None if is_remote(src) else resolve_image(join_path(document.path, src))
    if image_id is not None:
        body.stream.append({"type": "image", "value": image_id})
        return
    if not is_remote(src):
        body.missing_images.append(src)
    pending.extend(BeautifulSoup(image_fallback(src, alt), "html.parser").find_all("p"))


def replace_image(image: Tag, *, document: Document, resolve_image, body: Body) -> None:
    src = (image.get("src") or "").strip()
    if not is_remote(src) and resolve_image(join_path(document.path, src)) is None:
        body.missing_images.append(src)
    fallback = BeautifulSoup(image_fallback(src, image.get("alt", "")), "html.parser")
    image.replace_with(fallback)


def image_fallback(src: str, alt: str) -> str:
    """Rich text holds no pictures: a remote image becomes a link to it, a missing one a short note in italics
    naming it (its description, else its file name), which summaries leave out. (Only what the rich text editor
    stores survives the import: a class would be dropped, so the note is known by its words.)"""
    if is_remote(src) and not src.startswith("data:"):
        return f'<p><a href="{escape(src)}">Image: {escape(alt or "image")}</a></p>'
    label = alt.strip() or posixpath.basename(src.rstrip("/"))
    return f"<p><em>{escape(missing_image_note(label))}</em></p>"


def missing_image_note(label: str) -> str:
    return _("Image missing: %(image)s") % {"image": label} if label else _("An image is missing here.")


def is_missing_image_note(text: str) -> bool:
    named = _("Image missing: %(image)s") % {"image": ""}
    return text == missing_image_note("") or (text.startswith(named) and len(text) > len(named))


def readable_text(html: str) -> str:
    """The text of rich text as a summary wants it: without the notes of missing images."""
    soup = BeautifulSoup(html, "html.parser")
    for emphasis in soup.find_all("em"):
        paragraph, note = emphasis.parent, emphasis.get_text().strip()
        if paragraph.name == "p" and paragraph.get_text().strip() == note and is_missing_image_note(note):
            paragraph.decompose()
    return " ".join(soup.get_text(" ").split())


def table_data(table: Tag) -> dict:
    rows = []
    for row in table.find_all("tr"):
        rows.append([cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])])
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    has_header = table.find("th") is not None
    return {"data": rows, "first_row_is_table_header": has_header, "first_col_is_header": False, "table_caption": ""}
