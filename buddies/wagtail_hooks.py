from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from buddies.access import VIEW_ALL
from buddies.models import BuddyProfile, Cohort, Onboarding, PlanTemplate


class ProgramAdminPolicy(ModelPermissionPolicy):
    """The program's admin screens are for program admins: the model permission alone is not enough, so a
    manager sees their team's onboardings in Onramp, never everyone's here. Private notes and survey
    answers have no admin screen at all."""

    def user_has_permission(self, user, action):
        return user.has_perm(VIEW_ALL) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return user.has_perm(VIEW_ALL) and super().user_has_any_permission(user, actions)


for program_model in (Onboarding, Cohort, PlanTemplate, BuddyProfile):
    register_permission_policy(program_model, ProgramAdminPolicy(program_model))


class OnboardingViewSet(SnippetViewSet):
    model = Onboarding
    icon = "user"
    menu_label = _("Onboardings")
    list_display = ["__str__", "status", "cohort", "buddy", "manager"]
    list_filter = ["status", "cohort"]
    search_fields = ["hire__first_name", "hire__last_name", "hire__username", "role"]
    ordering = ["-start_date"]
    panels = Onboarding.panels


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "date"
    menu_label = _("Cohorts")
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]
    ordering = ["-starts_on"]
    panels = Cohort.panels


class PlanTemplateViewSet(SnippetViewSet):
    model = PlanTemplate
    icon = "list-ol"
    menu_label = _("Ramp-up plans")
    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    ordering = ["name"]
    panels = PlanTemplate.panels


class BuddyProfileViewSet(SnippetViewSet):
    model = BuddyProfile
    icon = "group"
    menu_label = _("Buddies")
    list_display = ["__str__", "opted_in", "capacity", "coaching_trained_on"]
    list_filter = ["opted_in"]
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    ordering = ["user__first_name"]
    panels = BuddyProfile.panels


class BuddiesViewSetGroup(SnippetViewSetGroup):
    items = (OnboardingViewSet, CohortViewSet, PlanTemplateViewSet, BuddyProfileViewSet)
    menu_icon = "group"
    menu_label = _("Buddy program")
    menu_name = "buddies"
    menu_order = 230


register_snippet(BuddiesViewSetGroup)


@hooks.register("after_create_snippet")
def prepare_new_onboarding(request, instance):
    """An onboarding created in the admin gets its plan and check-in schedule, as one started in Onramp does."""
    if isinstance(instance, Onboarding):
        from buddies.checkins import schedule_check_ins
        from buddies.plans import instantiate_plan

        instantiate_plan(instance)
        schedule_check_ins(instance)
