"""User groups and their forum sessions, the gaps people hit, and the revision tasks that close them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.managers import TaggableManager
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class GroupTopic(ItemBase):
    tag = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="user_group_links")
    content_object = models.ForeignKey("forums.UserGroup", on_delete=models.CASCADE, related_name="topic_links")

    class Meta:
        unique_together = [("content_object", "tag")]


class UserGroup(models.Model):
    """People who meet regularly (monthly, usually) about the processes they share."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    topics = TaggableManager(through=GroupTopic, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="user_groups")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="facilitated_groups"
    )
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("facilitator"),
        FieldPanel("members"),
        FieldPanel("topics"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("user group")

    def __str__(self) -> str:
        return self.name


class ForumSession(models.Model):
    group = models.ForeignKey(UserGroup, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    agenda = models.TextField(blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="forum_sessions")
    minutes = models.TextField(blank=True)

    panels = [
        FieldPanel("group"),
        FieldPanel("date"),
        FieldPanel("agenda"),
        FieldPanel("attendees"),
        FieldPanel("minutes"),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("forum session")
        constraints = [models.UniqueConstraint(fields=["group", "date"], name="one_session_per_group_and_day")]

    def __str__(self) -> str:
        return f"{self.group} · {self.date:%-d %b %Y}"


class GapTopic(ItemBase):
    tag = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="gap_links")
    content_object = models.ForeignKey("forums.Gap", on_delete=models.CASCADE, related_name="topic_links")

    class Meta:
        unique_together = [("content_object", "tag")]


class GapSource(models.TextChoices):
    FORUM = "forum", _("Forum session")
    SEARCH = "search", _("Search that found nothing")
    FEEDBACK = "feedback", _("“Not helpful” feedback")
    CHECK_IN = "check-in", _("Check-in question")
    DIRECT = "direct", _("Raised directly")


class GapStatus(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    IN_REVISION = "in-revision", _("In revision")
    RESOLVED = "resolved", _("Resolved")
    DECLINED = "declined", _("Declined")
    DUPLICATE = "duplicate", _("Duplicate")


OPEN_GAP_STATUSES = [GapStatus.NEW, GapStatus.TRIAGED, GapStatus.IN_REVISION]
CLOSED_GAP_STATUSES = [GapStatus.RESOLVED, GapStatus.DECLINED, GapStatus.DUPLICATE]


class Gap(models.Model):
    """Something missing or wrong in the wiki or in training, from wherever it was noticed."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    topics = TaggableManager(through=GapTopic, blank=True)
    source = models.CharField(max_length=20, choices=GapSource.choices, default=GapSource.DIRECT)
    session = models.ForeignKey(
        ForumSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gaps",
        help_text=_("Forum gaps only."),
    )
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_object = GenericForeignKey("source_type", "source_id")
    related_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="gaps"
    )
    related_material = models.ForeignKey(
        "wiki.TrainingMaterial", null=True, blank=True, on_delete=models.SET_NULL, related_name="gaps"
    )
    process = models.ForeignKey(
        "wiki.ProcessPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="process_gaps",
        help_text=_("The business process the gap is about, found from its page or material."),
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="gaps_raised"
    )
    status = models.CharField(max_length=20, choices=GapStatus.choices, default=GapStatus.NEW, db_index=True)
    decline_reason = models.TextField(blank=True)
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("session"), FieldPanel("related_page"), FieldPanel("related_material")],
            heading=_("Where it came from"),
        ),
        FieldPanel("process"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("triage_gap", "Can triage gaps into revision tasks")]
        indexes = [models.Index(fields=["status", "process"]), models.Index(fields=["source_type", "source_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"],
                condition=models.Q(source_id__isnull=False),
                name="one_gap_per_source_object",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="declined_gap_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("forums:gap", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_GAP_STATUSES


class Raiser(models.Model):
    """Someone who hit a gap: who raised it, who said "me too", and who raised a duplicate merged into it."""

    class How(models.TextChoices):
        RAISED = "raised", _("Raised it")
        ME_TOO = "me-too", _("Me too")
        MERGED = "merged", _("Raised a duplicate")

    gap = models.ForeignKey(Gap, on_delete=models.CASCADE, related_name="raisers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gaps_hit")
    how = models.CharField(max_length=10, choices=How.choices)
    merged_from = models.ForeignKey(Gap, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["gap", "person"], name="one_raiser_row_per_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.gap} · {self.get_how_display()}"


class TaskKind(models.TextChoices):
    PAGE = "page", _("Revise a wiki page")
    NEW_PAGE = "new-page", _("Write a new wiki page")
    MATERIAL = "material", _("Revise a training material")
    MATERIAL_REVIEW = "material-review", _("Review a material after its page changed")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in-progress", _("In progress")
    IN_REVIEW = "in-review", _("In review")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_TASK_STATUSES = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.IN_REVIEW]
PAGE_TASK_KINDS = [TaskKind.PAGE, TaskKind.NEW_PAGE]
MATERIAL_TASK_KINDS = [TaskKind.MATERIAL, TaskKind.MATERIAL_REVIEW]


class RevisionTask(models.Model):
    """One piece of revision work on a page or a training material, from a gap or from a page change.

    A page or material that is deleted later leaves the task in place (SET_NULL) with the title it had, so
    nobody's work is lost; `subject_title` says what it was about."""

    gap = models.ForeignKey(Gap, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField(max_length=20, choices=TaskKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="revision_tasks"
    )
    new_page_parent = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the new page goes (new-page tasks)."),
    )
    material = models.ForeignKey(
        "wiki.TrainingMaterial", null=True, blank=True, on_delete=models.SET_NULL, related_name="revision_tasks"
    )
    subject_title = models.CharField(max_length=255, help_text=_("The page or material title when the task opened."))
    instructions = models.TextField(blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="revision_tasks"
    )
    due_date = models.DateField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN, db_index=True)
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    material_reviewed_when_opened = models.DateField(null=True, blank=True, editable=False)
    trigger_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page revision whose publication asked for this review."),
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("assignee"),
        FieldPanel("due_date"),
        FieldPanel("instructions"),
    ]

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("revision task")
        indexes = [models.Index(fields=["status", "due_date"]), models.Index(fields=["assignee", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["material", "trigger_revision"],
                condition=models.Q(trigger_revision__isnull=False),
                name="one_review_per_material_and_revision",
            ),
            models.UniqueConstraint(
                fields=["gap", "kind"],
                condition=models.Q(gap__isnull=False) & ~models.Q(status="cancelled"),
                name="one_live_task_per_gap_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject_title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("forums:task", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TASK_STATUSES

    @property
    def subject_missing(self) -> bool:
        """The page or material was deleted after the task opened."""
        if self.kind == TaskKind.PAGE:
            return self.page_id is None
        if self.kind in MATERIAL_TASK_KINDS:
            return self.material_id is None
        return False

    def clean(self):
        """An assignee changed in the admin must still be able to do the work, by the rule triage applies."""
        from django.core.exceptions import ValidationError

        from forums.assignees import why_cannot_assign

        if self.assignee_id is None or not self.is_open:
            return
        reason = why_cannot_assign(
            self.assignee, kind=self.kind, page=self.page, new_page_parent=self.new_page_parent, material=self.material
        )
        if reason:
            raise ValidationError({"assignee": reason})

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today


class DismissedCandidate(models.Model):
    """A candidate gap (e.g. a not-helpful vote) a trainer decided is not a gap: kept, so it can be revisited."""

    key = models.CharField(max_length=100, unique=True, help_text=_("The candidate's key, e.g. feedback:12."))
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dismissed_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-dismissed_at"]

    def __str__(self) -> str:
        return self.key
