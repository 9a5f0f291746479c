"""`manage.py search`, `manage.py search_reindex`, the glossary snippet, and what is never indexed."""

import io
import json

import pytest

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from modelsearch.index import get_indexed_models

from search.backends.elastic import DOCUMENTS
from search.models import GlossaryTerm, LoggedQuery

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_search_command_prints_the_three_groups_as_json(corpus, person):
    data = json.loads(run("search", "supplier invoice", "--json", "--user", person.username))
    assert set(data) >= {"pages", "people", "gaps"}
    first = data["pages"][0]
    assert set(first) == {"url", "title", "score"}
    assert first["title"] == "Posting a supplier invoice"
    assert first["url"] == corpus["post_invoice"].url
    assert not LoggedQuery.objects.exists()  # scripted searches are not people's searches


def test_search_command_as_text_and_its_bad_input(corpus, person):
    text = run("search", "what is JE", "--user", person.username)
    assert "JE: journal entry" in text
    assert "Reversing a journal entry" in text
    with pytest.raises(CommandError, match="nobody is called"):
        run("search", "invoice", "--user", "nobody-here")
    with pytest.raises(CommandError, match="--kind"):
        run("search", "invoice", "--kind", "poem")
    with pytest.raises(CommandError, match="--limit"):
        run("search", "invoice", "--limit", "0")
    with pytest.raises(CommandError, match="symbols"):
        run("search", "*:()")
    assert json.loads(run("search", "", "--json"))["pages"] == []


def test_reindex_rebuilds_the_database_index(corpus, person):
    from wagtail.search.backends import get_search_backend

    get_search_backend().reset_indexes()
    assert json.loads(run("search", "supplier invoice", "--json", "--user", person.username))["pages"] == []
    assert "pages indexed" in run("search_reindex", "--no-progress")
    assert json.loads(run("search", "supplier invoice", "--json", "--user", person.username))["pages"]


def test_glossary_terms_need_a_real_term_and_an_expansion_that_differs(db):
    with pytest.raises(ValidationError) as error:
        GlossaryTerm(term="!!", expansion="x", definition="d").full_clean()
    assert "term" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        GlossaryTerm(term="AP", expansion="ap", definition="d").full_clean()
    assert "expansion" in error.value.message_dict


def test_glossary_synonyms_expand_searches(corpus, person, request_for):
    from search.ask import ask

    GlossaryTerm.objects.create(
        term="T&E", expansion="travel expenses", synonyms="expense claim, trip costs", definition="Costs of travelling."
    )
    results = ask(text="trip costs", request=request_for(person))
    assert results.pages.object_list[0].page.title == "Claiming travel expenses"


def test_the_glossary_is_edited_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_search_glossaryterm:add")
    response = client.post(url, {"term": "", "expansion": "procure to pay", "synonyms": "", "definition": "Buying."})
    assert response.status_code == 200
    assert not GlossaryTerm.objects.exists()
    client.post(url, {"term": "P2P", "expansion": "procure to pay", "synonyms": "", "definition": "Buying."})
    assert GlossaryTerm.objects.get().term == "P2P"
    listing = client.get(reverse("wagtailsnippets_search_glossaryterm:list")).content.decode()
    assert "procure to pay" in listing


def test_check_in_notes_and_other_private_records_are_never_indexed():
    indexed = {model._meta.label for model in get_indexed_models()}
    assert not {label for label in indexed if label.startswith("buddies.")}
    assert set(DOCUMENTS) == {"pages", "people", "gaps"}
