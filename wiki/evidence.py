"""Pages as evidence of expertise: publishing or verifying a page records it for the people involved.

The rules (what counts as a substantial edit, owner weight) are expertise's, in expertise.page_evidence;
the wiki calls them because it is the wiki's pages that change. Connected in WikiConfig.ready()."""

from django.dispatch import receiver

from wagtail.signals import page_published

from expertise import page_evidence
from wiki.revisions import previously_published
from wiki.signals import page_verified


@receiver(page_published)
def record_page_published(sender, instance, revision, **kwargs):
    page_evidence.record_publish(page=instance, revision=revision, previous=previously_published(instance, revision))


@receiver(page_verified)
def record_page_verified(sender, page, verification, **kwargs):
    page_evidence.record_verification(page=page, verification=verification)
