"""Every wiki page has an owner who keeps it true, and a verification interval."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from wiki.freshness import FreshnessState, verification_due_at, verification_state

VERIFICATION_FIELDS = ("last_verified_at", "last_verified_by", "verification_due_at")


def default_interval() -> int:
    return settings.WIKI_DEFAULT_VERIFICATION_INTERVAL_DAYS


class OwnedPage(models.Model):
    """Abstract mixin for pages: an owner, a verification interval, and the last verification."""

    page_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page owner"),
        help_text=_("Keeps this page true and verifies it when it falls due."),
    )
    verification_interval_days = models.PositiveSmallIntegerField(
        _("verification interval (days)"),
        default=default_interval,
        validators=[MinValueValidator(1, "The verification interval must be at least one day.")],
        help_text=_("How often the owner must confirm the page is still correct."),
    )
    last_verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    verification_due_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    ownership_panels = [
        MultiFieldPanel(
            [FieldPanel("page_owner"), FieldPanel("verification_interval_days")],
            heading=_("Ownership and verification"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        self.verification_due_at = verification_due_at(
            last_verified_at=self.last_verified_at,
            first_published_at=self.first_published_at,
            interval_days=self.verification_interval_days or default_interval(),
        )
        if update_fields is not None and "verification_due_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "verification_due_at"]
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # A revision carries the fields as they were when it was drafted; a verification made since then
        # must survive the revision being published.
        obj = super().with_content_json(content)
        for field in VERIFICATION_FIELDS:
            setattr(obj, field, getattr(self, field))
        return obj

    @property
    def freshness(self) -> FreshnessState:
        from wiki.problems import has_known_issue

        due_at = self.verification_due_at or verification_due_at(
            last_verified_at=self.last_verified_at,
            first_published_at=self.first_published_at,
            interval_days=self.verification_interval_days,
        )
        return verification_state(
            due_at=due_at, last_verified_at=self.last_verified_at, known_issue=has_known_issue(self)
        )

    def get_context(self, request, *args, **kwargs):
        """What the owner card and the known-issue notice show: the open problems, read once for both, so
        the badge, the notice and the verify form agree; not-helpful votes only for those who may verify."""
        from wiki.forms import VerifyForm
        from wiki.freshness import can_verify
        from wiki.problems import known_issues, open_problems, readers_gaps

        context = super().get_context(request, *args, **kwargs)
        may_verify = can_verify(self, request.user)
        problems = open_problems(self, request, with_feedback=may_verify)
        context["may_verify"] = may_verify
        context["open_problems"] = problems if may_verify else []
        context["known_issues"] = known_issues(problems)
        context["known_issue_gaps"] = readers_gaps(problems)
        context["verify_form"] = VerifyForm(note_required=bool(problems)) if may_verify else None
        context["history"] = self.verifications.select_related("verified_by")[:5] if may_verify else []
        return context


class PageVerification(models.Model):
    """One "still correct" from an owner: the history behind a page's freshness badge."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="verifications")
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    verified_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True, help_text=_("Optional: what you checked."))

    class Meta:
        ordering = ["-verified_at"]
        get_latest_by = "verified_at"

    def __str__(self) -> str:
        return f"{self.page} verified {self.verified_at:%Y-%m-%d}"
