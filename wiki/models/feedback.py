"""'Was this helpful?' votes on articles: the not-helpful ones feed the gap queue."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    class Reason(models.TextChoices):
        OUTDATED = "outdated", _("It is out of date")
        STEPS_MISSING = "steps-missing", _("Steps are missing")
        WRONG = "wrong", _("Something is wrong")
        UNCLEAR = "unclear", _("It is unclear")
        OTHER = "other", _("Something else")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    # The version voted on: the page's live revision at the time. Kept as a bare id (no database constraint),
    # so purging old revisions neither deletes votes nor merges them.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    helpful = models.BooleanField()
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="page_feedback"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        constraints = [
            # One vote per person and version of a page (votes from before versions were recorded count as
            # one version).
            models.UniqueConstraint(
                fields=["page", "user", "revision"],
                condition=models.Q(user__isnull=False, revision__isnull=False),
                name="one_feedback_per_person_and_version",
            ),
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=models.Q(user__isnull=False, revision__isnull=True),
                name="one_unversioned_feedback_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.page}"

    def clean(self):
        # A not-helpful vote may come without a reason (one click on "No"); a helpful one never carries one.
        if self.helpful:
            self.reason = ""
