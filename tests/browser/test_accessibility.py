import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "profile": "/people/jim.okafor/",
    "expertise map": "/map/",
    "who knows": "/people/who-knows/?q=payment+run",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(name, visit):
    jill = visit("jill.hartmann")
    jill.page.goto(PAGES[name])
    assert jill.serious_accessibility_violations() == []


def test_an_article_has_no_serious_accessibility_violations(stack, visit):
    url = stack.query(
        "ArticlePage.objects.live().filter(kind='procedure').order_by('pk').first().url",
        imports="from wiki.models import ArticlePage",
    )
    jill = visit("jill.hartmann")
    jill.page.goto(url)
    assert jill.serious_accessibility_violations() == []
