"""Queues Elasticsearch updates when pages, gaps or profiles change (only when Elasticsearch is in use;
the database backend's index is kept by Wagtail itself)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from expertise.models import Profile
from forums.models import Gap
from search.backends import elasticsearch_enabled


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    if elasticsearch_enabled():
        from search.tasks import update_page_in_index

        transaction.on_commit(lambda: update_page_in_index.delay(instance.pk))


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    if elasticsearch_enabled():
        from search.tasks import remove_page_from_index

        transaction.on_commit(lambda: remove_page_from_index.delay(instance.pk))


@receiver(post_delete)
def page_was_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and elasticsearch_enabled():
        from search.tasks import remove_page_from_index

        page_id = instance.pk
        transaction.on_commit(lambda: remove_page_from_index.delay(page_id))


@receiver(post_save, sender=Gap)
def gap_was_saved(sender, instance, **kwargs):
    if elasticsearch_enabled():
        from search.tasks import update_gap_in_index

        transaction.on_commit(lambda: update_gap_in_index.delay(instance.pk))


@receiver(post_save, sender=Profile)
def profile_was_saved(sender, instance, **kwargs):
    if elasticsearch_enabled():
        from search.tasks import update_person_in_index

        transaction.on_commit(lambda: update_person_in_index.delay(instance.user_id))
