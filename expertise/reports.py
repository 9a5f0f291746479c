import django_filters

from django.urls import reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn

from expertise.coverage import topics_without_an_expert
from expertise.models import Topic
from onramp.spreadsheets import SafeReportView


class TopicsWithoutAnExpertFilterSet(WagtailFilterSet):
    experts = django_filters.ChoiceFilter(
        label=gettext_lazy("Experts"),
        choices=[("0", "None"), ("1", "Only one")],
        method="filter_experts",
        empty_label=gettext_lazy("None or only one"),
    )

    class Meta:
        model = Topic
        fields = []

    def filter_experts(self, queryset, name, value):
        return queryset.filter(experts=int(value)) if value in {"0", "1"} else queryset


class TopicsWithoutAnExpertReport(SafeReportView):
    page_title = gettext_lazy("Topics without an expert")
    header_icon = "warning"
    index_url_name = "expertise_reports:topics_without_expert"
    index_results_url_name = "expertise_reports:topics_without_expert_results"
    filterset_class = TopicsWithoutAnExpertFilterSet
    columns = [
        TitleColumn(
            "name", label=gettext_lazy("Topic"), get_url=lambda topic: reverse("expertise:topic", args=[topic.slug])
        ),
        NumberColumn("experts", label=gettext_lazy("Experts or go-to people")),
        NumberColumn("practitioners", label=gettext_lazy("Practitioners")),
        Column("description", label=gettext_lazy("Description")),
    ]
    list_export = ["name", "experts", "practitioners"]
    export_headings = {"name": "Topic", "experts": "Experts", "practitioners": "Practitioners"}

    def get_queryset(self):
        return topics_without_an_expert()
