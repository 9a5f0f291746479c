from django import template

from buddies import access

register = template.Library()


@register.filter
def runs_a_program(user) -> bool:
    """Whether the person has a program dashboard: managers and program admins."""
    return access.manages_anyone(user)
