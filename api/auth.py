"""The bearer token of api/site.py, and the caller's time zone: "today", "due" and "overdue" in an answer are the
person's day, as on their pages (where onramp.middleware.PersonTimeZoneMiddleware sets it from the session)."""

from django.utils import timezone

from wagtail.api.v3.auth import BearerTokenAuth

from onramp.zones import zone_of


class PersonTokenAuth(BearerTokenAuth):
    """Wagtail's bearer token; once it names a person, their zone is active for the rest of the request
    (PersonTimeZoneMiddleware, around every request, deactivates it afterwards)."""

    def authenticate(self, request, token: str):
        api_token = super().authenticate(request, token)
        if api_token is not None:
            timezone.activate(zone_of(request.user))
        return api_token
