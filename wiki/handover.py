"""Handing a leaver's wiki pages to someone who stays: the pages keep their content, history and verification;
only the owner changes, and the new owner hears which pages are now theirs."""

from __future__ import annotations

import hashlib

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.urls import reverse

from wagtail.models import Page, Revision, get_page_models

import inbox
from onramp import page_generation
from wiki.models import OwnedPage


def owned_page_models() -> list[type[OwnedPage]]:
    return [model for model in get_page_models() if issubclass(model, OwnedPage)]


@transaction.atomic
def hand_over_pages(*, leaver: AbstractBaseUser, to: AbstractBaseUser) -> list[Page]:
    """Makes `to` the owner of every page `leaver` owns, and tells them in their inbox. Running it again
    finds nothing left to hand over and sends nothing."""
    handed: list[Page] = []
    for model in owned_page_models():
        pages = list(model.objects.filter(page_owner=leaver).order_by("path"))
        if not pages:
            continue
        # Only the owner field: a plain save would also publish a draft's title or slug on the live page.
        model.objects.filter(pk__in=[page.pk for page in pages]).update(page_owner=to)
        page_generation.bump()  # an update sends no signal: cached pages still name the leaver
        handed.extend(pages)
    # A draft published later must not bring the leaver back as owner; older revisions stay as they were.
    for revision in Revision.objects.filter(pk__in=[page.latest_revision_id for page in handed]):
        if revision.content.get("page_owner") == leaver.pk:
            revision.content["page_owner"] = to.pk
            revision.save(update_fields=["content"])
    if handed:
        handed.sort(key=lambda page: page.title.lower())
        ids = ",".join(str(page.pk) for page in sorted(handed, key=lambda page: page.pk))
        inbox.notify_from_templates(
            to,
            template="wiki/notifications/pages_handed_over",
            context={"leaver": leaver.get_full_name() or leaver.get_username(), "pages": handed},
            kind="pages-handed-over",
            url=reverse("wagtailadmin_home"),
            key=f"pages-handed-over:{leaver.pk}:{hashlib.sha256(ids.encode()).hexdigest()[:32]}",
        )
    return handed
