"""Hours between people's time zones, for "who knows X" and for buddy matching; a person's day.

A zone Onramp does not know (saved before zones were checked, or dropped from the time-zone database) has no
known distance: `hours_apart` answers None rather than guess. Callers never count such a pair as near: "who
knows X" gives it no closeness bonus and no reason, matching scores it as far apart as its scale goes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone

from onramp.zones import zone_of


@lru_cache(maxsize=512)
def utc_offset_hours(zone: str, on: date) -> float | None:
    """The zone's offset from UTC at noon UTC on `on`, in hours (summer time counted); None for an unknown zone."""
    try:
        offset = datetime.combine(on, time(12), tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset()
    except (KeyError, ValueError):
        return None
    return offset.total_seconds() / 3600 if offset else 0.0


def hours_apart(zone_a: str, zone_b: str, *, on: date) -> float | None:
    """How many hours apart the two zones' clocks are on the day `on`; None when either zone is unknown."""
    offset_a, offset_b = utc_offset_hours(zone_a, on), utc_offset_hours(zone_b, on)
    if offset_a is None or offset_b is None:
        return None
    return abs(offset_a - offset_b)


def plural_count(hours: float) -> int:
    """The count that picks a plural form for a number of hours: whole hours count as themselves, a fraction
    (India is 5.5 hours from London) reads as many, as in "1.5 hours"."""
    return int(hours) if float(hours).is_integer() else 2


def today_for(user, *, now: datetime | None = None) -> date:
    """The date it is for `user` (in their profile's zone) at `now`: for background work that speaks of a
    person's day, where no request has activated their zone."""
    return timezone.localdate(now or timezone.now(), zone_of(user))
