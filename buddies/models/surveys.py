from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SURVEY_DAYS = (30, 60, 90)


def rating_field(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        validators=[MinValueValidator(1, "Choose from 1 to 5."), MaxValueValidator(5, "Choose from 1 to 5.")],
    )


class SurveyResponse(models.Model):
    """The new hire's answers at day 30, 60 or 90. Only they read them; program managers see aggregates."""

    class Day(models.IntegerChoices):
        DAY_30 = 30, _("Day 30")
        DAY_60 = 60, _("Day 60")
        DAY_90 = 90, _("Day 90")

    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="survey_responses")
    day = models.PositiveSmallIntegerField(choices=Day.choices)
    buddy_support = rating_field("support from my buddy")
    plan_clarity = rating_field("clarity of my plan")
    confidence = rating_field("my confidence in the job")
    comment = models.TextField(_("anything else"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["onboarding", "day"], name="one_survey_per_day")]

    def __str__(self) -> str:
        return f"Survey at day {self.day}"
