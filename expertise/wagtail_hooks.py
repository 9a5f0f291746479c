from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from expertise.forms import ProfileAdminForm
from expertise.models import Profile, Team, Topic
from expertise.reports import TopicsWithoutAnExpertReport


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "description"]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description")]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "title", "team", "manager", "active"]
    list_filter = ["team", "active"]
    search_fields = ["display_name", "title", "user__first_name", "user__last_name"]
    ordering = ["user__first_name"]
    panels = [
        FieldPanel("display_name"),
        FieldPanel("title"),
        FieldPanel("team"),
        FieldPanel("manager"),
        FieldPanel("location"),
        FieldPanel("time_zone"),
        FieldPanel("start_date"),
        FieldPanel("active"),
        FieldPanel("ask_me_about"),
        FieldPanel("bio"),
        FieldPanel("chat_handle"),
        FieldPanel("out_of_office_until"),
        FieldPanel("question_capacity"),
    ]
    edit_handler = ObjectList(panels, base_form_class=ProfileAdminForm)


class ExpertiseViewSetGroup(SnippetViewSetGroup):
    items = (ProfileViewSet, TopicViewSet, TeamViewSet)
    menu_icon = "group"
    menu_label = _("Expertise")
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
        _("Topics without an expert"), reverse("expertise_reports:topics_without_expert"), icon_name="warning", order=60
    )
