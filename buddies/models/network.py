from django.conf import settings
from django.db import models


class GoToPerson(models.Model):
    """Someone a new hire should meet about one plan topic, with the reasons they were chosen."""

    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="go_to_people")
    topic = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="go_to_for")
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    introduced_at = models.DateTimeField(null=True, blank=True)
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["topic__name", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["onboarding", "topic", "person"], name="one_go_to_per_topic_and_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.topic}"
