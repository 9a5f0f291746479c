"""How a signed-in person is loaded on each request."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PeopleBackend(ModelBackend):
    """Django's model backend, loading the person together with their profile: every request reads the profile
    (its time zone, see onramp/zones.py), so one query serves both."""

    def get_user(self, user_id):
        people = get_user_model()._default_manager.select_related("profile")
        user = people.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
