"""The forms #16 made quicker, on a phone (390×844): a reader's one-click "No", a trainer merging a duplicate gap by
searching for the gap it duplicates, and triage through pickers narrowed to the gap's process, filtered by typing."""

from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser

GAP_IMPORTS = "from django.contrib.auth import get_user_model\nfrom forums.gaps import raise_gap"


def visible_options(visitor, select_id: str) -> list[str]:
    """The texts of the options the picker's filter box leaves in sight (the empty choice aside)."""
    return visitor.page.evaluate(
        "(id) => [...document.getElementById(id).options].filter((o) => o.value && !o.hidden)"
        ".map((o) => o.textContent.trim())",
        select_id,
    )


@pytest.fixture
def size() -> str:
    """Only a phone's size: the people's journeys already run at both."""
    return "phone"


def test_one_click_feedback_merging_by_search_and_filtered_pickers_on_a_phone(stack, visit, size):
    page_id, page_url, page_title = stack.query(
        "[[p.pk, p.url, p.title] for p in ArticlePage.objects.live().filter(page_owner__username='jim.okafor')"
        ".order_by('pk')][2]",
        imports="from wiki.models import ArticlePage",
    )

    # A reader says "not helpful" in one click, without giving a reason (the demo may hold her older votes).
    votes = f"PageFeedback.objects.filter(page_id={page_id}, user__username='jill.hartmann')"
    earlier = stack.query(f"list({votes}.values_list('pk', flat=True))", imports="from wiki.models import PageFeedback")
    jill = visit("jill.hartmann")
    jill.page.goto(page_url)
    jill.page.locator("#feedback").get_by_role("button", name="No", exact=True).click()
    jill.page.wait_for_url("**?feedback=thanks*")
    assert "Thank you for your feedback" in jill.page.locator("#feedback").inner_text()
    new_votes = stack.query(
        f"list({votes}.exclude(pk__in={earlier!r}).values_list('helpful', 'reason'))",
        imports="from wiki.models import PageFeedback",
    )
    assert new_votes == [[False, ""]]
    jill.screenshot("6-phone-reader-said-not-helpful-in-one-click")

    # Two gaps about the same thing, raised by two people.
    def raise_(title: str, username: str) -> int:
        return stack.query(
            f"raise_gap(title={title!r}, source='direct', related_page=ArticlePage.objects.get(pk={page_id}),"
            f" raised_by=get_user_model().objects.get(username={username!r})).pk",
            imports=GAP_IMPORTS + "\nfrom wiki.models import ArticlePage",
        )

    original_title = "The remittance advice codes are explained nowhere"
    original = raise_(original_title, "jill.hartmann")
    duplicate_title = "What does code 07 on a remittance mean?"
    duplicate = raise_(duplicate_title, "ben.ashworth")

    # The trainer finds the duplicate in the gap list and merges it by searching for the original's words.
    carrie = visit("carrie.lindqvist")
    carrie.page.goto("/")
    carrie.follow_menu("Gaps")
    carrie.page.get_by_role("link", name=duplicate_title).click()
    carrie.page.get_by_label("Find the gap it duplicates").fill("remittance advice codes")
    carrie.page.get_by_role("button", name="Find").click()
    carrie.page.wait_for_url("**merge_q=*")
    carrie.page.get_by_label(f"#{original} {original_title}").check()
    carrie.screenshot("6-phone-trainer-found-the-gap-it-duplicates")
    carrie.page.get_by_role("button", name="Merge", exact=True).click()
    carrie.page.wait_for_url(f"**/forums/gaps/{original}/")
    assert "Merged into" in carrie.page.get_by_role("status").first.inner_text()
    merged = stack.query(
        f"list(Gap.objects.filter(pk={duplicate}).values_list('status', 'duplicate_of_id'))",
        imports="from forums.models import Gap",
    )
    assert merged == [["duplicate", original]]

    # Triage: the pickers offer the gap's process and the people who may edit its page; typing filters them.
    carrie.page.get_by_role("link", name="Triage into tasks").click()
    carrie.page.wait_for_url("**/triage/")
    narrowed = len(visible_options(carrie, "id_page"))
    assert carrie.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "wider than the phone"
    carrie.page.get_by_role("link", name="Show every page and person").click()
    carrie.page.wait_for_url("**/triage/?everyone=1")
    assert len(visible_options(carrie, "id_page")) > narrowed
    word = max(page_title.split(), key=len)
    carrie.page.locator('input.picker-filter[aria-controls="id_page"]').fill(word.lower())
    shown = visible_options(carrie, "id_page")
    assert page_title in shown and all(word.lower() in text.lower() for text in shown)
    carrie.page.get_by_label("Page to revise").select_option(label=page_title)
    carrie.page.locator('input.picker-filter[aria-controls="id_page_assignee"]').fill("okafor")
    assert visible_options(carrie, "id_page_assignee") == ["Jim Okafor"]
    carrie.page.get_by_label("Page task assignee").select_option(label="Jim Okafor")
    carrie.page.get_by_label("Page task due").fill((date.today() + timedelta(days=7)).isoformat())
    carrie.screenshot("6-phone-trainer-filtered-the-pickers")
    carrie.page.get_by_role("button", name="Open the tasks").click()
    assert "Triaged into 1 task." in carrie.page.get_by_role("status").first.inner_text()
    tasks = stack.query(
        f"list(RevisionTask.objects.filter(gap_id={original}).values_list('page_id', 'assignee__username'))",
        imports="from forums.models import RevisionTask",
    )
    assert tasks == [[page_id, "jim.okafor"]]
