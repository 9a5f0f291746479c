import django_filters

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wiki import admin_views, reports
from wiki.freshness import can_verify
from wiki.models import OwnedPage, TrainingMaterial
from wiki.visibility import viewable


@hooks.register("register_admin_urls")
def register_wiki_admin_urls():
    report_urls = [
        path("due/", reports.PagesDueForVerificationReport.as_view(), name="pages_due"),
        path(
            "due/results/", reports.PagesDueForVerificationReport.as_view(results_only=True), name="pages_due_results"
        ),
        path("not-helpful/", reports.PagesWithNotHelpfulFeedbackReport.as_view(), name="not_helpful"),
        path(
            "not-helpful/results/",
            reports.PagesWithNotHelpfulFeedbackReport.as_view(results_only=True),
            name="not_helpful_results",
        ),
    ]
    return [
        path("wiki/reports/", include((report_urls, "wiki_reports"))),
        path("wiki/pages/<int:page_id>/verify/", admin_views.verify_page_view, name="wiki_admin_verify"),
    ]


@hooks.register("register_reports_menu_item")
def register_pages_due_report():
    return MenuItem(_("Pages due for verification"), reverse("wiki_reports:pages_due"), icon_name="time", order=50)


@hooks.register("register_reports_menu_item")
def register_not_helpful_report():
    return MenuItem(
        _("Pages with not-helpful feedback"), reverse("wiki_reports:not_helpful"), icon_name="comment", order=51
    )


@hooks.register("register_page_header_buttons")
def verify_button(page, user, view_name, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, OwnedPage) and can_verify(specific, user):
        yield admin_views.VerifyButton(page=page, next_url=next_url)


@hooks.register("construct_page_chooser_queryset")
def leave_out_closed_sections(pages, request):
    """The page chooser browses the whole tree, whatever one may edit: it names only pages one may open."""
    return viewable(pages, request)


@hooks.register("construct_homepage_panels")
def add_my_pages_due_panel(request, panels):
    panels.append(admin_views.MyPagesDuePanel(request.user))


class TrainingMaterialFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=TrainingMaterial.Kind.choices)

    class Meta:
        model = TrainingMaterial
        fields = ["kind", "trainer"]


class TrainingMaterialViewSet(SnippetViewSet):
    model = TrainingMaterial
    icon = "doc-full-inverse"
    menu_label = _("Training materials")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "kind", "trainer", "last_reviewed"]
    list_filter = None
    filterset_class = TrainingMaterialFilterSet
    search_fields = ["title"]
    ordering = ["title"]


register_snippet(TrainingMaterialViewSet)
