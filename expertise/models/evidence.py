"""Evidence that someone knows a topic, and the scores computed from it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EvidenceKind(models.TextChoices):
    PAGE_EDITED = "page-edited", _("Authored or substantially edited a page")
    PAGE_OWNED = "page-owned", _("Owns a page")
    PAGE_VERIFIED = "page-verified", _("Verified a page")
    GAP_RESOLVED = "gap-resolved", _("Resolved a gap")
    TASK_COMPLETED = "task-completed", _("Completed a revision task")
    ENDORSED = "endorsed", _("Endorsed by a colleague")
    SELF_ASSESSED = "self-assessed", _("Self-assessment")
    MANAGER_CONFIRMED = "manager-confirmed", _("Confirmed by their manager")
    ANSWER_ACCEPTED = "answer-accepted", _("Gave an answer the asker accepted")


class Evidence(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence")
    topic = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    weight = models.FloatField(default=1.0, validators=[MinValueValidator(0)])
    occurred_at = models.DateTimeField(default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence_given",
        help_text=_("The endorser or the confirming manager."),
    )
    reason = models.CharField(max_length=300, blank=True)
    # One change (a commit) that edited many pages at once, such as a rename across the wiki, is one piece of
    # work spread over them, not a piece of work on each: "who knows" counts how much of a change each is.
    change_share = models.FloatField(
        default=1.0,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("The share of one change this is: 1/n for one of n pages edited in the same change."),
    )
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        verbose_name_plural = _("evidence")
        indexes = [models.Index(fields=["person", "topic"]), models.Index(fields=["topic", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic", "kind", "given_by"],
                condition=models.Q(kind__in=["endorsed", "manager-confirmed", "self-assessed"]),
                name="one_endorsement_per_endorser_and_topic",
            ),
            models.UniqueConstraint(
                fields=["person", "topic", "kind", "source_type", "source_id"],
                condition=models.Q(source_id__isnull=False),
                name="one_evidence_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.topic} · {self.get_kind_display()}"


class SelfAssessment(models.Model):
    """One self-assessment of a topic; every one is kept, so people see their progress."""

    class Level(models.IntegerChoices):
        AWARE = 1, _("1 · Aware: I know it exists and where to read about it")
        GUIDED = 2, _("2 · Guided: I can do it with help or a procedure open")
        INDEPENDENT = 3, _("3 · Independent: I do it on my own, including the usual exceptions")
        ADVANCED = 4, _("4 · Advanced: I handle unusual cases and explain it to others")
        AUTHORITY = 5, _("5 · Authority: people come to me; I could write or change the process")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments")
    topic = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="self_assessments")
    level = models.PositiveSmallIntegerField(
        choices=Level.choices,
        validators=[
            MinValueValidator(1, "A level runs from 1 to 5."),
            MaxValueValidator(5, "A level runs from 1 to 5."),
        ],
    )
    note = models.CharField(max_length=300, blank=True)
    assessed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-assessed_at"]
        constraints = [models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="level_1_to_5")]

    def __str__(self) -> str:
        return f"{self.person} · {self.topic} · {self.level}/5"


class ExpertiseScore(models.Model):
    """The stored result of scoring one person on one topic (see expertise/scoring.py)."""

    class Level(models.TextChoices):
        LEARNING = "learning", _("Learning")
        PRACTITIONER = "practitioner", _("Practitioner")
        EXPERT = "expert", _("Expert")
        GO_TO = "go-to", _("Go-to person")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expertise_scores")
    topic = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="scores")
    score = models.FloatField(db_index=True)
    level = models.CharField(max_length=20, choices=Level.choices, db_index=True)
    rank = models.PositiveSmallIntegerField(
        default=0, help_text=_("0 learning … 3 go-to person, for sorting and maps.")
    )
    facts = models.JSONField(default=dict, help_text=_("What the reasons are written from."))
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "topic"], name="one_score_per_person_and_topic")]
        indexes = [models.Index(fields=["topic", "-score"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.topic} · {self.score:.1f}"
