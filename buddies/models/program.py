"""The buddy program: its settings, who volunteers as a buddy, cohorts, onboardings and the pairing history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def weight_field(default: float, help_text: str) -> models.FloatField:
    return models.FloatField(
        default=default, validators=[MinValueValidator(0), MaxValueValidator(100)], help_text=help_text
    )


@register_setting(icon="group")
class BuddyProgramSettings(BaseGenericSetting):
    """How buddies are matched and how the program runs: edited by program admins in the Wagtail admin."""

    same_team_weight = weight_field(3.0, "Points when the buddy works in the new hire's team.")
    process_areas_weight = weight_field(2.0, "Points when the buddy covers all the process areas of the new hire.")
    plan_topics_weight = weight_field(3.0, "Points when the buddy knows every topic of the ramp-up plan.")
    time_zone_weight = weight_field(2.0, "Points for the same time zone; nothing at twelve hours or more apart.")
    load_weight = weight_field(1.0, "Points for a buddy with nobody to coach yet; less as their load grows.")
    experience_weight = weight_field(1.0, "Points for three or more earlier new hires coached.")
    coaching_training_weight = weight_field(1.0, "Points for a buddy who completed the coaching training.")

    default_capacity = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1)], help_text=_("New hires a buddy coaches at once unless they say.")
    )
    minimum_tenure_months = models.PositiveSmallIntegerField(
        default=6, help_text=_("How long someone must have worked here before they can be a buddy.")
    )
    weekly_check_in_weeks = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(0)], help_text=_("Weekly check-ins for this many weeks…")
    )
    later_check_in_every_days = models.PositiveSmallIntegerField(
        default=14, validators=[MinValueValidator(1)], help_text=_("…then a check-in every this many days…")
    )
    program_length_days = models.PositiveSmallIntegerField(
        default=90, validators=[MinValueValidator(7)], help_text=_("…until this many days after the start date.")
    )
    missed_after_days = models.PositiveSmallIntegerField(
        default=2, help_text=_("A check-in not held this many days after its date counts as missed.")
    )
    low_survey_score = models.FloatField(
        default=3.0,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("A survey averaging below this puts the onboarding on the at-risk list."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("same_team_weight"),
                FieldPanel("process_areas_weight"),
                FieldPanel("plan_topics_weight"),
                FieldPanel("time_zone_weight"),
                FieldPanel("load_weight"),
                FieldPanel("experience_weight"),
                FieldPanel("coaching_training_weight"),
            ],
            heading=_("Matching weights"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_capacity"), FieldPanel("minimum_tenure_months")], heading=_("Who can be a buddy")
        ),
        MultiFieldPanel(
            [
                FieldPanel("weekly_check_in_weeks"),
                FieldPanel("later_check_in_every_days"),
                FieldPanel("program_length_days"),
                FieldPanel("missed_after_days"),
                FieldPanel(
                    "low_survey_score",
                    help_text=_(
                        "A cohort's survey averaging below this (from three answers on) is flagged on the "
                        "program page. One person's answers are never shown or flagged to anyone but them."
                    ),
                ),
            ],
            heading=_("Check-ins and risk"),
        ),
    ]

    class Meta:
        verbose_name = _("buddy program settings")


class BuddyProfile(models.Model):
    """Someone who volunteered as an integration buddy, and what they bring."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_profile")
    opted_in = models.BooleanField(_("available as a buddy"), default=True)
    capacity = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("New hires at once; empty means the program default."),
    )
    coaching_trained_on = models.DateField(
        null=True, blank=True, help_text=_("When they completed the coaching training, if they did.")
    )
    process_areas = models.ManyToManyField(
        "wiki.ProcessPage",
        blank=True,
        related_name="buddies",
        help_text=_("The process areas they know their way round."),
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("opted_in"),
        FieldPanel("capacity"),
        FieldPanel("coaching_trained_on"),
        FieldPanel("process_areas"),
    ]

    class Meta:
        ordering = ["user__first_name", "user__last_name"]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Cohort(models.Model):
    """A round of the program: its new hires start together, and it ends and is reviewed."""

    name = models.CharField(max_length=100, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    review_notes = models.TextField(blank=True, help_text=_("What went well and what to change, once it ends."))

    panels = [FieldPanel("name"), FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("review_notes")]

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            raise ValidationError({"ends_on": _("A cohort cannot end before it starts.")})


class OnboardingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft, to confirm")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ENDED_EARLY = "ended-early", _("Ended early")


OPEN_STATUSES = [OnboardingStatus.PLANNED, OnboardingStatus.ACTIVE]


class Onboarding(models.Model):
    hire = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="onboardings")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text=_("When the program ends (or ended) for this hire."))
    role = models.CharField(max_length=150, blank=True)
    team = models.ForeignKey("expertise.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="managed_onboardings"
    )
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buddy_onboardings",
        help_text=_("Change the buddy from the onboarding's page, so the reason is recorded."),
    )
    cohort = models.ForeignKey(Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="onboardings")
    plan_template = models.ForeignKey(
        "buddies.PlanTemplate", null=True, blank=True, on_delete=models.SET_NULL, related_name="onboardings"
    )
    process_areas = models.ManyToManyField("wiki.ProcessPage", blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=OnboardingStatus.choices, default=OnboardingStatus.PLANNED)
    suggested_buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A draft's best match when it was made: the program admin confirms it or chooses another."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("hire"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("role"),
        FieldPanel("team"),
        FieldPanel("manager"),
        FieldPanel("cohort"),
        FieldPanel("plan_template"),
        FieldPanel("process_areas"),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["-start_date", "pk"]
        permissions = [("view_all_onboardings", "Can see and run every onboarding (program admin)")]
        indexes = [models.Index(fields=["status", "start_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["hire"], condition=models.Q(status__in=OPEN_STATUSES), name="one_open_onboarding_per_hire"
            ),
            models.UniqueConstraint(
                fields=["hire"], condition=models.Q(status=OnboardingStatus.DRAFT), name="one_draft_onboarding_per_hire"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="onboarding_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hire.get_full_name() or self.hire.get_username()} from {self.start_date:%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_draft(self) -> bool:
        return self.status == OnboardingStatus.DRAFT

    def clean(self):
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError({"end_date": _("The end date must be on or after the start date.")})
        if self.buddy_id and self.buddy_id == self.hire_id:
            raise ValidationError({"buddy": _("A new hire cannot be their own buddy.")})


class BuddyAssignment(models.Model):
    """One pairing of a buddy with a new hire; re-pairing ends the old one, so the history stays."""

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="assignments")
    buddy = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    breakdown = models.JSONField(default=list, blank=True)
    overridden = models.BooleanField(default=False, help_text=_("The manager chose someone other than the best match."))
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-assigned_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["onboarding"], condition=models.Q(ended_at__isnull=True), name="one_current_buddy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.buddy} for {self.onboarding}"
