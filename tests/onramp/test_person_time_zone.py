"""The person's time zone is active for their request only; anonymous visitors get the site's zone."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from django.utils import timezone

from expertise.factories import make_person
from expertise.models import Profile
from onramp.middleware import PersonTimeZoneMiddleware

pytestmark = pytest.mark.django_db


def zone_during_request(user) -> str:
    seen = []
    request = RequestFactory().get("/")
    request.user = user
    PersonTimeZoneMiddleware(lambda request: seen.append(timezone.get_current_timezone_name()))(request)
    return seen[0]


@override_settings(TIME_ZONE="Europe/Berlin")
def test_anonymous_visitors_and_unknown_zones_get_the_sites_zone():
    assert zone_during_request(AnonymousUser()) == "Europe/Berlin"
    person = make_person("kiri.tane", time_zone="Pacific/Auckland")
    Profile.objects.filter(user=person).update(time_zone="Mars/Olympus_Mons")
    person.refresh_from_db()
    assert zone_during_request(person) == "Europe/Berlin"


def test_the_persons_zone_is_active_during_their_request_only():
    person = make_person("kiri.tane", time_zone="Pacific/Auckland")
    assert zone_during_request(person) == "Pacific/Auckland"
    assert timezone.get_current_timezone_name() == "UTC", "deactivated after the request"
