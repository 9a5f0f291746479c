"""Wagtail admin report: open gaps counted by business process, with how old the oldest is."""

import django_filters

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn, NumberColumn, TitleColumn

from forums.models import OPEN_GAP_STATUSES, GapSource
from onramp.spreadsheets import SafeReportView
from wiki.models import ProcessPage
from wiki.visibility import viewable


class OpenGapsFilterSet(WagtailFilterSet):
    source = django_filters.ChoiceFilter(
        label=gettext_lazy("Source"),
        choices=GapSource.choices,
        method="filter_source",
        empty_label=gettext_lazy("Any source"),
    )

    class Meta:
        model = ProcessPage
        fields = []

    def filter_source(self, queryset, name, value):
        # The counts themselves follow the source: see OpenGapsByProcessReport.get_queryset.
        return queryset


class OpenGapsByProcessReport(SafeReportView):
    page_title = gettext_lazy("Open gaps by process")
    header_icon = "warning"
    index_url_name = "forums_reports:open_gaps"
    index_results_url_name = "forums_reports:open_gaps_results"
    filterset_class = OpenGapsFilterSet
    any_permission_required = ["triage"]  # the policy adds the model name: forums.triage_gap
    columns = [
        TitleColumn(
            "title",
            label=gettext_lazy("Process"),
            get_url=lambda process: reverse("forums:dashboard") + f"?process={process.pk}",
        ),
        NumberColumn("open_gaps", label=gettext_lazy("Open gaps")),
        NumberColumn("new_gaps", label=gettext_lazy("Not triaged")),
        DateColumn("oldest", label=gettext_lazy("Oldest raised")),
    ]
    list_export = ["title", "open_gaps", "new_gaps", "oldest"]
    export_headings = {
        "title": gettext_lazy("Process"),
        "open_gaps": "Open gaps",
        "new_gaps": "Not triaged",
        "oldest": "Oldest raised",
    }

    @property
    def permission_policy(self):
        from wagtail.permission_policies import ModelPermissionPolicy

        from forums.models import Gap

        return ModelPermissionPolicy(Gap)

    def get_queryset(self):
        condition = Q(process_gaps__status__in=OPEN_GAP_STATUSES)
        source = self.request.GET.get("source", "")
        if source in GapSource.values:
            condition &= Q(process_gaps__source=source)
        return viewable(
            ProcessPage.objects.annotate(
                open_gaps=Count("process_gaps", filter=condition),
                new_gaps=Count("process_gaps", filter=condition & Q(process_gaps__status="new")),
                oldest=Min("process_gaps__created_at", filter=condition),
            )
            .filter(open_gaps__gt=0)
            .order_by("-open_gaps", "title"),
            self.request,
        )
