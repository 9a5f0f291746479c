"""What imports leave behind: each run with its report, which page came from which file, and the edit
history that became expertise evidence."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    class Kind(models.TextChoices):
        MARKDOWN = "markdown", _("Markdown tree")
        PEOPLE = "people", _("People (HR export)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.CharField(max_length=500, help_text=_("The folder, archive or file imported."))
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    report = models.TextField(blank=True)
    upload = models.FileField(upload_to="imports/", blank=True)
    history = models.FileField(
        _("edit history"),
        upload_to="imports/",
        blank=True,
        help_text=_("The CSV of edits uploaded with the tree, if any."),
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.source} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (100 if self.status == self.Status.DONE else 0)


class ImportedPage(models.Model):
    """Which wiki page a file became, so that importing again updates instead of duplicating."""

    under = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=500, help_text=_("The file or folder, relative to the imported tree."))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="import_sources")
    content_hash = models.CharField(max_length=64, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["under", "path"], name="one_page_per_imported_path")]

    def __str__(self) -> str:
        return self.path


class HistoryEdit(models.Model):
    """One commit's change to one imported page: the source of an edit's expertise evidence."""

    commit = models.CharField(max_length=64)
    path = models.CharField(max_length=500)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    edited_at = models.DateTimeField()
    added = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["commit", "path"], name="one_history_row_per_commit_and_path")]

    def __str__(self) -> str:
        return f"{self.commit} {self.path}"
