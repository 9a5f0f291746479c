"""Giving a test's people model permissions by their dotted names ("forums.triage_gap")."""

from django.contrib.auth.models import Permission


def grant(user, *dotted: str) -> None:
    for name in dotted:
        app_label, codename = name.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
