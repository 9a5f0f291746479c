import pytest

pytestmark = pytest.mark.browser

# (who looks, what): each page as the person it is for sees it.
PAGES = {
    "home": ("jill.hartmann", "/"),
    "profile": ("jill.hartmann", "/people/jim.okafor/"),
    "expertise map": ("jill.hartmann", "/map/"),
    "who knows": ("jill.hartmann", "/people/who-knows/?q=payment+run"),
    "Ask": ("jill.hartmann", "/ask/?q=how+do+I+post+an+accrual"),
    "my onboarding": ("jill.hartmann", "/onboarding/"),
    "my new hires": ("jim.okafor", "/onboarding/new-hires/"),
    "program dashboard": ("marty.keller", "/onboarding/program/"),
    "trainer dashboard": ("carrie.lindqvist", "/forums/dashboard/"),
    "inbox": ("jill.hartmann", "/inbox/"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(name, visit):
    username, path = PAGES[name]
    person = visit(username)
    response = person.page.goto(path)
    assert response.status == 200
    assert person.serious_accessibility_violations() == []


def test_an_article_has_no_serious_accessibility_violations(stack, visit):
    url = stack.query(
        "ArticlePage.objects.live().filter(kind='procedure').order_by('pk').first().url",
        imports="from wiki.models import ArticlePage",
    )
    jill = visit("jill.hartmann")
    jill.page.goto(url)
    assert jill.serious_accessibility_violations() == []
