"""Wagtail admin report: the searches that most often found no answer. Who asked is shown to admins only."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn

from forums.models import Gap
from onramp.spreadsheets import SafeReportView
from search.misses import miss_groups
from search.models import AskedText, LoggedQuery

ASKERS_SHOWN = 5


class GapColumn(Column):
    def get_value(self, instance):
        return instance.gap_label


class TopUnansweredSearchesReport(SafeReportView):
    page_title = gettext_lazy("Top unanswered searches")
    header_icon = "search"
    index_url_name = "search_reports:unanswered"
    index_results_url_name = "search_reports:unanswered_results"
    any_permission_required = ["triage"]  # the policy adds the model name: forums.triage_gap

    @property
    def permission_policy(self):
        from wagtail.permission_policies import ModelPermissionPolicy

        return ModelPermissionPolicy(Gap)

    @property
    def shows_people(self) -> bool:
        return self.request.user.is_superuser

    @property
    def columns(self):
        columns = [
            Column("example", label=_("Question")),
            NumberColumn("misses", label=_("Unanswered")),
            NumberColumn("nothing_found", label=_("Found nothing")),
            DateColumn("last_asked_at", label=_("Last asked")),
            GapColumn("gap", label=_("Gap")),
        ]
        if self.shows_people:
            columns.append(Column("asked_by", label=_("Asked by")))
        return columns

    @property
    def list_export(self):
        fields = ["example", "normalised", "misses", "nothing_found", "last_asked_at", "gap_label"]
        return [*fields, "asked_by"] if self.shows_people else fields

    export_headings = {
        "example": "Question",
        "normalised": "Normalised",
        "misses": "Unanswered",
        "nothing_found": "Found nothing",
        "last_asked_at": "Last asked",
        "gap_label": "Gap",
        "asked_by": "Asked by",
    }

    def get_queryset(self):
        asked_type = ContentType.objects.get_for_model(AskedText)
        gaps = Gap.objects.filter(source_type=asked_type, source_id=OuterRef("pk"))
        return miss_groups(include_handled=True).annotate(
            gap_id=Subquery(gaps.values("pk")[:1]), gap_status=Subquery(gaps.values("status")[:1])
        )

    def decorate_paginated_queryset(self, object_list):
        groups = list(object_list)
        statuses = dict(Gap._meta.get_field("status").choices)
        askers: dict[int, list[str]] = {}
        if self.shows_people:
            rows = (
                LoggedQuery.objects.filter(asked__in=groups, user__isnull=False)
                .order_by("-created_at")
                .values_list("asked_id", "user__username")
            )
            for asked_id, username in rows:
                names = askers.setdefault(asked_id, [])
                if username not in names and len(names) < ASKERS_SHOWN:
                    names.append(username)
        for group in groups:
            group.gap_label = (
                f"#{group.gap_id} ({statuses.get(group.gap_status, group.gap_status)})" if group.gap_id else ""
            )
            group.asked_by = ", ".join(askers.get(group.pk, []))
        return groups
