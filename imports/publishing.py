"""Publishing the pages an import has just created."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser

from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published


def publish_new_page(page: Page, *, user: AbstractBaseUser | None) -> Revision:
    """Saves a page the import created moments ago as its first revision and makes it live, in one save.

    Wagtail's save-revision-then-publish path saves the page twice, validates it again, cancels workflows,
    re-saves comment positions, brings aliases up to date and handles scheduled publishing; none of that
    applies to a page with no revision, workflow, comments, aliases or go-live date yet, and skipping it is
    most of what lets a handbook import run at tens of pages a second. What the rest of Onramp relies on
    is kept: the revision, the page's live fields, the "published" log entry and `page_published`.

    The revision has no author: the text came from the files, not from `user`, who ran the import and is
    named in the log (authorship comes from the edit history, as evidence)."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=None,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = page.live_revision = revision
    page.latest_revision_created_at = revision.created_at
    page.draft_title = page.title
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or revision.created_at
    page.last_published_at = revision.created_at
    page.save(clean=False, update_fields=fields_to_save(page))
    PageLogEntry.objects.log_action(
        instance=page, action="wagtail.publish", user=user, revision=revision, content_changed=True
    )
    page_published.send(sender=page.specific_class, instance=page, revision=revision)
    return revision


def fields_to_save(page: Page) -> list[str]:
    """Every field and child relation but the slug, which the import set when it created the page: naming
    them saves Wagtail re-reading the page to see whether the slug (and so every descendant's URL) moved."""
    from modelcluster.models import get_all_child_relations

    fields = [field.name for field in page._meta.concrete_fields if not field.primary_key and field.name != "slug"]
    return fields + [relation.get_accessor_name() for relation in get_all_child_relations(page)]
