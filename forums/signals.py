from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from forums.revision import material_reviewed
from forums.tasks import review_materials_after_publish
from wiki.models import TrainingMaterial


@receiver(page_published)
def review_materials_of_changed_page(sender, instance, revision=None, **kwargs):
    # After commit and in the background: publishing a page never waits for, or fails because of, the forums.
    # A first publication changes no material written before the page existed (see propagation.has_changes):
    # nothing to queue, which matters when an import publishes a whole handbook.
    first_publication = instance.first_published_at is not None and (
        instance.first_published_at == instance.last_published_at
    )
    if revision is not None and not first_publication:
        page_id, revision_id = instance.pk, revision.pk
        transaction.on_commit(lambda: review_materials_after_publish.delay(page_id, revision_id))


@receiver(post_save, sender=TrainingMaterial)
def close_material_tasks(sender, instance, raw=False, **kwargs):
    if not raw and instance.last_reviewed is not None:
        material_reviewed(instance)
