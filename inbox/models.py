from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one person. `key` names the event it is about, so the same event never notifies twice."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40, help_text=_("What the notification is about, e.g. gap-resolved."))
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    reply_to = models.EmailField(
        blank=True,
        default="",
        db_default="",  # rows written without it (by an older process during a deploy) are valid too
        help_text=_("Where a reply to the email goes, e.g. the person who asked."),
    )
    key = models.CharField(max_length=200, help_text=_("Deduplication key: one notification per person and key."))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_key")]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
