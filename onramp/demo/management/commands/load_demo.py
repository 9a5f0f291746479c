from contextlib import ExitStack

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from onramp.demo.loader import DEMO_PASSWORD, demo_logins, load_demo
from onramp.demo.quiet_load import held_emails, info_logs_off


class Command(BaseCommand):
    help = (
        "Loads the demo organisation (people, topics, the process wiki, training materials). Safe to run again. "
        "Refused under production settings unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load it under production settings too (a stack to try Onramp on); its admin is then no superuser.",
        )

    def handle(self, *args, force: bool = False, **options):
        # Production settings set ONRAMP_PRODUCTION (DEBUG is off in the tests' and bench's settings too).
        production = settings.ONRAMP_PRODUCTION
        if production and not force:
            raise CommandError(
                "These are production settings: the demo organisation would add fictional people who all sign in "
                f"with the published password {DEMO_PASSWORD!r}. Nothing was loaded. Add --force to load it "
                "anyway (its admin is then no superuser)."
            )
        with ExitStack() as quiet:
            held = quiet.enter_context(held_emails())
            if options["verbosity"] < 2:  # -v 2 shows each page saved and task run
                quiet.enter_context(info_logs_off())
            report = load_demo(superusers=not production)
        if report.created:
            summary = ", ".join(report.created_phrases())
            self.stdout.write(self.style.SUCCESS(f"Demo organisation loaded: created {summary}."))
        else:
            self.stdout.write("Demo organisation already loaded: nothing changed.")
        if held.count:
            self.stdout.write(
                ngettext(
                    "%(count)d notification email was not sent: the demo's people have made-up addresses. "
                    "The notification is in the person's inbox on the site.",
                    "%(count)d notification emails were not sent: the demo's people have made-up addresses. "
                    "The notifications are in each person's inbox on the site.",
                    held.count,
                )
                % {"count": held.count}
            )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for role, username in demo_logins():
            self.stdout.write(f"  {role:<9} {username}")
        if production:
            self.stdout.write("Under production settings the demo admin is no superuser: use createsuperuser.")
