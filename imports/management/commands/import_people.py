from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.people import PeopleFormatError, import_people
from imports.runs import record_run


class Command(BaseCommand):
    help = "Imports people from an HR export (CSV). See imports/people.py for the columns. Sends no email."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report; save nothing.")

    def handle(self, *args, file: Path, dry_run=False, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"{file} does not exist") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text (byte {error.start})") from error
        try:
            report = import_people(text, dry_run=dry_run)
        except PeopleFormatError as error:
            raise CommandError(f"{file}: {error}") from error
        if not dry_run:
            record_run(kind="people", source=str(file), report=report, dry_run=dry_run)
        self.stdout.write(report.as_text())
