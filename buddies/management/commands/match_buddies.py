import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from buddies.matching import match_cohort
from buddies.models import Cohort
from buddies.network import build_cohort_network
from buddies.pairing import save_cohort_match


class Command(BaseCommand):
    help = "Pairs the cohort's new hires who have no buddy yet with the best assignment under everyone's capacity."

    def add_arguments(self, parser):
        parser.add_argument("--cohort", required=True, help="The cohort's name.")
        parser.add_argument("--dry-run", action="store_true", help="Show the assignment without saving it.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, cohort: str, dry_run: bool, json: bool, **options):
        found = Cohort.objects.filter(name=cohort).first()
        if found is None:
            names = ", ".join(Cohort.objects.values_list("name", flat=True)[:10]) or "none yet"
            raise CommandError(f"No cohort named “{cohort}”. Cohorts: {names}.")
        match = match_cohort(found)
        if not dry_run and match.pairings:
            try:
                save_cohort_match(
                    cohort=found,
                    pairs=[(p.onboarding.pk, p.suggestion.candidate.user_id) for p in match.pairings],
                    by=None,
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            build_cohort_network([p.onboarding for p in match.pairings])
        if json:
            self.stdout.write(_dumps({**match.as_dict(), "saved": not dry_run and bool(match.pairings)}))
            return
        for pairing in match.pairings:
            hire = pairing.onboarding.hire.get_full_name() or pairing.onboarding.hire.get_username()
            self.stdout.write(f"{hire} → {pairing.suggestion.candidate.name} (score {pairing.suggestion.score:.1f})")
        for onboarding, why in match.unmatched:
            hire = onboarding.hire.get_full_name() or onboarding.hire.get_username()
            self.stdout.write(self.style.WARNING(f"{hire}: no buddy — {why}"))
        self.stdout.write(match.summary)
        self.stdout.write("Dry run: nothing saved." if dry_run else self.style.SUCCESS("Saved."))


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
