import pytest

from forums.models import RevisionTask, TaskKind, TaskStatus
from inbox.models import Notification
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publishes a page as its owner; propagation runs after the publication commits, so run those callbacks."""

    def publish(page, *, summary=None, user=None):
        if summary is not None:
            page.summary = summary
        with django_capture_on_commit_callbacks(execute=True):
            revision = page.save_revision(user=user or page.page_owner)
            revision.publish(user=user or page.page_owner, skip_permission_checks=True)
        return revision

    return publish


def test_a_changed_page_asks_the_trainer_of_its_process_materials_to_review(publish, org):
    other_process = ProcessPageFactory(title="Expenses", page_owner=org["jim"], topics=[org["topic"]])
    same_topic_only = TrainingMaterialFactory(title="Expenses course", trainer=org["carrie"])
    same_topic_only.processes.set([other_process])
    same_topic_only.topics.set([org["topic"]])
    revision = publish(org["article"], summary="Now with the blocked-vendor branch.")
    task = RevisionTask.objects.get()
    assert task.kind == TaskKind.MATERIAL_REVIEW and task.material == org["material"]
    assert task.assignee == org["carrie"] and task.trigger_revision == revision and task.page.pk == org["article"].pk
    assert Notification.objects.filter(recipient=org["carrie"], kind="task-assigned").count() == 1


def test_publishing_without_changes_asks_for_nothing(publish, org):
    publish(org["article"])
    assert not RevisionTask.objects.exists()


def test_a_process_page_change_reaches_its_own_materials(publish, org):
    publish(org["process"], summary="<p>How we pay our vendors, now weekly.</p>")
    assert RevisionTask.objects.get().material == org["material"]


def test_an_open_review_is_not_doubled_and_a_review_date_closes_it(publish, org):
    publish(org["article"], summary="First change.")
    publish(org["article"], summary="Second change.")
    task = RevisionTask.objects.get()
    material = org["material"]
    from django.utils import timezone

    material.last_reviewed = timezone.localdate()
    material.save()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    publish(org["article"], summary="Third change.")
    assert RevisionTask.objects.filter(status=TaskStatus.OPEN).count() == 1


def test_pages_outside_any_linked_process_ask_for_nothing(publish, org):
    loose = ArticlePageFactory(title="Loose page", page_owner=org["jim"])
    publish(loose, summary="Changed")
    assert not RevisionTask.objects.exists()
