"""Creating and publishing the pages an import adds to the wiki."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from onramp.wagtail_compat import child_path, child_step, mark_new_child

# Tree fields are written when a page is added and kept up to date by the tree itself (a child added
# under a page raises its count); the slug is set once, when the page is added.
NOT_REPUBLISHED = {"path", "depth", "numchild", "slug", "url_path"}


class NewPages:
    """Adds pages under their parents and publishes them, a handbook at a time.

    Wagtail's `add_child`, then save-revision-then-publish, read the parent and its locale again, check
    the slug again, save the page twice more, validate each log entry's relations with a query apiece,
    cancel workflows, re-save comment positions and bring aliases up to date. None of that applies to a
    page the import made moments ago, with a slug it chose among siblings it has read, and skipping it is
    most of what lets an import run at tens of pages a second. What the rest of Onramp relies on is kept:
    the tree's paths and child counts, the revision, the live fields, the "created" and "published" log
    entries (written together by `write_log`) and `page_published`.

    Revisions have no author: the text came from the files, not from `user`, who ran the import and is
    named in the log (authorship comes from the edit history, as evidence)."""

    def __init__(self, *, user: AbstractBaseUser | None) -> None:
        self.user = user
        self.last_step: dict[int, int] = {}
        self.log: list[PageLogEntry] = []

    def add(self, parent: Page, page: Page) -> Page:
        """Saves `page`, unsaved and with a slug none of its siblings has, as the last child of `parent`."""
        page.depth = parent.depth + 1
        page.path = self.next_child_path(parent)
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        mark_new_child(page, parent)
        page.save(clean=False, log_action=None)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild += 1
        self.add_log_entry(page, "wagtail.create")
        return page

    def next_child_path(self, parent: Page) -> str:
        if parent.pk not in self.last_step:
            # Held until the import's transaction ends, as Wagtail's add_child holds it for one page.
            Page.objects.select_for_update().filter(pk=parent.pk).exists()
            last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
            self.last_step[parent.pk] = child_step(last) if last else 0
        step = self.last_step[parent.pk] = self.last_step[parent.pk] + 1
        return child_path(parent, step)

    def publish(self, page: Page) -> Revision:
        """Saves a page added moments ago as its first revision and makes it live, in one save."""
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
        page.save(clean=False, update_fields=fields_to_publish(page))
        self.add_log_entry(page, "wagtail.publish", revision=revision)
        page_published.send(sender=page.specific_class, instance=page, revision=revision)
        return revision

    def add_log_entry(self, page: Page, action: str, *, revision: Revision | None = None) -> None:
        self.log.append(
            PageLogEntry(
                page_id=page.pk,
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action=action,
                timestamp=timezone.now(),
                data={},
                user=self.user,
                revision=revision,
                content_changed=True,
            )
        )

    def forget(self, page_id: int) -> None:
        """Drops the log entries of a page whose import failed (and which the importer deleted)."""
        self.log = [entry for entry in self.log if entry.page_id != page_id]

    def write_log(self) -> None:
        PageLogEntry.objects.bulk_create(self.log, batch_size=500)
        self.log.clear()


def fields_to_publish(page: Page) -> list[str]:
    """Every field and child relation but the tree's: naming them also saves Wagtail re-reading the page
    to see whether the slug (and so every descendant's URL) moved."""
    from modelcluster.models import get_all_child_relations

    fields = [
        field.name
        for field in page._meta.concrete_fields
        if not field.primary_key and field.name not in NOT_REPUBLISHED
    ]
    return fields + [relation.get_accessor_name() for relation in get_all_child_relations(page)]
