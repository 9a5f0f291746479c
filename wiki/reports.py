"""Wagtail admin reports: pages due for verification, and pages readers found not helpful."""

import django_filters

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from onramp.spreadsheets import SafeReportView
from wiki.freshness import Freshness, pages_due, stale_after, verification_state
from wiki.models import PageFeedback
from wiki.problems import mark_known_issues
from wiki.visibility import viewable


def page_edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class OwnerFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, value):
        return qs.filter(owned_by_id=value.pk) if value else qs


class DueFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=[(Freshness.DUE.value, "Due"), (Freshness.STALE.value, "Stale")],
        method="filter_state",
        empty_label=gettext_lazy("Due or stale"),
    )
    owner = OwnerFilter(
        label=gettext_lazy("Owner"), queryset=lambda request: get_user_model().objects.order_by("first_name")
    )

    class Meta:
        model = Page
        fields = []

    def filter_state(self, queryset, name, value):
        stale_before = timezone.now() - stale_after()
        if value == Freshness.STALE:
            return queryset.filter(due_at__lte=stale_before)
        if value == Freshness.DUE:
            return queryset.filter(due_at__gt=stale_before)
        return queryset


def state_of(page) -> str:
    """The page's state as its badge says it, with the timing a known issue hides."""
    return verification_state(
        due_at=page.due_at, last_verified_at=page.verified_at, known_issue=getattr(page, "_known_issue", False)
    ).summary


class FreshnessColumn(Column):
    def get_value(self, instance):
        return state_of(instance)


class OwnerColumn(Column):
    def get_value(self, instance):
        owner = instance.page_owner
        return (owner.get_full_name() or owner.get_username()) if owner else "No owner"


class WikiPageReport(SafeReportView):
    """A report on pages, open to anyone who may add, edit or publish pages."""

    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()


class PagesDueForVerificationReport(WikiPageReport):
    page_title = gettext_lazy("Pages due for verification")
    header_icon = "time"
    index_url_name = "wiki_reports:pages_due"
    index_results_url_name = "wiki_reports:pages_due_results"
    filterset_class = DueFilterSet
    columns = [
        TitleColumn("title", label=gettext_lazy("Page"), get_url=page_edit_url),
        OwnerColumn("owner", label=gettext_lazy("Owner")),
        FreshnessColumn("state", label=gettext_lazy("State")),
        DateColumn("due_at", label=gettext_lazy("Due")),
        DateColumn("verified_at", label=gettext_lazy("Last verified")),
    ]
    list_export = ["title", "owner_name", "state", "due_at", "verified_at"]
    export_headings = {"owner_name": "Owner", "state": "State", "due_at": "Due", "verified_at": "Last verified"}

    def get_queryset(self):
        return viewable(pages_due(), self.request)

    def decorate_paginated_queryset(self, object_list):
        pages = mark_known_issues(object_list)
        owners = get_user_model().objects.in_bulk([page.owned_by_id for page in pages if page.owned_by_id])
        for page in pages:
            page.page_owner = owners.get(page.owned_by_id)
            page.owner_name = OwnerColumn("owner").get_value(page)
            page.state = state_of(page)
        return pages


class NotHelpfulFilterSet(WagtailFilterSet):
    reason = django_filters.ChoiceFilter(
        label=gettext_lazy("Reason"),
        choices=PageFeedback.Reason.choices,
        method="filter_reason",
        empty_label=gettext_lazy("Any reason"),
    )
    since = django_filters.DateFilter(label=gettext_lazy("Feedback since"), method="filter_since")

    class Meta:
        model = Page
        fields = []

    def filter_reason(self, queryset, name, value):
        return queryset.filter(feedback__helpful=False, feedback__reason=value).distinct() if value else queryset

    def filter_since(self, queryset, name, value):
        return (
            queryset.filter(feedback__helpful=False, feedback__created_at__date__gte=value).distinct()
            if value
            else queryset
        )


class PagesWithNotHelpfulFeedbackReport(WikiPageReport):
    page_title = gettext_lazy("Pages with not-helpful feedback")
    header_icon = "comment"
    index_url_name = "wiki_reports:not_helpful"
    index_results_url_name = "wiki_reports:not_helpful_results"
    filterset_class = NotHelpfulFilterSet
    columns = [
        TitleColumn("title", label=gettext_lazy("Page"), get_url=page_edit_url),
        NumberColumn("not_helpful", label=gettext_lazy("Not helpful")),
        NumberColumn("helpful", label=gettext_lazy("Helpful")),
        Column("latest_reason_label", label=gettext_lazy("Latest reason")),
        Column("latest_comment", label=gettext_lazy("Latest comment")),
        DateColumn("latest_at", label=gettext_lazy("Latest")),
    ]
    list_export = ["title", "not_helpful", "helpful", "latest_reason_label", "latest_comment", "latest_at"]
    export_headings = {
        "not_helpful": "Not helpful",
        "helpful": "Helpful",
        "latest_reason_label": "Latest reason",
        "latest_comment": "Latest comment",
        "latest_at": "Latest",
    }

    def get_queryset(self):
        latest = PageFeedback.objects.filter(page=OuterRef("pk"), helpful=False).order_by("-created_at")
        return viewable(
            Page.objects.annotate(
                not_helpful=Count("feedback", filter=Q(feedback__helpful=False), distinct=True),
                helpful=Count("feedback", filter=Q(feedback__helpful=True), distinct=True),
                latest_reason=Subquery(latest.values("reason")[:1]),
                latest_comment=Subquery(latest.values("comment")[:1]),
                latest_at=Subquery(latest.values("created_at")[:1]),
            )
            .filter(not_helpful__gt=0)
            .order_by("-not_helpful", "-latest_at"),
            self.request,
        )

    def decorate_paginated_queryset(self, object_list):
        labels = dict(PageFeedback.Reason.choices)
        pages = list(object_list)
        for page in pages:
            # A not-helpful vote may come without a reason (one click on "No").
            page.latest_reason_label = labels.get(page.latest_reason) or gettext("No reason given")
        return pages
