import pytest

pytestmark = pytest.mark.browser


def test_an_owner_verifies_a_page(stack, visit):
    page_id, url, owner = stack.query(
        "next([page.pk, page.url, page.page_owner.username] for page in"
        " ArticlePage.objects.live().filter(page_owner__username='jim.okafor').order_by('pk'))",
        imports="from wiki.models import ArticlePage",
    )
    jim = visit("jim.okafor")
    jim.page.goto(url)
    # The note is "(optional)", or "(required)" while gaps, tasks or not-helpful votes are open on the page.
    jim.page.get_by_label("Note (").fill("Checked the approval limits against the policy")
    jim.page.get_by_role("button", name="Still correct").click()
    jim.page.wait_for_load_state()
    assert "is marked as still correct" in jim.page.get_by_role("status").first.inner_text()
    assert "Last verified" in jim.page.locator(".owner-card").inner_text()
    jim.screenshot("5-owner-verifies-a-page")
    notes = stack.query(
        f"list(PageVerification.objects.filter(page_id={page_id}).values_list('note', 'verified_by__username'))",
        imports="from wiki.models import PageVerification",
    )
    assert ["Checked the approval limits against the policy", owner] in notes
