from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from expertise import page_evidence
from expertise.models import Profile
from wiki.signals import page_verified


@receiver(page_published)
def record_page_published(sender, instance, revision, **kwargs):
    page_evidence.record_publish(page=instance, revision=revision)


@receiver(page_verified)
def record_page_verified(sender, page, verification, **kwargs):
    page_evidence.record_verification(page=page, verification=verification)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
