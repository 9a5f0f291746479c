"""Raising gaps from anywhere, "me too", merging duplicates and declining: the rules every caller shares."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from expertise.models import Topic
from forums.gap_topics import suggest_gap_topics
from forums.models import CLOSED_GAP_STATUSES, OPEN_GAP_STATUSES, ForumSession, Gap, GapSource, GapStatus, Raiser
from forums.processes import process_of_material, process_of_page
from onramp.text import single_line
from wiki.models import TrainingMaterial

TITLE_MAX = 200


def existing_gap_for(source_object: Model) -> Gap | None:
    source_type = ContentType.objects.get_for_model(source_object, for_concrete_model=False)
    return Gap.objects.filter(source_type=source_type, source_id=source_object.pk).first()


@transaction.atomic
def raise_gap(
    *,
    title: str,
    description: str = "",
    topics: Iterable[Topic] | None = None,
    source: str,
    raised_by: AbstractBaseUser,
    related_page: Page | None = None,
    related_material: TrainingMaterial | None = None,
    source_object: Model | None = None,
    session: ForumSession | None = None,
) -> Gap:
    """Records a gap and tells the experts on its topics (after commit, in the background). The title is
    kept on one line, whatever the caller passed: it becomes the subject of the experts' emails.

    `topics` are the ones its raiser confirmed (an empty list is a choice too); None suggests them from the
    title, description, page and material (forums.gap_topics). `source_object` is what the gap came from (a
    feedback vote, a check-in, a search); raising the same object twice returns the gap it already became
    instead of a second one."""
    title = single_line(title or "")
    if not title:
        raise ValidationError({"title": _("Say in a few words what is missing or wrong.")})
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": _("Keep the title to %(count)d characters or fewer.") % {"count": TITLE_MAX}})
    if source not in GapSource.values:
        raise ValidationError({"source": _("“%(source)s” is not a source of gaps Onramp knows.") % {"source": source}})
    if source == GapSource.FORUM and session is None:
        raise ValidationError({"session": _("A gap from a forum needs the session it was raised at.")})
    if raised_by is None or not raised_by.is_authenticated:
        raise ValidationError(_("A gap needs the person who raised it."))
    if source_object is not None and (existing := existing_gap_for(source_object)) is not None:
        return existing
    if topics is None:
        topics = suggest_gap_topics(
            text=f"{title}\n{description or ''}", related_page=related_page, related_material=related_material
        )
    topics = list(topics)
    gap = Gap(
        title=title,
        description=(description or "").strip(),
        source=source,
        session=session,
        related_page=related_page,
        related_material=related_material,
        process=process_of_page(related_page) or process_of_material(related_material),
        raised_by=raised_by,
    )
    if source_object is not None:
        gap.source_type = ContentType.objects.get_for_model(source_object, for_concrete_model=False)
        gap.source_id = source_object.pk
    gap.full_clean(exclude=["topics"], validate_constraints=False)
    try:
        with transaction.atomic():
            gap.save()
    except IntegrityError:
        # Two clicks on the same candidate at once: the other one won.
        if source_object is not None and (existing := existing_gap_for(source_object)) is not None:
            return existing
        raise
    if topics:
        gap.topics.set(topics)
    Raiser.objects.create(gap=gap, person=raised_by, how=Raiser.How.RAISED, created_at=gap.created_at)
    from forums.tasks import notify_experts_of_gap

    transaction.on_commit(lambda: notify_experts_of_gap.delay(gap.pk))
    return gap


def me_too(*, gap: Gap, person: AbstractBaseUser) -> Raiser:
    """Adds `person` to the people who hit the gap; saying it twice is refused, even at the same moment."""
    if gap.status == GapStatus.DUPLICATE:
        raise ValidationError(_("This gap was merged into “%(gap)s”: say “me too” there.") % {"gap": gap.duplicate_of})
    if gap.status in CLOSED_GAP_STATUSES:
        raise ValidationError(_("This gap is already %(status)s.") % {"status": gap.get_status_display().lower()})
    try:
        with transaction.atomic():
            return Raiser.objects.create(gap=gap, person=person, how=Raiser.How.ME_TOO)
    except IntegrityError:
        already = Raiser.objects.filter(gap=gap, person=person).first()
        if already is not None and already.how == Raiser.How.RAISED:
            raise ValidationError(_("You raised this gap yourself; you are already on the list.")) from None
        raise ValidationError(_("You have already said “me too” on this gap.")) from None


@transaction.atomic
def merge_gaps(*, duplicate: Gap, into: Gap, by: AbstractBaseUser) -> Gap:
    """Closes `duplicate` as a duplicate of `into`; everyone who hit it moves across, and its topics too.

    The duplicate keeps its own raisers as history; nothing is deleted."""
    if not can_triage(by, duplicate) or not can_triage(by, into):
        raise PermissionDenied(_("Only trainers and the page owner may merge gaps."))
    duplicate = Gap.objects.select_for_update().get(pk=duplicate.pk)
    into = Gap.objects.select_for_update().get(pk=into.pk)
    if duplicate.pk == into.pk:
        raise ValidationError({"into": _("A gap cannot be merged into itself.")})
    if duplicate.status in CLOSED_GAP_STATUSES:
        raise ValidationError(
            _("“%(gap)s” is already %(status)s; it cannot be merged.")
            % {"gap": duplicate, "status": duplicate.get_status_display().lower()}
        )
    if into.status in [GapStatus.DECLINED, GapStatus.DUPLICATE]:
        raise ValidationError(
            {
                "into": _("“%(gap)s” is %(status)s; merge into an open gap.")
                % {"gap": into, "status": into.get_status_display().lower()}
            }
        )
    if duplicate.tasks.exclude(status="cancelled").exists():
        raise ValidationError(
            _("“%(gap)s” already has revision tasks: merge the other gap into it instead, or finish them first.")
            % {"gap": duplicate}
        )
    already = set(into.raisers.values_list("person_id", flat=True))
    for raiser in duplicate.raisers.all():
        if raiser.person_id not in already:
            Raiser.objects.create(gap=into, person_id=raiser.person_id, how=Raiser.How.MERGED, merged_from=duplicate)
            already.add(raiser.person_id)
    missing_topics = duplicate.topics.exclude(pk__in=into.topics.values("pk"))
    if missing_topics.exists():
        into.topics.add(*missing_topics)
    if into.related_page_id is None and duplicate.related_page_id is not None:
        into.related_page_id = duplicate.related_page_id
        into.process_id = into.process_id or duplicate.process_id
        into.save(update_fields=["related_page", "process"])
    duplicate.status = GapStatus.DUPLICATE
    duplicate.duplicate_of = into
    duplicate.closed_at = timezone.now()
    duplicate.save(update_fields=["status", "duplicate_of", "closed_at"])
    return into


def merge_targets(gap: Gap, query: str, *, by: AbstractBaseUser, limit: int = 10) -> list[Gap]:
    """Open gaps `gap` could be merged into that match `query` (every word in the title, or "#12" / "12" for a
    number), among those `by` may merge (can_triage); the gap's own process first, then the oldest."""
    words = (query or "").split()
    if not words:
        return []
    found = Gap.objects.filter(status__in=OPEN_GAP_STATUSES).exclude(pk=gap.pk)
    number = words[0].lstrip("#")
    if len(words) == 1 and number.isdigit():
        found = found.filter(pk=int(number))
    else:
        for word in words:
            found = found.filter(title__icontains=word)
    found = found.select_related("related_page", "process").order_by("created_at", "pk")
    same_process = [g for g in found if g.process_id and g.process_id == gap.process_id]
    others = [g for g in found if not (g.process_id and g.process_id == gap.process_id)]
    return [g for g in same_process + others if can_triage(by, g)][:limit]


@transaction.atomic
def decline_gap(*, gap: Gap, by: AbstractBaseUser, reason: str) -> Gap:
    """Closes a gap that will not be acted on; the reason is required and everyone who hit it hears it."""
    if not can_triage(by, gap):
        raise PermissionDenied(_("Only trainers and the page owner may decline gaps."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the gap is declined: the people who raised it will read it.")})
    gap = Gap.objects.select_for_update().get(pk=gap.pk)
    if gap.status in CLOSED_GAP_STATUSES:
        raise ValidationError(_("This gap is already %(status)s.") % {"status": gap.get_status_display().lower()})
    gap.tasks.filter(status__in=["open", "in-progress", "in-review"]).update(status="cancelled")
    gap.status = GapStatus.DECLINED
    gap.decline_reason = reason
    gap.closed_at = timezone.now()
    gap.save(update_fields=["status", "decline_reason", "closed_at"])
    from forums.tasks import notify_gap_closed

    transaction.on_commit(lambda: notify_gap_closed.delay(gap.pk))
    return gap


def can_triage(user: AbstractBaseUser, gap: Gap | None = None) -> bool:
    """Trainers (the `forums.triage_gap` permission) triage any gap; a page's owner triages gaps on it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("forums.triage_gap"):
        return True
    if gap is None or gap.related_page_id is None:
        return False
    page = gap.related_page.specific_deferred
    return getattr(page, "page_owner_id", None) == user.pk
