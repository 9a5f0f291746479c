from datetime import date

import pytest

from expertise.time_zones import hours_apart

pytestmark = pytest.mark.django_db


def test_hours_apart_counts_summer_time_on_the_day():
    assert hours_apart("Europe/London", "Asia/Kolkata", on=date(2026, 1, 15)) == 5.5
    assert hours_apart("Asia/Kolkata", "Europe/London", on=date(2026, 7, 15)) == 4.5
    assert hours_apart("Europe/London", "UTC", on=date(2026, 1, 15)) == 0


def test_an_unknown_zone_has_no_distance():
    assert hours_apart("Europe/London", "Mars/Olympus", on=date(2026, 1, 15)) is None
    assert hours_apart("", "Europe/London", on=date(2026, 1, 15)) is None
