import django_filters

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from expertise.models import Topic
from forums.models import ForumSession, Gap, GapSource, GapStatus, RevisionTask, TaskKind, TaskStatus, UserGroup
from forums.page_problems import open_problems_on, pages_with_open_problems
from forums.reports import OpenGapsByProcessReport
from wiki.problems import KNOWN_ISSUES_HOOK, OPEN_PROBLEMS_HOOK


class GapFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=GapStatus.choices)
    source = django_filters.ChoiceFilter(choices=GapSource.choices)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topic_links__tag", queryset=Topic.objects.order_by("name")
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Raised between"))

    class Meta:
        model = Gap
        fields = ["status", "source", "process"]


class GapViewSet(SnippetViewSet):
    model = Gap
    icon = "warning"
    menu_label = _("Gaps")
    list_display = ["title", "status", "source", "process", "raised_by", "created_at"]
    list_filter = None
    filterset_class = GapFilterSet
    search_fields = ["title", "description"]
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True


class TaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)
    kind = django_filters.ChoiceFilter(choices=TaskKind.choices)
    due_date = django_filters.DateFromToRangeFilter(label=_("Due between"))

    class Meta:
        model = RevisionTask
        fields = ["status", "kind", "assignee"]


class RevisionTaskViewSet(SnippetViewSet):
    model = RevisionTask
    icon = "tasks"
    menu_label = _("Revision tasks")
    list_display = ["subject_title", "kind", "status", "assignee", "due_date"]
    list_filter = None
    filterset_class = TaskFilterSet
    search_fields = ["subject_title", "instructions"]
    ordering = ["due_date"]
    list_per_page = 50
    inspect_view_enabled = True


class UserGroupViewSet(SnippetViewSet):
    model = UserGroup
    icon = "group"
    menu_label = _("User groups")
    list_display = ["name", "facilitator"]
    list_filter = ["facilitator"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class SessionFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Held between"))

    class Meta:
        model = ForumSession
        fields = ["group", "date"]


class ForumSessionViewSet(SnippetViewSet):
    model = ForumSession
    icon = "date"
    menu_label = _("Forum sessions")
    list_display = ["group", "date"]
    list_filter = None
    filterset_class = SessionFilterSet
    search_fields = ["agenda", "minutes"]
    ordering = ["-date"]


class ForumsViewSetGroup(SnippetViewSetGroup):
    items = (GapViewSet, RevisionTaskViewSet, UserGroupViewSet, ForumSessionViewSet)
    menu_icon = "warning"
    menu_label = _("Forums and gaps")
    menu_name = "forums"
    menu_order = 230


register_snippet(ForumsViewSetGroup)


@hooks.register("register_admin_urls")
def register_forums_report_urls():
    urls = [
        path("open-gaps/", OpenGapsByProcessReport.as_view(), name="open_gaps"),
        path("open-gaps/results/", OpenGapsByProcessReport.as_view(results_only=True), name="open_gaps_results"),
    ]
    return [path("forums/reports/", include((urls, "forums_reports")))]


@hooks.register("register_reports_menu_item")
def register_open_gaps_report():
    return MenuItem(_("Open gaps by process"), reverse("forums_reports:open_gaps"), icon_name="warning", order=70)


# The wiki asks here what is open on its pages (wiki/problems.py): it may not import the forums.
hooks.register(OPEN_PROBLEMS_HOOK, open_problems_on)
hooks.register(KNOWN_ISSUES_HOOK, pages_with_open_problems)
