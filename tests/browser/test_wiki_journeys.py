import pytest

pytestmark = pytest.mark.browser


def test_an_owner_verifies_a_page(stack, visit, size):
    # A page of its own at each size (both run on one stack), reached through its process in the process tree.
    page_id, title, process, owner = stack.query(
        "[[page.pk, page.title, page.get_parent().title, page.page_owner.username] for page in"
        " ArticlePage.objects.live().filter(page_owner__username='jim.okafor').order_by('pk')]"
        f"[{['phone', 'laptop'].index(size)}]",
        imports="from wiki.models import ArticlePage",
    )
    jim = visit("jim.okafor")
    jim.page.goto("/")
    jim.open_process(process)
    jim.page.locator("main").get_by_role("link", name=title, exact=True).first.click()
    assert jim.page.get_by_role("heading", level=1).inner_text() == title
    note = f"Checked the approval limits against the policy ({size})"
    # The note is "(optional)", or "(required)" while gaps, tasks or not-helpful votes are open on the page.
    jim.page.get_by_label("Note (").fill(note)
    jim.page.get_by_role("button", name="Still correct").click()
    jim.page.wait_for_load_state()
    assert "is marked as still correct" in jim.page.get_by_role("status").first.inner_text()
    assert "Last verified" in jim.page.locator(".owner-card").inner_text()
    jim.screenshot(f"5-owner-verifies-a-page-{size}")
    notes = stack.query(
        f"list(PageVerification.objects.filter(page_id={page_id}).values_list('note', 'verified_by__username'))",
        imports="from wiki.models import PageVerification",
    )
    assert [note, owner] in notes
