from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import GlossaryTerm
from search.reports import TopUnansweredSearchesReport


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["term", "expansion", "updated_at"]
    search_fields = ["term", "expansion", "synonyms", "definition"]
    ordering = ["term"]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    urls = [
        path("unanswered/", TopUnansweredSearchesReport.as_view(), name="unanswered"),
        path("unanswered/results/", TopUnansweredSearchesReport.as_view(results_only=True), name="unanswered_results"),
    ]
    return [path("search/reports/", include((urls, "search_reports")))]


class TriagersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("forums.triage_gap")


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_report():
    return TriagersMenuItem(
        _("Top unanswered searches"), reverse("search_reports:unanswered"), icon_name="search", order=80
    )
