"""Ramp-up plans: role templates with milestones at day offsets, instantiated per onboarding with due dates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class PlanTemplate(ClusterableModel):
    name = models.CharField(max_length=150, unique=True)
    role = models.CharField(max_length=150, help_text=_("The role this plan is for, e.g. “Accounts payable clerk”."))
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("description"),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone"), min_num=1),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlanTemplateMilestone(Orderable, ClusterableModel):
    """A milestone of a template. Clusterable, so its topics and pages are saved with the template."""

    template = ParentalKey(PlanTemplate, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    day_offset = models.PositiveSmallIntegerField(
        help_text=_("Days after the start date it is due: 1 for day one, 7 for week one, 30, 60, 90…")
    )
    goals = models.TextField(blank=True, help_text=_("What the new hire can do by then, one goal a line."))
    pages = ParentalManyToManyField(
        "wiki.ArticlePage", blank=True, related_name="+", verbose_name=_("wiki pages to read")
    )
    topics = ParentalManyToManyField("expertise.Topic", blank=True, related_name="+", verbose_name=_("topics to learn"))

    panels = [
        FieldPanel("title"),
        FieldPanel("day_offset"),
        FieldPanel("goals"),
        FieldPanel("pages"),
        FieldPanel("topics"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["day_offset", "sort_order"]

    def __str__(self) -> str:
        return f"Day {self.day_offset}: {self.title}"


class Milestone(models.Model):
    """A milestone of one new hire's plan, with its own due date; the hire or the buddy ticks it."""

    onboarding = models.ForeignKey("buddies.Onboarding", on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    day_offset = models.PositiveSmallIntegerField()
    due_on = models.DateField(db_index=True)
    goals = models.TextField(blank=True)
    pages = models.ManyToManyField("wiki.ArticlePage", blank=True, related_name="+")
    topics = models.ManyToManyField("expertise.Topic", blank=True, related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)
    done_day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The day of the onboarding it was done on (day 1 is the start date).")
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title} (due {self.due_on:%-d %b})"

    @property
    def goal_lines(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]
