"""The line under each candidate gap on the trainer's dashboard: who and when for a not-helpful vote, and for
a search that found nothing (asked by many, named to admins only) when it was last asked, never a bare
"· 9 minutes ago"."""

import re

import pytest

from django.urls import reverse
from django.utils.html import strip_tags

from search.querylog import log_query
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


def candidate_lines(html: str) -> list[str]:
    lines = re.findall(r'<li class="gap-item">.*?<p class="muted">(.*?)</p>', html, re.DOTALL)
    return [" ".join(strip_tags(line).split()) for line in lines]


def test_a_vote_names_its_person_and_a_search_says_when_it_was_last_asked(client, org):
    PageFeedback.objects.create(page=org["article"], helpful=False, reason="unclear", user=org["ben"])
    log_query(
        text="Where is the canteen?",
        normalised="where is the canteen",
        user=org["jill"],
        backend="database",
        filters={},
        page_count=0,
        people_count=0,
        gap_count=0,
    )
    client.force_login(org["carrie"])
    lines = candidate_lines(client.get(reverse("forums:dashboard")).content.decode())

    assert len(lines) == 2, lines
    vote_line, search_line = lines
    assert vote_line.startswith("Ben Ashworth · ") and vote_line.endswith("ago · Run the payment proposal")
    assert re.fullmatch(r"latest \d+ minutes? ago", search_line), search_line
    assert "Jill" not in search_line
