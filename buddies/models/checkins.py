"""Check-ins between a new hire and their buddy, the questions raised in them, private notes and reminders."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CheckInQuerySet(models.QuerySet):
    def not_cancelled(self):
        return self.filter(cancelled_at__isnull=True)


class CheckIn(models.Model):
    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="check_ins")
    scheduled_for = models.DateField(db_index=True)
    held_on = models.DateField(null=True, blank=True)
    aims = models.TextField(_("what this session aims for"), blank=True, max_length=2000)
    learned = models.TextField(_("what was learned"), blank=True, max_length=2000)
    next_steps = models.TextField(blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A check-in planned by mistake (a wrong date) is cancelled, not deleted: it stays in the log, but is neither
    # upcoming nor missed, and no reminder is sent for it.
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["scheduled_for", "pk"]
        constraints = [models.UniqueConstraint(fields=["onboarding", "scheduled_for"], name="one_check_in_a_day")]

    def __str__(self) -> str:
        return f"Check-in on {self.scheduled_for:%-d %b %Y}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class CheckInQuestion(models.Model):
    """A question raised in a check-in that the wiki did not answer: its own row, so it can become a gap."""

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=500)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["raised_at", "pk"]

    def __str__(self) -> str:
        return self.text


class PrivateNote(models.Model):
    """A note only its author can ever read: not the hire, the manager, nor an admin."""

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="private_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=4000)
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return "Private note"


class CheckInReminder(models.Model):
    """A reminder sent: one row per check-in, person and kind, so a task run twice never reminds twice."""

    class Kind(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        MISSED = "missed", _("Missed")

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["check_in", "recipient", "kind"], name="one_reminder_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder for {self.check_in}"
