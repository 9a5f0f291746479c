from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from expertise.models import Team, Topic
from expertise.reports import TopicsWithoutAnExpertReport


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "description"]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description")]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ExpertiseViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, TeamViewSet)
    menu_icon = "group"
    menu_label = "Expertise"
    menu_name = "expertise"
    menu_order = 220


register_snippet(ExpertiseViewSetGroup)


@hooks.register("register_admin_urls")
def register_expertise_report_urls():
    urls = [
        path("topics-without-expert/", TopicsWithoutAnExpertReport.as_view(), name="topics_without_expert"),
        path(
            "topics-without-expert/results/",
            TopicsWithoutAnExpertReport.as_view(results_only=True),
            name="topics_without_expert_results",
        ),
    ]
    return [path("expertise/reports/", include((urls, "expertise_reports")))]


@hooks.register("register_reports_menu_item")
def register_topics_without_expert_report():
    return MenuItem(
        "Topics without an expert", reverse("expertise_reports:topics_without_expert"), icon_name="warning", order=60
    )
