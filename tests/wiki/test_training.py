import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from expertise.factories import TopicFactory, UserFactory
from wiki.factories import ProcessPageFactory
from wiki.models import TrainingMaterial

pytestmark = pytest.mark.django_db


def test_a_material_needs_a_link_or_a_document():
    material = TrainingMaterial(title="AP essentials", kind="course", trainer=UserFactory())
    with pytest.raises(ValidationError) as error:
        material.full_clean()
    assert "Give a link or choose a document" in str(error.value.message_dict["url"])


def test_trainer_creates_a_material_in_the_admin_linked_to_processes_and_topics(client, admin_user):
    area = ProcessPageFactory(title="Procure to pay")
    TopicFactory(name="Payment runs")
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_wiki_trainingmaterial:add"),
        {
            "title": "Payment runs in practice",
            "kind": "video",
            "url": "https://learning.example.com/payment-runs",
            "trainer": admin_user.pk,
            "processes": [area.pk],
            "topics": "Payment runs",
            "last_reviewed": "2026-10-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    material = TrainingMaterial.objects.get()
    assert list(material.processes.all()) == [area]
    assert [topic.name for topic in material.topics.all()] == ["Payment runs"]
    assert material.revisions.count() == 1


def test_the_admin_form_refuses_a_material_without_a_location(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_wiki_trainingmaterial:add"),
        {"title": "Nowhere", "kind": "course", "trainer": admin_user.pk, "topics": ""},
    )
    assert response.status_code == 200
    assert "Give a link or choose a document" in response.content.decode()
    assert not TrainingMaterial.objects.exists()


def test_topics_are_managed_as_snippets(client, admin_user):
    from expertise.models import Topic

    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_expertise_topic:add"),
        {"name": "Intercompany recharges", "description": "Trades between our own companies."},
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert (topic.slug, topic.description) == ("intercompany-recharges", "Trades between our own companies.")
