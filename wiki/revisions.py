"""A page's publishing history."""

from wagtail.models import Page, PageLogEntry, Revision


def previously_published(page: Page, revision: Revision) -> Revision | None:
    """The revision published before `revision`, or None when `revision` is the page's first publish."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision_id__lt=revision.pk)
        .select_related("revision")
        .order_by("-revision_id")
        .first()
    )
    return entry.revision if entry else None
