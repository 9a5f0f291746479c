"""The time zone a person's pages, dates and reminders follow: the one on their profile.

Read through `user.profile` (attribute access, so a profile already loaded costs no query, and Onramp's shared
modules import no app). A zone Onramp does not know, a blank one, a person without a profile and an anonymous
visitor all get the site's zone, settings.TIME_ZONE."""

from __future__ import annotations

from datetime import tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone


def zone_named(name: str | None) -> tzinfo:
    """The zone called `name`, or the site's zone when there is none by that name."""
    return (known_zone(name) if name else None) or timezone.get_default_timezone()


@lru_cache(maxsize=512)
def known_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return None


def zone_of(user) -> tzinfo:
    """The person's zone; the site's for an anonymous visitor or someone without a profile."""
    if user is None or not user.is_authenticated:
        return timezone.get_default_timezone()
    profile = getattr(user, "profile", None)  # a missing profile raises a subclass of AttributeError
    return zone_named(getattr(profile, "time_zone", None))
