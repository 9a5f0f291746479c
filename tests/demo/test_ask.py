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


def ask_as_jill(client, text: str) -> str:
    client.force_login(get_user_model().objects.get(username="jill.hartmann"))
    return client.get(reverse("search:ask"), {"q": text}).content.decode()


def people_section(html: str) -> str:
    start = html.index('id="people-heading"')
    return html[start : html.index("</section>", start)]


def test_the_demo_says_nothing_answers_an_off_topic_question(client):
    html = ask_as_jill(client, "how do I book annual leave")
    assert "Nothing in the wiki answers this" in html
    assert 'value="how do I book annual leave"' in html  # the gap form, prefilled
    assert "ask-person" not in people_section(html)  # no expenses experts for a question nothing answers


def test_the_demo_sends_who_approves_a_new_vendor_to_vendor_people_first(client):
    html = ask_as_jill(client, "who approves a new vendor")
    assert "Nothing in the wiki answers this" not in html
    people = people_section(html)
    assert "Learning" not in people
    first = people.split('class="ask-person"')[1]
    assert "Vendor" in first  # the first person's reasons are about vendors, not expense claims
    assert "Dana Whitfield" not in first


def test_the_demo_points_a_new_hire_asking_where_to_start_to_her_plan(client):
    html = ask_as_jill(client, "I'm new, where do I start?")
    assert "Start with your onboarding plan" in html
    assert 'href="/onboarding/"' in html
