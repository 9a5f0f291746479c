from django.core.management.base import BaseCommand

from onramp.demo.loader import DEMO_PASSWORD, demo_logins, load_demo


class Command(BaseCommand):
    help = "Loads the demo organisation (people, topics, the process wiki, training materials). Safe to run again."

    def handle(self, *args, **options):
        report = load_demo()
        if report.created:
            summary = ", ".join(f"{count} {kind}{'s' if count != 1 else ''}" for kind, count in report.created.items())
            self.stdout.write(self.style.SUCCESS(f"Demo organisation loaded: created {summary}."))
        else:
            self.stdout.write("Demo organisation already loaded: nothing changed.")
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for role, username in demo_logins():
            self.stdout.write(f"  {role:<9} {username}")
