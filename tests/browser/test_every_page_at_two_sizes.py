"""Every role's front-end pages at a phone's size (390×844) and a laptop's (1366×900): nothing wider than the
window, the header's controls within reach, no serious or critical accessibility finding, a screenshot of each."""

import re

import pytest

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}

# Paths found on the stack (the demo's pages and records have no fixed ids): name → Python expression.
LOOKUPS = {
    "process": "ProcessPage.objects.live().order_by('pk').first().url",
    "article": "ArticlePage.objects.live().filter(kind='procedure').order_by('pk').first().url",
    "owned article": "ArticlePage.objects.live().filter(page_owner__username='jim.okafor').order_by('pk').first().url",
    "jill's onboarding": "Onboarding.objects.filter(hire__username='jill.hartmann').order_by('pk').first().pk",
    "a gap": "Gap.objects.order_by('pk').first().pk",
}
IMPORTS = (
    "from wiki.models import ArticlePage, ProcessPage\n"
    "from buddies.models import Onboarding\n"
    "from forums.models import Gap"
)

# Each role's main pages, as the person the page is for sees them.
ROLES = {
    "new hire": (
        "jill.hartmann",
        [
            "/",
            "{process}",
            "{article}",
            "/ask/?q=how+do+I+post+an+accrual",
            "/map/",
            "/people/jim.okafor/",
            "/onboarding/",
            "/forums/gaps/",
            "/inbox/",
        ],
    ),
    "buddy": ("jim.okafor", ["/", "/onboarding/new-hires/", "/onboarding/{jill's onboarding}/", "/people/", "/inbox/"]),
    "trainer": ("carrie.lindqvist", ["/", "/forums/dashboard/", "/forums/gaps/{a gap}/", "/forums/tasks/"]),
    "manager": ("marty.keller", ["/", "/onboarding/program/", "/people/who-knows/?q=payment+run", "/map/?by=teams"]),
    "page owner": ("jim.okafor", ["{owned article}", "/forums/tasks/", "/people/jim.okafor/"]),
}


def header_controls_in_reach(page) -> list[str]:
    """What of search, Inbox and Sign out the person cannot see, after opening the menu if there is one."""
    menu_button = page.locator(".site-header .menu-button")
    if menu_button.is_visible() and page.locator(".site-header .menu[open]").count() == 0:
        menu_button.click()
    controls = {
        "search": page.locator(".site-header").get_by_role("searchbox"),
        "Inbox": page.locator(".site-header").get_by_role("link", name=re.compile("Inbox")),
        "Sign out": page.locator(".site-header").get_by_role("button", name="Sign out"),
    }
    unseen = [name for name, control in controls.items() if not control.is_visible()]
    for name, control in controls.items():
        box = control.bounding_box() if name not in unseen else None
        if box and box["x"] + box["width"] > page.viewport_size["width"]:
            unseen.append(f"{name} (off-screen)")
    return unseen


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def widest(page) -> list[str]:
    """The elements reaching past the window's right edge (what to fix when a page is too wide)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(-3).map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""
    )


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_fits_and_passes_axe(role, size, stack, visit):
    username, paths = ROLES[role]
    person = visit(username)
    person.page.set_viewport_size(SIZES[size])
    found = {}
    problems = []
    for number, template in enumerate(paths, start=1):
        for name in re.findall(r"\{([^}]+)\}", template):
            if name not in found:
                found[name] = stack.query(LOOKUPS[name], imports=IMPORTS)
        path = re.sub(r"\{([^}]+)\}", lambda match: str(found[match.group(1)]), template)
        response = person.page.goto(path)
        assert response.status == 200, path
        if (extra := overflow(person.page)) > 0:
            problems.append(f"{path}: {extra}px wider than the window: {widest(person.page)}")
        if unseen := header_controls_in_reach(person.page):
            problems.append(f"{path}: header controls out of reach: {', '.join(unseen)}")
        if size == "laptop":
            height = person.page.locator(".site-header").bounding_box()["height"]
            if height > 60:
                problems.append(f"{path}: the header wraps ({height}px high)")
        if overflow(person.page) > 0:
            problems.append(f"{path}: wider than the window with the menu open")
        if findings := person.serious_accessibility_violations():
            problems.append(f"{path}: {findings}")
        person.screenshot(f"sizes-{size}-{role.replace(' ', '-')}-{number}")
    assert not problems, "\n".join(problems)
