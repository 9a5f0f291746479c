"""'Was this helpful?' votes on articles: the not-helpful ones feed the gap queue."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    class Reason(models.TextChoices):
        OUTDATED = "outdated", "It is out of date"
        STEPS_MISSING = "steps-missing", "Steps are missing"
        WRONG = "wrong", "Something is wrong"
        UNCLEAR = "unclear", "It is unclear"
        OTHER = "other", "Something else"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="page_feedback"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(helpful=True) | ~models.Q(reason=""),
                name="not_helpful_feedback_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.page}"

    def clean(self):
        if not self.helpful and not self.reason:
            raise ValidationError({"reason": "Tell us what was wrong: choose a reason."})
        if self.helpful:
            self.reason = ""
