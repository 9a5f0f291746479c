import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from search.misses import SearchMisses
from search.models import GlossaryTerm, LoggedQuery

# Ask ranks with a different engine on each database: this runs in the PostgreSQL pass too.
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_demo_has_a_glossary_and_unanswered_searches(client):
    assert GlossaryTerm.objects.filter(term="P2P").count() == 1
    assert LoggedQuery.objects.count() == 4
    titles = [candidate.title for candidate in SearchMisses().candidates(limit=10)]
    assert titles[0].lower().startswith("who approves overtime")  # asked twice, two spellings
    client.force_login(get_user_model().objects.get(username="jill.hartmann"))
    html = client.get(reverse("search:ask"), {"q": "what is P2P"}).content.decode()
    assert "procure to pay" in html
    assert "Everything from asking to buy something" in html
