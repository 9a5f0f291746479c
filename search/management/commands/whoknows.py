import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from expertise.ranking import rank_people_for
from wiki.topics import topics_for_text


class Command(BaseCommand):
    help = 'Ranks the people who know about TEXT, with the reasons: manage.py whoknows "vendor bank details"'

    def add_arguments(self, parser):
        parser.add_argument("text", help="A question or a topic name.")
        parser.add_argument("--limit", type=int, default=10, help="How many people to list (default 10).")
        parser.add_argument("--json", action="store_true", help="Print a JSON list instead of a table.")
        parser.add_argument(
            "--asker", help="Username of the person asking: left out, and their team and time zone preferred."
        )

    def handle(self, *args, text, limit, json: bool = False, asker=None, **options):
        if limit < 1:
            raise CommandError("--limit must be at least 1.")
        if not text.strip():
            raise CommandError('Say what you need to know, e.g. whoknows "payment runs".')
        asking = None
        if asker:
            asking = get_user_model().objects.filter(username=asker).first()
            if asking is None:
                raise CommandError(f"No person has the username {asker!r}.")
        topics = topics_for_text(text)
        suggestions = rank_people_for(topics=topics, asker=asking, limit=limit)
        if json:
            self.stdout.write(self.to_json([s.as_dict() for s in suggestions]))
            return
        if not topics:
            self.stdout.write("No topic matches that text.")
            return
        self.stdout.write("Topics: " + ", ".join(topic.name for topic in topics))
        if not suggestions:
            self.stdout.write("Nobody has recorded expertise on these topics yet.")
        for number, suggestion in enumerate(suggestions, start=1):
            data = suggestion.as_dict()
            flag = f"  [{data['unavailable']}]" if data["unavailable"] else ""
            self.stdout.write(f"{number:>2}. {data['name']} ({data['person']}) — {data['level']}{flag}")
            for reason in data["reasons"]:
                self.stdout.write(f"      {reason}")

    @staticmethod
    def to_json(data) -> str:
        return json.dumps(data, indent=2)
