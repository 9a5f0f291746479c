"""Evidence from the wiki: who wrote, owns and verifies pages on which topics."""

from __future__ import annotations

import difflib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags

from wagtail.models import Page, PageLogEntry, Revision

from expertise.models import Evidence, EvidenceKind
from expertise.recording import forget_source, record_from_source
from expertise.scoring import update_score


def substantial_edit_chars() -> int:
    return int(getattr(settings, "EXPERTISE_SUBSTANTIAL_EDIT_CHARS", 200))


def revision_text(revision: Revision | None) -> str:
    if revision is None:
        return ""
    content = revision.content
    parts = [content.get("title", ""), content.get("summary", "") or ""]
    body = content.get("body")
    if body:
        parts.append(strip_tags(body if isinstance(body, str) else json.dumps(body)))
    return "\n".join(parts)


def changed_characters(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def is_substantial(revision: Revision, previous: Revision | None) -> bool:
    """Writing a page counts; so does an edit that changes at least a paragraph's worth of text."""
    if previous is None:
        return True
    return changed_characters(revision_text(previous), revision_text(revision)) >= substantial_edit_chars()


def previously_published(page: Page, revision: Revision) -> Revision | None:
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision_id__lt=revision.pk)
        .select_related("revision")
        .order_by("-revision_id")
        .first()
    )
    return entry.revision if entry else None


def record_publish(*, page: Page, revision: Revision) -> None:
    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    if not topics:
        return
    author = revision.user
    if author is not None and is_substantial(revision, previously_published(page, revision)):
        record_from_source(
            person=author, topics=topics, kind=EvidenceKind.PAGE_EDITED, source=page, occurred_at=revision.created_at
        )
    sync_ownership(page, topics=topics)


def sync_ownership(page: Page, *, topics) -> None:
    """Owner evidence follows the page's current owner and topics."""
    owner = getattr(page, "page_owner", None)
    forget_source(kind=EvidenceKind.PAGE_OWNED, source=page, keep_person=owner)
    if owner is None:
        return
    source_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    dropped = Evidence.objects.filter(
        kind=EvidenceKind.PAGE_OWNED, source_type=source_type, source_id=page.pk, person=owner
    ).exclude(topic__in=topics)
    dropped_topics = list(dropped.values_list("topic_id", flat=True))
    dropped.delete()
    for topic_id in dropped_topics:
        update_score(person_id=owner.pk, topic_id=topic_id)
    record_from_source(person=owner, topics=topics, kind=EvidenceKind.PAGE_OWNED, source=page, weight=1.5)


def record_verification(*, page: Page, verification) -> None:
    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    if topics and verification.verified_by is not None:
        record_from_source(
            person=verification.verified_by,
            topics=topics,
            kind=EvidenceKind.PAGE_VERIFIED,
            source=page,
            occurred_at=verification.verified_at,
            weight=0.5,
        )
