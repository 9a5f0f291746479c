"""What the project itself stores: background work waiting for the broker to come back."""

from django.db import models
from django.utils import timezone


class PendingTask(models.Model):
    """A Celery task that could not be handed to the broker (it was down); sent again once it answers.

    Requests that queue work keep succeeding while the broker is away, and none of that work is lost."""

    name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    queue = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} (waiting since {self.created_at:%Y-%m-%d %H:%M})"
