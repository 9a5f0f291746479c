import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import GroupPagePermission

from wiki.models import ArticlePage, PageFeedback, ProcessPage, TrainingMaterial

pytestmark = pytest.mark.django_db


def rows_of_every_model() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def editing_setup() -> tuple[set, set]:
    permissions = set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename"))
    members = set(get_user_model().groups.through.objects.values_list("user_id", "group_id"))
    return permissions, members


def test_loading_the_demo_again_changes_nothing(capsys):
    """The one test of idempotence: the package's fixture loaded the demo, this loads it a second time."""
    before, setup = rows_of_every_model(), editing_setup()

    call_command("load_demo")

    output = capsys.readouterr().out
    assert "nothing changed" in output and "password for all: onramp-demo" in output
    assert rows_of_every_model() == before
    assert editing_setup() == setup


def test_outside_production_the_demo_admin_is_a_superuser():
    """Under production settings the demo is refused without --force and makes no superuser
    (tests/onramp/test_load_demo_in_production.py); elsewhere, as here, it does."""
    admin = get_user_model().objects.get(username="olu.adebayo")
    assert admin.is_superuser and admin.is_staff


def test_demo_organisation_is_complete():
    assert get_user_model().objects.count() >= 25
    assert ArticlePage.objects.live().count() >= 40
    areas = ProcessPage.objects.filter(depth=3).values_list("title", flat=True)
    for area in ["Procure to pay", "Record to report", "Order to cash", "Month-end close", "Vendor master data"]:
        assert area in areas
    assert any("xpense" in title for title in areas)
    assert ProcessPage.objects.filter(depth=5).exists(), "the demo nests sub-processes"
    assert set(ArticlePage.objects.values_list("kind", flat=True)) == {"procedure", "how-to", "faq", "reference"}
    assert TrainingMaterial.objects.count() >= 8 and PageFeedback.objects.count() >= 10


def test_demo_pages_have_owners_and_a_spread_of_freshness():
    from wiki.freshness import Freshness

    pages = list(ArticlePage.objects.all())
    assert all(page.page_owner_id for page in pages)
    states = {page.freshness.state for page in pages}
    assert {page.freshness.timing for page in pages} >= {Freshness.VERIFIED, Freshness.DUE, Freshness.STALE}
    assert Freshness.KNOWN_ISSUE in states, "the demo's open gaps show on their pages"


def test_every_demo_article_renders(client):
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    for page in ArticlePage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_the_demo_trainer_may_manage_training_materials(client):
    from django.urls import reverse

    trainer = get_user_model().objects.filter(groups__name="Trainers").first()
    client.force_login(trainer)
    assert client.get(reverse("wagtailsnippets_wiki_trainingmaterial:list")).status_code == 200
    assert trainer.has_perm("wiki.change_trainingmaterial")


def test_the_demo_gives_the_expertise_map_something_to_say():
    from expertise.coverage import coverage_map
    from expertise.models import Evidence, Profile
    from expertise.ranking import rank_people_for
    from wiki.topics import topics_for_text

    kinds = set(Evidence.objects.values_list("kind", flat=True))
    assert {"page-edited", "page-owned", "page-verified", "endorsed", "self-assessed", "manager-confirmed"} <= kinds
    assert Profile.objects.filter(team__isnull=False, manager__isnull=False).count() >= 20
    assert Profile.objects.filter(out_of_office_until__isnull=False).exists()
    jill = get_user_model().objects.get(username="jill.hartmann")
    suggestions = rank_people_for(topics=topics_for_text("how do I change vendor bank details"), asker=jill)
    assert suggestions and suggestions[0].reasons
    assert all(s.person != jill for s in suggestions)
    coverage = coverage_map().topics
    assert any(c.at_risk for c in coverage) and any(not c.at_risk for c in coverage)
