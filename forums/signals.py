from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from forums import propagation
from forums.revision import material_reviewed
from wiki.models import TrainingMaterial


@receiver(page_published)
def review_materials_of_changed_page(sender, instance, revision=None, **kwargs):
    propagation.propagate_page_change(page=instance, revision=revision)


@receiver(post_save, sender=TrainingMaterial)
def close_material_tasks(sender, instance, raw=False, **kwargs):
    if not raw and instance.last_reviewed is not None:
        material_reviewed(instance)
