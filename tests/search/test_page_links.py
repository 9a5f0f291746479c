"""The Ask page's page links: the same search on the next page, not a new one."""

import pytest

from django.urls import reverse

from search.models import LoggedQuery
from tests.search.conftest import article

pytestmark = pytest.mark.django_db


def test_the_page_links_carry_the_logged_search_and_turning_a_page_logs_nothing_new(signed_in, corpus, home):
    for number in range(12):
        article(f"Invoice note {number}", summary="About an invoice.", parent=home)
    html = signed_in.get(reverse("search:ask"), {"q": "invoice", "area": ""}).content.decode()
    logged = LoggedQuery.objects.get()
    assert f'href="?q=invoice&amp;area=&amp;log={logged.pk}&amp;page=2" rel="next"' in html
    second = signed_in.get(reverse("search:ask"), {"q": "invoice", "area": "", "log": logged.pk, "page": 2})
    assert f'href="?q=invoice&amp;area=&amp;log={logged.pk}&amp;page=1" rel="prev"' in second.content.decode()
    assert LoggedQuery.objects.count() == 1
