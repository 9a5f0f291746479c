"""The demo's process wiki, written as Markdown in content/handbook/ and read by Onramp's own importer.

A folder is a process page: its index.md gives the title (`# heading`), the topics (`tags` in the front
matter) and, as its body, the summary. Every other file is an article: the title, `description` as the
summary, `tags` as topics, and the body, converted by the importer (headings, text, lists, tables, code).
Three blocks have no Markdown of their own; the handbook writes them on lines of their own:

- a callout is a quote opening with `[!TIP]`, `[!WARNING]` or `[!CUSTOMISATION]` (as GitHub writes alerts);
- "who to ask" is a quote opening with `[!ASK] Topic, Topic`, its second line the note;
- an ordered list is a steps block, `Steps: title` on the line before it its title; an item may open with the
  screen it happens on, in brackets: `1. [MIRO] Post the invoice…`;
- `Table: caption` on the line before a table is its caption (as Pandoc writes it).

A link to another file of the handbook becomes a link to its page, which must be listed before it.

What Markdown does not say about a page (its owners, kind, and when it was last verified) is in
content/pages.py, which also gives the order pages appear in. A page that exists is left alone.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from datetime import timedelta
from pathlib import Path

from wagtail.models import Page

from expertise.models import Topic
from imports.markdown import Document, convert_body, read_document, topic_names
from imports.sources import DirectorySource
from wiki.freshness import verify_page
from wiki.models import ArticlePage, ProcessPage

HANDBOOK = Path(__file__).parent / "content" / "handbook"
INDEX = "index.md"
CALLOUT = re.compile(r"^>\s*\[!(TIP|WARNING|CUSTOMISATION)\]\s*$", re.IGNORECASE)
WHO_TO_ASK = re.compile(r"^>\s*\[!ASK\]\s*(.+)$", re.IGNORECASE)
QUOTED = re.compile(r"^>\s?(.*)$")
STEP = re.compile(r"^\d+\.\s+(?:\[([^\]]+)\]\s+)?(.+)$")
STEPS_TITLE = re.compile(r"^Steps:\s*(.+)$")
TABLE_CAPTION = re.compile(r"^Table:\s*(.+)$")
FENCE = re.compile(r"^(```|~~~)")


class HandbookError(Exception):
    """The handbook's files and content/pages.py do not agree, or a file says something the demo cannot load."""


def read_handbook(root: Path = HANDBOOK) -> dict[str, Document]:
    """The handbook's documents by the slug of the page each makes (a folder's index.md: the folder's)."""
    source = DirectorySource(root)
    documents: dict[str, Document] = {}
    for path in source.markdown_paths():
        document = read_document(source.read(path), path=path)
        slug = slug_of(path)
        if slug in documents:
            raise HandbookError(f"{path} and {documents[slug].path} would both be the page {slug!r}")
        documents[slug] = document
    return documents


def slug_of(path: str) -> str:
    folder, name = posixpath.split(path)
    return posixpath.basename(folder) if name == INDEX else posixpath.splitext(name)[0]


def parent_slug(path: str) -> str | None:
    folder = posixpath.dirname(path)
    if posixpath.basename(path) == INDEX:
        folder = posixpath.dirname(folder)
    return posixpath.basename(folder) or None


def load_handbook(outline: dict[str, dict], *, home: Page, users, topics, pages, now, report) -> None:
    """Adds the pages of `outline` (slug → owners, kind, verification), in its order, under `home`."""
    documents = read_handbook()
    if unlisted := sorted(set(documents) - set(outline)):
        raise HandbookError(f"content/pages.py does not list {', '.join(unlisted)}")
    if missing := sorted(set(outline) - set(documents)):
        raise HandbookError(f"content/handbook/ has no file for {', '.join(missing)}")
    for slug, data in outline.items():
        document = documents[slug]
        parent_key = parent_slug(document.path)
        if parent_key is not None and parent_key not in pages:
            raise HandbookError(f"content/pages.py lists {slug!r} before its process {parent_key!r}")
        parent = home if parent_key is None else pages[parent_key]
        model = ProcessPage if posixpath.basename(document.path) == INDEX else ArticlePage
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = new_page(model, document, slug=slug, data=data, users=users, topics=topics, pages=pages)
            publish_new(page, parent=parent, topics=[topics[name] for name in document.tags], data=data, now=now)
            report.count("process page" if model is ProcessPage else "article")
        pages[slug] = page


def new_page(model, document: Document, *, slug: str, data: dict, users, topics, pages) -> Page:
    unknown = [name for name in document.tags if name not in topics]
    if unknown:
        raise HandbookError(f"{document.path}: no demo topic is called {', '.join(unknown)}")
    if model is ProcessPage:
        return ProcessPage(
            title=document.title,
            slug=slug,
            summary=rich_text(document.body_markdown, document=document, pages=pages),
            process_owner=users.get(data.get("process_owner")),
            page_owner=users[data["owner"]],
        )
    page = ArticlePage(
        title=document.title,
        slug=slug,
        kind=data["kind"],
        summary=document.description,
        body=json.dumps(article_blocks(document, topics=topics, pages=pages)),
        page_owner=users[data["owner"]],
    )
    if data.get("interval"):
        page.verification_interval_days = data["interval"]
    return page


def publish_new(page, *, parent: Page, topics: list[Topic], data: dict, now) -> None:
    """Adds a page under `parent` and publishes it as its owner, backdated so the demo shows pages of
    every age: verified, due and stale."""
    page.topics.set(topics)
    parent.add_child(instance=page)
    page.save_revision(user=page.page_owner).publish(user=page.page_owner, skip_permission_checks=True)
    verified_days_ago = data.get("verified_days_ago")
    published_at = now - timedelta(days=(verified_days_ago or 20) + 30)
    type(page).objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
    page.first_published_at = published_at
    if verified_days_ago is None:
        page.save(update_fields=["verification_due_at"])
    else:
        verify_page(
            page=page,
            user=page.page_owner,
            note="Checked against the system after the last release.",
            now=now - timedelta(days=verified_days_ago),
        )


def article_blocks(document: Document, *, topics: dict[str, Topic], pages: dict[str, Page]) -> list[dict]:
    """The body's StreamField data: Markdown as the importer converts it, and the handbook's own blocks."""
    stream: list[dict] = []
    for kind, value in parts(document.body_markdown):
        if kind == "markdown":
            caption, text = value
            blocks = converted(text, document=document, pages=pages)
            if caption:
                if not blocks or blocks[0]["type"] != "table":
                    raise HandbookError(f"{document.path}: “Table: {caption}” is not followed by a table")
                blocks[0]["value"]["caption"] = caption
            stream.extend(blocks)
        elif kind == "callout":
            callout_kind, text = value
            stream.append(
                {
                    "type": "callout",
                    "value": {"kind": callout_kind, "text": rich_text(text, document=document, pages=pages)},
                }
            )
        elif kind == "steps":
            title, steps = value
            items = [
                {"text": rich_text(text, document=document, pages=pages), "screen": screen, "image": None}
                for screen, text in steps
            ]
            stream.append({"type": "steps", "value": {"title": title, "steps": items}})
        else:
            names, note = value
            unknown = [name for name in names if name not in topics]
            if unknown:
                raise HandbookError(f"{document.path}: who to ask names no demo topic called {', '.join(unknown)}")
            stream.append(
                {"type": "who_to_ask", "value": {"topics": [topics[name].pk for name in names], "note": note}}
            )
    return stream


def parts(markdown: str) -> list[tuple[str, tuple]]:
    """Splits a body into plain Markdown (with the caption of the table it starts with, if any) and the
    handbook's own blocks, in order."""
    found: list[tuple[str, tuple]] = []
    plain: list[str] = []
    caption = ""
    lines = markdown.splitlines()
    index = 0

    def flush() -> None:
        nonlocal caption
        if "".join(plain).strip():
            found.append(("markdown", (caption, "\n".join(plain))))
        elif caption:
            found.append(("markdown", (caption, "")))
        plain.clear()
        caption = ""

    def quoted_lines(start: int) -> tuple[list[str], int]:
        taken = []
        while start < len(lines) and (match := QUOTED.match(lines[start])):
            taken.append(match[1])
            start += 1
        return taken, start

    while index < len(lines):
        line = lines[index]
        if FENCE.match(line):  # code is Markdown's own, even where its lines look like the handbook's
            end = next((n for n in range(index + 1, len(lines)) if lines[n].startswith(line[:3])), len(lines) - 1)
            plain.extend(lines[index : end + 1])
            index = end + 1
        elif match := CALLOUT.match(line):
            flush()
            text, index = quoted_lines(index + 1)
            found.append(("callout", (match[1].lower(), "\n".join(text))))
        elif match := WHO_TO_ASK.match(line):
            flush()
            note, index = quoted_lines(index + 1)
            found.append(("who_to_ask", (topic_names(match[1]), " ".join(note).strip())))
        elif (match := STEPS_TITLE.match(line)) or STEP.match(line):
            flush()
            title = ""
            if match:
                title, index = match[1].strip(), index + 1
                while index < len(lines) and not lines[index].strip():
                    index += 1
            steps = []
            while index < len(lines) and (step := STEP.match(lines[index])):
                steps.append((step[1] or "", step[2]))
                index += 1
            if not steps:
                raise HandbookError(f"“Steps: {title}” is not followed by a numbered list")
            found.append(("steps", (title, steps)))
        elif match := TABLE_CAPTION.match(line):
            flush()
            caption = match[1].strip()
            index += 1
        else:
            plain.append(line)
            index += 1
    flush()
    return found


def converted(markdown: str, *, document: Document, pages: dict[str, Page]) -> list[dict]:
    """Markdown as the importer converts it; the handbook links only to its own pages and holds no images."""

    def page_id(path: str) -> str | None:
        page = pages.get(slug_of(path) if path.endswith(".md") else posixpath.basename(path.rstrip("/")))
        return str(page.pk) if page is not None else None

    body = convert_body(
        dataclasses.replace(document, body_markdown=markdown), resolve_link=page_id, resolve_image=lambda path: None
    )
    if body.broken_links or body.missing_images:
        unresolved = ", ".join(body.broken_links + body.missing_images)
        raise HandbookError(f"{document.path}: no page or image listed before it for {unresolved}")
    return body.stream


def rich_text(markdown: str, *, document: Document, pages: dict[str, Page]) -> str:
    blocks = converted(markdown, document=document, pages=pages)
    if [block["type"] for block in blocks] != ["text"]:
        raise HandbookError(f"{document.path}: {markdown[:60]!r} should be text alone")
    return blocks[0]["value"]
