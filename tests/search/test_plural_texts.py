"""A missed search's line in the gap queue reads right at one and at many."""

import pytest

from search.misses import miss_detail
from search.models import AskedText

pytestmark = pytest.mark.django_db


def test_missed_searches_count_right():
    group = AskedText(normalised="vendor block", example="vendor block")
    group.misses, group.nothing_found = 1, 0
    assert miss_detail(group) == "Asked 1 time without an answer."
    group.misses, group.nothing_found = 3, 1
    assert miss_detail(group) == "Asked 3 times without an answer; found nothing 1 time."
    group.nothing_found = 2
    assert miss_detail(group) == "Asked 3 times without an answer; found nothing 2 times."
