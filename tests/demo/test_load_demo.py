import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision

from expertise.models import Topic
from wiki.models import ArticlePage, PageFeedback, PageVerification, ProcessPage, TrainingMaterial

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "people": get_user_model().objects.count(),
        "topics": Topic.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "verifications": PageVerification.objects.count(),
        "materials": TrainingMaterial.objects.count(),
        "feedback": PageFeedback.objects.count(),
    }


def test_demo_organisation_is_complete_and_loading_it_twice_changes_nothing(capsys):
    call_command("load_demo")
    first = counts()
    assert first["people"] >= 25
    assert ArticlePage.objects.live().count() >= 40
    areas = ProcessPage.objects.filter(depth=3).values_list("title", flat=True)
    for area in ["Procure to pay", "Record to report", "Order to cash", "Month-end close", "Vendor master data"]:
        assert area in areas
    assert any("xpense" in title for title in areas)
    assert ProcessPage.objects.filter(depth=5).exists(), "the demo nests sub-processes"
    assert set(ArticlePage.objects.values_list("kind", flat=True)) == {"procedure", "how-to", "faq", "reference"}
    assert first["materials"] >= 8 and first["feedback"] >= 10
    assert "password for all: onramp-demo" in capsys.readouterr().out

    call_command("load_demo")
    assert counts() == first
    assert "nothing changed" in capsys.readouterr().out


def test_demo_pages_have_owners_and_a_spread_of_freshness(client):
    from wiki.freshness import Freshness

    call_command("load_demo")
    pages = list(ArticlePage.objects.all())
    assert all(page.page_owner_id for page in pages)
    states = {page.freshness.state for page in pages}
    assert states == {Freshness.VERIFIED, Freshness.DUE, Freshness.STALE}


def test_every_demo_article_renders(client):
    call_command("load_demo")
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    for page in ArticlePage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_the_demo_trainer_may_manage_training_materials(client):
    from django.urls import reverse

    call_command("load_demo")
    trainer = get_user_model().objects.filter(groups__name="Trainers").first()
    client.force_login(trainer)
    assert client.get(reverse("wagtailsnippets_wiki_trainingmaterial:list")).status_code == 200
    assert trainer.has_perm("wiki.change_trainingmaterial")


def test_the_demo_gives_the_expertise_map_something_to_say():
    from expertise.coverage import coverage_map
    from expertise.models import Evidence, Profile
    from expertise.ranking import rank_people_for

    call_command("load_demo")
    kinds = set(Evidence.objects.values_list("kind", flat=True))
    assert {"page-edited", "page-owned", "page-verified", "endorsed", "self-assessed", "manager-confirmed"} <= kinds
    assert Profile.objects.filter(team__isnull=False, manager__isnull=False).count() >= 20
    assert Profile.objects.filter(out_of_office_until__isnull=False).exists()
    jill = get_user_model().objects.get(username="jill.hartmann")
    suggestions = rank_people_for(text="how do I change vendor bank details", asker=jill)
    assert suggestions and suggestions[0].reasons
    assert all(s.person != jill for s in suggestions)
    coverage = coverage_map().topics
    assert any(c.at_risk for c in coverage) and any(not c.at_risk for c in coverage)
