import logging
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from wagtail.models import Page, Site

from imports.markdown_tree import TreeImportError, import_markdown_tree
from imports.runs import record_run
from imports.sources import DirectorySource
from onramp.params import parse_id
from onramp.progress import ProgressBar


class Command(BaseCommand):
    help = "Imports a folder of Markdown into the wiki: folders become process pages, files articles."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--history", type=Path, help="CSV of edits: commit,date,author,path,added,deleted")
        parser.add_argument("--under", help="Id or URL path of the page to import under (default: the home page).")
        parser.add_argument("--owner", help="Username owning pages the history names no author for.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing.")
        parser.add_argument(
            "--unpublish-missing",
            action="store_true",
            help="Unpublish pages of earlier imports under the same page whose files this tree no longer holds "
            "(without it they are left published and listed in the report).",
        )

    def handle(
        self,
        *args,
        directory: Path,
        history=None,
        under=None,
        owner=None,
        dry_run=False,
        unpublish_missing=False,
        **options,
    ):
        try:
            source = DirectorySource(directory)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        history_text = None
        if history is not None:
            try:
                if history.stat().st_size > (limit := settings.IMPORT_MAX_HISTORY_BYTES):
                    raise CommandError(
                        f"The history file {history} is larger than {filesizeformat(limit)} (IMPORT_MAX_HISTORY_BYTES)."
                    )
                history_text = history.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read the history file {history}: {error}") from error
        parent = self.parent_page(under)
        owning = self.owner(owner)
        # Wagtail logs every page saved and published: thousands of lines that would bury the report.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            report = import_markdown_tree(
                source,
                under=parent,
                owner=owning,
                history_text=history_text,
                dry_run=dry_run,
                unpublish_missing=unpublish_missing,
                progress=ProgressBar(stream=self.stderr._out),
            )
        except TreeImportError as error:
            raise CommandError(str(error)) from error
        if not dry_run:
            record_run(kind="markdown", source=str(directory), report=report, dry_run=dry_run)
        self.stdout.write(report.as_text())

    def parent_page(self, under: str | None) -> Page:
        if not under:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError("There is no default site to import under; name a page with --under.")
            return site.root_page
        page_id = parse_id(under)
        page = Page.objects.filter(pk=page_id).first() if page_id else None
        if page is None:
            path = "/" + under.strip("/") + "/"
            page = Page.objects.filter(url_path__endswith=path).order_by("depth").first()
        if page is None:
            raise CommandError(f"No page matches --under {under!r}: give a page id or its URL path.")
        return page.specific

    def owner(self, username: str | None):
        User = get_user_model()
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user has the username {username!r} (--owner).")
            return user
        user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError("Name the user who will own imported pages with --owner USERNAME.")
        return user
