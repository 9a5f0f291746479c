"""How a signed-in person is loaded on each request."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from onramp import page_generation
from onramp.page_generation import ACCESS


class PeopleBackend(ModelBackend):
    """Django's model backend, loading the person together with their profile: every request reads the profile
    (its time zone, see onramp/zones.py), so one query serves both. A person's permissions (their own and their
    groups') are cached on the access generation (`onramp.page_generation.ACCESS`), which any group, permission
    or membership change moves on: most pages ask for one (the header's links), which would read them twice."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        permissions = getattr(user_obj, "_onramp_permissions", None)
        if permissions is None:
            permissions = page_generation.cached(
                f"people:permissions:{user_obj.pk}:superuser={user_obj.is_superuser}:access={ACCESS.current()}",
                lambda: {*self.get_user_permissions(user_obj), *self.get_group_permissions(user_obj)},
            )
            user_obj._onramp_permissions = permissions
        return permissions

    def get_user(self, user_id):
        people = get_user_model()._default_manager.select_related("profile")
        user = people.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
