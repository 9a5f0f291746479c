import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory

from search.ask import KIND_CHOICES, AskFilters, ask
from search.results_json import results_as_dict


class Command(BaseCommand):
    help = "Asks Onramp a question and prints the answer pages, the people who know and the open gaps."

    def add_arguments(self, parser):
        parser.add_argument("text", help="The question, in quotes.")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of text.")
        parser.add_argument("--user", help="Search as this username (default: someone signed out, public pages only).")
        parser.add_argument("--limit", type=int, default=10, help="How many pages to list (default 10).")
        parser.add_argument(
            "--kind", default="", help="Only pages of this kind (procedure, how-to, faq, reference, process)."
        )

    def handle(self, *args, text, json: bool = False, user=None, limit: int = 10, kind: str = "", **options):
        request = RequestFactory().get("/ask/")
        request.session = SessionStore()
        request.user = AnonymousUser()
        if user:
            found = get_user_model().objects.filter(username=user).first()
            if found is None:
                raise CommandError(f"--user: nobody is called “{user}”.")
            request.user = found
        if kind and kind not in {value for value, _ in KIND_CHOICES}:
            raise CommandError(
                f"--kind: “{kind}” is not a kind of page; use one of {', '.join(v for v, _ in KIND_CHOICES)}."
            )
        if limit < 1 or limit > 100:
            raise CommandError("--limit: give a number from 1 to 100.")
        results = ask(text=text, request=request, filters=AskFilters(kind=kind), per_page=limit)
        data = results_as_dict(results)
        if json:
            self.stdout.write(dumps(data))
            return
        if results.query is None:
            raise CommandError(results.message)
        self.write_text(data)

    def write_text(self, data: dict) -> None:
        if data.get("notice"):
            self.stderr.write(data["notice"])
        if data.get("definition"):
            self.stdout.write(f"{data['definition']['term']}: {data['definition']['expansion']}\n")
        if data.get("did_you_mean"):
            self.stdout.write(f"Did you mean: {data['did_you_mean']}\n")
        self.stdout.write("Nothing in the wiki answers this. Weaker matches:" if data["nothing_answers"] else "Pages:")
        for page in data["pages"] or [{"title": "(none)", "url": "", "score": ""}]:
            self.stdout.write(f"  {page['score']:>8}  {page['title']}  {page['url']}")
        self.stdout.write("People:")
        for person in data["people"] or [{"name": "(none)", "reasons": []}]:
            self.stdout.write(f"  {person['name']}  {'; '.join(person['reasons'])}")
        self.stdout.write("Open gaps:")
        for gap in data["gaps"] or [{"title": "(none)", "url": ""}]:
            self.stdout.write(f"  {gap['title']}  {gap['url']}")


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
