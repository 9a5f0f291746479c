from django import template

from buddies import access, landing

register = template.Library()


@register.filter
def runs_a_program(user) -> bool:
    """Whether the person has a program dashboard: managers and program admins."""
    return access.manages_anyone(user)


@register.inclusion_tag("buddies/includes/home_onboarding.html", takes_context=True)
def home_onboarding(context) -> dict:
    """A new hire's own onboarding at a glance, for the home page: next check-in, next milestones, pages to
    read, buddy. Draws nothing for someone without an open onboarding."""
    return {"summary": landing.home_summary(context["request"])}
