"""Evidence from the wiki: who wrote, owns and verifies pages on which topics."""

from __future__ import annotations

import difflib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Page, Revision

from expertise.models import Evidence, EvidenceKind
from expertise.recording import record_from_source
from expertise.scoring import update_score

OWNER_WEIGHT = 1.5


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


def record_publish(*, page: Page, revision: Revision, previous: Revision | None) -> None:
    """Publishing `revision` (`previous` is the one published before it, None for a first publish) counts
    for its author when the edit is substantial, and moves owner evidence to the page's current owner."""
    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    if not topics:
        return
    author = revision.user
    if author is not None and is_substantial(revision, previous):
        record_from_source(
            person=author, topics=topics, kind=EvidenceKind.PAGE_EDITED, source=page, occurred_at=revision.created_at
        )
    sync_ownership(page, topics=topics)


def sync_ownership(page: Page, *, topics) -> None:
    """Owner evidence follows the page's current owner and topics, dated from the latest publish.

    Reads the page's owner evidence once and writes only the differences: publishing runs this for every
    page, a whole handbook at a time during an import."""
    owner_id = getattr(page, "page_owner_id", None)
    source_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    existing = Evidence.objects.filter(kind=EvidenceKind.PAGE_OWNED, source_type=source_type, source_id=page.pk)
    current = {
        (person_id, topic_id): pk for pk, person_id, topic_id in existing.values_list("pk", "person_id", "topic_id")
    }
    wanted = {(owner_id, topic.pk) for topic in topics} if owner_id else set()
    now = timezone.now()
    with transaction.atomic():
        Evidence.objects.filter(pk__in=[pk for pair, pk in current.items() if pair not in wanted]).delete()
        existing.filter(pk__in=[pk for pair, pk in current.items() if pair in wanted]).update(occurred_at=now)
        Evidence.objects.bulk_create(
            Evidence(
                person_id=person_id,
                topic_id=topic_id,
                kind=EvidenceKind.PAGE_OWNED,
                source_type=source_type,
                source_id=page.pk,
                occurred_at=now,
                weight=OWNER_WEIGHT,
            )
            for person_id, topic_id in wanted - current.keys()
        )
        for person_id, topic_id in current.keys() | wanted:
            update_score(person_id=person_id, topic_id=topic_id)


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
