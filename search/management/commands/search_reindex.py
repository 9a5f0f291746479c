from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from onramp.progress import ProgressBar
from search.backends import BackendUnavailable, elasticsearch_enabled
from search.indexing import rebuild_database_index, rebuild_elasticsearch


class Command(BaseCommand):
    help = "Rebuilds Ask's search index: the database index, and the Elasticsearch indexes when in use."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, no_progress: bool = False, **options):
        progress = None if no_progress else ProgressBar(stream=self.stderr._out)
        if elasticsearch_enabled():
            try:
                counts = rebuild_elasticsearch(progress)
            except BackendUnavailable as error:
                raise CommandError(f"Elasticsearch is unreachable, nothing was changed there: {error}") from error
            indexed = ", ".join(
                [
                    ngettext("%(count)d page", "%(count)d pages", counts["pages"]) % {"count": counts["pages"]},
                    ngettext("%(count)d person", "%(count)d people", counts["people"]) % {"count": counts["people"]},
                    ngettext("%(count)d gap", "%(count)d gaps", counts["gaps"]) % {"count": counts["gaps"]},
                ]
            )
            self.stdout.write(f"Elasticsearch: {indexed} indexed.")
        else:
            done = rebuild_database_index(progress)
            indexed = ngettext("%(count)d page indexed", "%(count)d pages indexed", done) % {"count": done}
            self.stdout.write(f"Database search index: {indexed}.")
