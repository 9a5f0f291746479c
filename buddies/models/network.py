from django.conf import settings
from django.db import models
from django.utils import timezone


class GoToPerson(models.Model):
    """Someone a new hire should meet about one plan topic, with the reasons they were chosen."""

    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="go_to_people")
    topic = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="go_to_for")
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["topic__name", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["onboarding", "topic", "person"], name="one_go_to_per_topic_and_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.topic}"


class Introduction(models.Model):
    """The buddy introduced the new hire to this person: once per person, whichever topics they are go-to for."""

    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="introductions")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    introduced_at = models.DateTimeField(default=timezone.now)
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["introduced_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["onboarding", "person"], name="one_introduction_per_person")]

    def __str__(self) -> str:
        return f"{self.person} introduced in {self.onboarding}"
