"""The expertise map's filters (expertise/filters.py): each value that names nothing is ignored on its own."""

import pytest

from django.contrib.auth.models import Group
from django.http import QueryDict
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

from expertise.factories import TeamFactory
from expertise.filters import CoverageMapFilterForm
from wiki.factories import ProcessPageFactory, UserFactory
from wiki.models import ProcessPage
from wiki.visibility import viewable

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    payroll_team = Group.objects.create(name="Payroll team")
    payroll = ProcessPageFactory(title="Payroll")
    restriction = PageViewRestriction.objects.create(page=payroll, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(payroll_team)
    return {"finance": ProcessPageFactory(title="Finance"), "payroll": payroll, "team": TeamFactory(slug="payables")}


def chosen(query: str) -> dict:
    request = RequestFactory().get("/")
    request.user = UserFactory()
    areas = viewable(ProcessPage.objects.live().filter(depth=3), request)
    return CoverageMapFilterForm(QueryDict(query), areas=areas).filters()


def test_the_map_filters_read_area_team_rows_and_page_size(places):
    assert chosen(f"area={places['finance'].pk}&team=payables&by=teams&per_page=50") == {
        "area": places["finance"],
        "team": places["team"],
        "by": "teams",
        "per_page": 50,
    }


def test_no_filter_is_the_whole_map_by_people(places):
    assert chosen("") == {"area": None, "team": None, "by": "people", "per_page": 100}


def test_a_restricted_area_is_no_choice(places):
    assert chosen(f"area={places['payroll'].pk}")["area"] is None


@pytest.mark.parametrize("area", ["999999", "abc", "²", "١", "-1", "9" * 30])
def test_an_area_that_names_nothing_is_ignored_and_the_rest_still_filters(places, area):
    assert chosen(f"area={area}&team=payables&by=teams") == {
        "area": None,
        "team": places["team"],
        "by": "teams",
        "per_page": 100,
    }


def test_an_unknown_team_rows_or_page_size_fall_back(places):
    assert chosen("team=nobody&by=columns&per_page=abc") == {
        "area": None,
        "team": None,
        "by": "people",
        "per_page": 100,
    }
    assert chosen("per_page=5000")["per_page"] == 300
    assert chosen("per_page=١٢")["per_page"] == 100
