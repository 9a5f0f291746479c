"""Recording evidence: each function writes evidence in one transaction and updates the stored score."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from expertise.models import Evidence, EvidenceKind, SelfAssessment, Topic
from expertise.scoring import self_assessment_weight, update_score

ENDORSEMENT_REASON_MAX = 300


def record_from_source(
    *,
    person: AbstractBaseUser,
    topics: list[Topic],
    kind: str,
    source: Model,
    occurred_at: datetime | None = None,
    weight: float = 1.0,
) -> None:
    """One piece of evidence per person, topic, kind and source object; a repeat moves its date forward."""
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        for topic in topics:
            Evidence.objects.update_or_create(
                person=person,
                topic=topic,
                kind=kind,
                source_type=source_type,
                source_id=source.pk,
                defaults={"occurred_at": occurred_at, "weight": weight},
            )
            update_score(person_id=person.pk, topic_id=topic.pk)


@transaction.atomic
def endorse(*, endorser: AbstractBaseUser, person: AbstractBaseUser, topic: Topic, reason: str) -> Evidence:
    """A colleague vouches for a person on a topic; endorsing again updates the reason, never duplicates."""
    if endorser.pk == person.pk:
        raise ValidationError(_("You cannot endorse yourself."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say in a few words why: what did you see them do?")})
    if len(reason) > ENDORSEMENT_REASON_MAX:
        raise ValidationError(
            {"reason": _("Keep the reason to %(count)d characters or fewer.") % {"count": ENDORSEMENT_REASON_MAX}}
        )
    evidence, _created = Evidence.objects.update_or_create(
        person=person,
        topic=topic,
        kind=EvidenceKind.ENDORSED,
        given_by=endorser,
        defaults={"reason": reason, "occurred_at": timezone.now(), "weight": 1.0},
    )
    update_score(person_id=person.pk, topic_id=topic.pk)
    return evidence


@transaction.atomic
def self_assess(
    *, person: AbstractBaseUser, topic: Topic, level: int, note: str = "", at: datetime | None = None
) -> SelfAssessment:
    """Keeps every self-assessment as history; the latest one is the evidence that counts."""
    if level not in SelfAssessment.Level.values:
        raise ValidationError({"level": _("A level runs from 1 to 5.")})
    assessment = SelfAssessment(
        person=person, topic=topic, level=level, note=note.strip(), assessed_at=at or timezone.now()
    )
    assessment.full_clean()
    assessment.save()
    Evidence.objects.update_or_create(
        person=person,
        topic=topic,
        kind=EvidenceKind.SELF_ASSESSED,
        given_by=person,
        defaults={"weight": self_assessment_weight(level), "occurred_at": assessment.assessed_at},
    )
    update_score(person_id=person.pk, topic_id=topic.pk)
    return assessment


@transaction.atomic
def confirm_by_manager(
    *, manager: AbstractBaseUser, person: AbstractBaseUser, topic: Topic, note: str = ""
) -> Evidence:
    profile = getattr(person, "profile", None)
    if profile is None or profile.manager_id != manager.pk:
        raise ValidationError(_("Only the person's manager can confirm their expertise."))
    evidence, _created = Evidence.objects.update_or_create(
        person=person,
        topic=topic,
        kind=EvidenceKind.MANAGER_CONFIRMED,
        given_by=manager,
        defaults={"reason": note.strip()[:ENDORSEMENT_REASON_MAX], "occurred_at": timezone.now(), "weight": 2.0},
    )
    update_score(person_id=person.pk, topic_id=topic.pk)
    return evidence
