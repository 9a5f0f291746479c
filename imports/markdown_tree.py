"""Importing a tree of Markdown files into the wiki: folders become process pages, files articles.

Importing the same tree again changes nothing; a changed file gets a new revision of the same page; a
page someone edited in Onramp since it was imported is never overwritten or unpublished (the import
saves a draft beside it, or leaves it, and says so in the report). Pages of earlier imports that this
tree no longer holds are unpublished only when the import is asked to; otherwise the report lists them."""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from expertise.models import Profile, Topic
from expertise.scoring import recompute_all_scores, scores_deferred
from imports.conversion import Conversion, Converted
from imports.history import History, HistoryFormatError, HistoryOutcome, read_history, record_history
from imports.images import ImageRefused, check_image, store_image
from imports.indexing import deferred_indexing
from imports.markdown import Document, DocumentError, humanise, read_document, readable_text
from imports.models import ImportedPage
from imports.publishing import NewPages
from imports.sources import TreeSource, folders_of
from wiki.models import ArticlePage, ProcessPage

Progress = Callable[[int, int, str], None]
INDEX_NAMES = {"index.md", "readme.md", "_index.md", "index.markdown"}
RELATIONS = [field.name for field in ArticlePage._meta.concrete_fields if field.is_relation]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    broken_links: list[tuple[str, str]] = field(default_factory=list)
    missing_images: list[tuple[str, str]] = field(default_factory=list)
    refused_images: list[tuple[str, str]] = field(default_factory=list)
    drafted: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    left_published: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    history: HistoryOutcome | None = None
    history_bad_rows: list[tuple[int, str]] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    # Which page each file became (created, updated or retired), so that the run's page can link to them.
    created_pages: list[str] = field(default_factory=list)
    updated_pages: list[str] = field(default_factory=list)
    page_ids: dict[str, int] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    def summary(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": len(self.skipped),
            "broken_links": len(self.broken_links),
            "missing_images": len(self.missing_images),
            "refused_images": len(self.refused_images),
            "drafted": len(self.drafted),
            "unpublished": len(self.unpublished),
            "left_published": len(self.left_published),
            "seconds": round(self.seconds, 2),
            "pages_per_second": round(self.pages_per_second, 1),
        }

    def detail_sections(self) -> list[tuple[str, list[tuple[str | None, str]]]]:
        """The report's lists, each a heading and its items: the file an item is about (None for a line of
        the history) and what is to say of it."""
        return [
            (_("Skipped files"), list(self.skipped)),
            (_("Broken links"), list(self.broken_links)),
            (_("Missing images"), list(self.missing_images)),
            (_("Images not imported"), list(self.refused_images)),
            (_("Edited in Onramp since the last import: the new version was saved as a draft"), paths(self.drafted)),
            (_("Gone from the tree: unpublished (revisions kept)"), paths(self.unpublished)),
            (_("Not in this import, left published"), paths(self.left_published)),
            (_("Gone from the tree but edited in Onramp: left as they are"), paths(self.kept)),
            (
                _("History rows not read"),
                [
                    (None, _("line %(line)d: %(reason)s") % {"line": line, "reason": reason})
                    for line, reason in self.history_bad_rows
                ],
            ),
        ]

    def links(self) -> dict:
        """What the run's page lists with links: the pages written, and every list of the report. A dry run
        saved no page, so it has nothing to link to."""
        return {
            "pages": {} if self.dry_run else self.page_ids,
            "created_pages": self.created_pages,
            "updated_pages": self.updated_pages,
            "sections": [[heading, [list(item) for item in items]] for heading, items in self.detail_sections()],
        }

    def as_text(self) -> str:
        broken = ngettext("%(count)d broken link", "%(count)d broken links", len(self.broken_links)) % {
            "count": len(self.broken_links)
        }
        missing = ngettext("%(count)d missing image", "%(count)d missing images", len(self.missing_images)) % {
            "count": len(self.missing_images)
        }
        files = ngettext("%(count)d file", "%(count)d files", self.files) % {"count": self.files}
        lines = [
            ("Dry run: nothing was saved. " if self.dry_run else "")
            + f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped, {broken}, {missing}; {files} in {self.seconds:.1f} s "
            f"({self.pages_per_second:.1f} pages/s)."
        ]
        if self.history is not None:
            history = self.history
            recorded = ngettext("%(count)d edit recorded", "%(count)d edits recorded", history.recorded) % {
                "count": history.recorded
            }
            rows = ngettext("%(count)d row for files", "%(count)d rows for files", history.unknown_paths) % {
                "count": history.unknown_paths
            }
            authors = ngettext(
                "%(count)d unknown author", "%(count)d unknown authors", len(history.unknown_authors)
            ) % {"count": len(history.unknown_authors)}
            lines.append(
                f"History: {recorded} as evidence, {history.already_recorded} already recorded, "
                f"{rows} not in the tree, {authors}."
            )
        for heading, items in self.detail_sections():
            if items:
                lines.append(f"\n{heading} ({len(items)}):")
                lines.extend(
                    f"  {path}: {detail}" if path and detail else f"  {path or detail}" for path, detail in items
                )
        return "\n".join(lines)


def paths(files: list[str]) -> list[tuple[str, str]]:
    return [(path, "") for path in files]


class TreeImportError(Exception):
    """The import as a whole cannot run (as opposed to one bad file, which is skipped and reported)."""


def import_markdown_tree(
    source: TreeSource,
    *,
    under: Page,
    owner: AbstractBaseUser,
    history_text: str | None = None,
    dry_run: bool = False,
    unpublish_missing: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports the tree under `under`, all or nothing; a dry run reports the same and saves nothing. Pages
    an earlier import here made from files this tree no longer holds are unpublished with
    `unpublish_missing`, and otherwise listed as left published."""
    report = ImportReport(dry_run=dry_run, skipped=list(source.left_out))  # entries the source did not offer
    started = time.perf_counter()
    history = None
    if history_text is not None:
        try:
            history = read_history(history_text)
        except HistoryFormatError as error:
            raise TreeImportError(str(error)) from error
        report.history_bad_rows = history.bad_rows
    with transaction.atomic():
        with scores_deferred() as pending_scores:
            with deferred_indexing([ArticlePage, ProcessPage]) as touched:
                importer = TreeImporter(
                    source,
                    under=under,
                    owner=owner,
                    history=history,
                    report=report,
                    progress=progress,
                    store_images=not dry_run,
                    unpublish_missing=unpublish_missing,
                )
                importer.run()
                touched.update(importer.page_ids.values())
                # A folder's index article is not in page_ids (links to it lead to the folder's process page).
                touched.update(page.pk for page in importer.new_articles.values())
            if history is not None:
                report.history = record_history(history, pages=importer.page_ids)
                recompute_all_scores()
                pending_scores.clear()
        if dry_run:
            transaction.set_rollback(True)
    report.seconds = time.perf_counter() - started
    return report


class TreeImporter:
    def __init__(
        self,
        source,
        *,
        under,
        owner,
        history: History | None,
        report: ImportReport,
        progress,
        store_images: bool = True,
        unpublish_missing: bool = False,
    ):
        self.source = source
        self.under = under
        self.owner = owner
        self.report = report
        self.store_images = store_images
        self.unpublish_missing = unpublish_missing
        self.progress = progress or (lambda done, total, path: None)
        self.owners_by_path = self.history_owners(history) if history else {}
        self.known = {item.path: item for item in ImportedPage.objects.filter(under=under).select_related("page")}
        self.page_ids: dict[str, int] = {}
        self.image_ids: dict[str, int | None] = {}
        self.refused_images: set[str] = set()
        self.topics: dict[str, Topic] = {}
        self.slugs_taken: dict[int, set[str]] = {}
        self.new_pages = NewPages(user=owner)

    @staticmethod
    def history_owners(history: History) -> dict[str, AbstractBaseUser]:
        top = history.top_authors()
        profiles = Profile.objects.filter(external_id__in=set(top.values())).select_related("user")
        users = {profile.external_id: profile.user for profile in profiles}
        return {path: users[author] for path, author in top.items() if author in users}

    def run(self) -> None:
        paths = self.source.markdown_paths()
        self.report.files = len(paths)
        documents = self.read_all(paths)
        self.image_paths = self.source.image_paths()
        self.folder_paths = folders_of(list(documents))
        changed = [document for document in documents.values() if not self.is_unchanged(document)]
        self.report.unchanged = len(documents) - len(changed)
        if self.report.unchanged:
            self.progress(self.report.unchanged, len(documents), "")
        # Converting starts now, while the folders and pages that links point at are being created.
        link_targets = [*documents, *self.folder_paths, *(folder + "/" for folder in self.folder_paths)]
        with Conversion(changed, link_targets=link_targets, image_paths=self.image_paths) as conversion:
            self.make_folders(documents)
            self.allocate_articles(documents)
            bodies = conversion.bodies(self.page_ids)
            start = self.report.unchanged + 1
            for done, (document, body) in enumerate(zip(changed, bodies, strict=True), start=start):
                self.import_document(document, body)
                self.progress(done, len(documents), document.path)
        self.new_pages.write_log()
        self.retire_missing(set(documents) | set(self.folder_paths))

    def read_all(self, paths: list[str]) -> dict[str, Document]:
        documents = {}
        for path in paths:
            try:
                documents[path] = read_document(self.source.read(path), path=path)
            except DocumentError as error:
                self.report.skipped.append((path, str(error)))
            except OSError as error:
                self.report.skipped.append((path, f"cannot be read ({error.strerror or error})"))
        return documents

    # Folders → process pages
    def make_folders(self, documents: dict[str, Document]) -> None:
        self.folder_pages: dict[str, Page] = {"": self.under}
        for folder in self.folder_paths:
            index = self.index_of(folder, documents)
            title = index.title if index else humanise(posixpath.basename(folder))[:255]
            summary = f"<p>{escape(index.description)}</p>" if index and index.description else ""
            known = self.known.get(folder + "/")
            if known is not None:
                page = known.page.specific
            else:
                parent = self.folder_pages[posixpath.dirname(folder)]
                page = ProcessPage(
                    title=title,
                    slug=self.free_slug(parent, posixpath.basename(folder)),
                    summary=summary,
                    page_owner=self.owner,
                    live=False,  # made live by publish below
                )
                self.new_pages.add(parent, page)
                topic = self.topic(humanise(posixpath.basename(folder)))
                page.topics.set([topic])
                revision = self.new_pages.publish(page)
                ImportedPage.objects.create(under=self.under, path=folder + "/", page=page, revision=revision)
            self.folder_pages[folder] = page
            self.page_ids[folder] = page.pk
            self.page_ids[folder + "/"] = page.pk
            if index is not None:
                self.page_ids[index.path] = page.pk

    @staticmethod
    def index_of(folder: str, documents: dict[str, Document]) -> Document | None:
        for name in INDEX_NAMES:
            document = documents.get(posixpath.join(folder, name) if folder else name)
            if document is not None:
                return document
        return None

    def allocate_articles(self, documents: dict[str, Document]) -> None:
        """Creates an empty, unpublished page for every new file first, so links between files can point at
        pages that will exist; each gets its content, whole or not at all, in `import_document`."""
        self.new_articles: dict[str, ArticlePage] = {}
        for path, document in documents.items():
            known = self.known.get(path)
            if known is not None:
                self.page_ids[path] = known.page_id
                continue
            parent = self.folder_pages[posixpath.dirname(path)]
            stem = posixpath.splitext(posixpath.basename(path))[0]
            is_index = posixpath.basename(path).lower() in INDEX_NAMES
            page = ArticlePage(
                title=document.title,
                slug=self.free_slug(parent, "overview" if is_index else stem),
                kind=ArticlePage.Kind.REFERENCE,
                page_owner=self.owners_by_path.get(path, self.owner),
                live=False,
            )
            self.new_pages.add(parent, page)
            self.new_articles[path] = page
            # Links to a folder's index lead to the folder's process page; the article keeps the file's path.
            self.page_ids.setdefault(path, page.pk)

    def free_slug(self, parent: Page, name: str) -> str:
        """A slug no sibling has; each parent's slugs are read once and kept as the import adds pages."""
        if parent.pk not in self.slugs_taken:
            self.slugs_taken[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self.slugs_taken[parent.pk]
        base = slugify(name)[:80] or "page"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        return slug

    def topic(self, name: str) -> Topic:
        key = name.lower()
        if key not in self.topics:
            topic = Topic.objects.filter(name__iexact=name).first()
            if topic is None:
                topic = Topic.objects.create(name=name[:100])
            self.topics[key] = topic
        return self.topics[key]

    def page_topics(self, document: Document) -> list[Topic]:
        folder = posixpath.dirname(document.path)
        names = [humanise(posixpath.basename(folder))] if folder else []
        return [self.topic(name) for name in dict.fromkeys(names + document.tags)]

    def article_for(self, path: str) -> ArticlePage:
        if path in self.new_articles:
            return self.new_articles[path]
        return ArticlePage.objects.get(pk=self.known[path].page_id)

    def is_unchanged(self, document: Document) -> bool:
        known = self.known.get(document.path)
        return known is not None and known.content_hash == document.content_hash

    def import_document(self, document: Document, body: Converted) -> None:
        known = self.known.get(document.path)
        try:
            if isinstance(body, str):
                raise DocumentError(body)
            with transaction.atomic():
                page = self.article_for(document.path)
                body.stream = [
                    self.image_block(block["value"]) if block["type"] == "image" else block for block in body.stream
                ]
                self.report.broken_links.extend((document.path, target) for target in body.broken_links)
                self.report.missing_images.extend((document.path, target) for target in body.missing_images)
                page.title = document.title
                page.summary = document.description or first_sentence(body.stream)
                page.body = body.stream
                page.topics.set(self.page_topics(document))
                if known is None:
                    # The content is what can be wrong with a new page: its relations and its slug (free among
                    # its siblings) were set by the import.
                    page.clean_fields(exclude=RELATIONS)
                    revision = self.new_pages.publish(page)
                elif known.revision_id != page.latest_revision_id:
                    revision = page.save_revision(clean=False)
                    self.report.drafted.append(document.path)  # edited in Onramp since: not overwritten
                else:
                    revision = page.save_revision(clean=False)  # publishing validates the page
                    revision.publish(skip_permission_checks=True)
                if known is None:
                    ImportedPage.objects.create(
                        under=self.under,
                        path=document.path,
                        page=page,
                        content_hash=document.content_hash,
                        revision=revision,
                    )
                else:
                    known.content_hash, known.revision = document.content_hash, revision
                    known.save(update_fields=["content_hash", "revision"])
        except Exception as error:  # noqa: BLE001 - any failure of one file is reported and skipped
            reason = str(error) if isinstance(error, DocumentError) else f"could not be imported: {error}"
            self.report.skipped.append((document.path, reason))
            if document.path in self.new_articles:
                page_id = self.new_articles[document.path].pk
                Page.objects.filter(pk=page_id).delete()
                self.new_pages.forget(page_id)
            return
        self.report.page_ids[document.path] = page.pk
        if known is None:
            self.report.created += 1
            self.report.created_pages.append(document.path)
        else:
            self.report.updated += 1
            self.report.updated_pages.append(document.path)

    def image_block(self, path: str) -> dict:
        """The block for an image of the tree: the image, stored on first use (unless the import is a dry run,
        whose rollback could not take files back), or a note where the image was refused."""
        if path not in self.image_ids and path not in self.refused_images:
            data = self.source.read(path)
            try:
                check_image(data, path=path)
            except ImageRefused as refusal:
                self.refused_images.add(path)
                self.report.refused_images.append((path, str(refusal)))
            else:
                self.image_ids[path] = store_image(data, path=path) if self.store_images else None
        if path in self.refused_images:
            return {"type": "text", "value": f"<p>[Image not imported: {escape(posixpath.basename(path))}]</p>"}
        return {"type": "image", "value": self.image_ids[path]}

    def retire_missing(self, present: set[str]) -> None:
        """Files gone from the tree: their pages are unpublished when the import is asked to, unless someone
        edited them in Onramp; otherwise they are listed as left published."""
        for path, known in self.known.items():
            # Folders stay: a folder emptied upstream may still hold pages written in Onramp.
            if path.endswith("/") or path in present or not known.page.live:
                continue
            page = known.page.specific
            self.report.page_ids[path] = page.pk
            if known.revision_id != page.latest_revision_id:
                self.report.kept.append(path)
            elif self.unpublish_missing:
                page.unpublish(log_action=True)
                self.report.unpublished.append(path)
            else:
                self.report.left_published.append(path)


def first_sentence(stream: list[dict]) -> str:
    """The summary of a page without one: its first text, where a missing image's note is no text."""
    for block in stream:
        if block["type"] == "text":
            text = readable_text(block["value"])
            if text:
                return text[:297] + "…" if len(text) > 300 else text
    return ""
