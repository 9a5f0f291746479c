"""The journeys of the people Onramp serves, each ending in a screenshot in test-artifacts/browser/."""

import re
import time
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser


def reload_until(visitor, predicate, *, timeout: float = 60.0) -> bool:
    """Reloads the page until `predicate(page)` holds: work done by the Celery worker shows up a moment later."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate(visitor.page):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(1)
        visitor.page.reload()


def test_a_buddy_logs_a_check_in_and_ticks_a_milestone(stack, visit):
    jim = visit("jim.okafor")
    jim.page.goto("/onboarding/new-hires/")
    jim.page.get_by_role("link", name=re.compile("Jill")).first.click()
    jim.page.get_by_role("link", name=re.compile(r"^Record the check-in of")).first.click()
    jim.page.get_by_label("What this session aims for").fill("Blocked invoices and the payment proposal")
    jim.page.get_by_label("What was learned").fill("How the price tolerance blocks an invoice")
    jim.page.get_by_label("Next steps").fill("Release one blocked invoice with Agnes watching")
    jim.page.get_by_label("Questions raised").fill("Who may release a blocked invoice above 10,000?")
    jim.page.get_by_label("Private note").fill("Jill is confident; suggest the payment run next week")
    jim.page.get_by_role("button", name="Save check-in").click()
    assert "Check-in recorded." in jim.page.get_by_role("status").first.inner_text()
    assert "Who may release a blocked invoice above 10,000?" in jim.page.content()

    tick = jim.page.get_by_role("button", name=re.compile(r"^Mark “.+” done$")).first
    milestone = re.match(r"Mark “(.+)” done", tick.inner_text()).group(1)
    tick.click()
    assert jim.page.get_by_role("button", name=f"Mark “{milestone}” not done").is_visible()
    jim.screenshot("2-buddy-logs-a-check-in-and-ticks-a-milestone")

    # The private note is Jim's alone: Jill sees the check-in, not the note.
    jill = visit("jill.hartmann")
    jill.page.goto("/onboarding/")
    assert "How the price tolerance blocks an invoice" in jill.page.content()
    assert "Jill is confident" not in jill.page.content()


def test_a_manager_previews_and_saves_a_cohort_s_buddy_assignment(stack, visit):
    unpaired_before = stack.query(
        "Onboarding.objects.filter(buddy__isnull=True, status__in=['planned', 'active']).count()",
        imports="from buddies.models import Onboarding",
    )
    assert unpaired_before > 0, "the demo cohort has a new hire without a buddy"
    marty = visit("marty.keller")
    marty.page.goto("/onboarding/program/")
    marty.page.get_by_role("link", name="Match buddies for this cohort").first.click()
    save = marty.page.get_by_role("button", name=re.compile(r"^Save (these )?\d+ pairings?$"))
    count = int(re.search(r"\d+", save.inner_text()).group())
    assert count >= 1
    marty.screenshot("4-manager-previews-a-cohort-match")
    save.click()
    assert f"Saved: {count} new hire" in marty.page.get_by_role("status").first.inner_text()
    marty.screenshot("4-manager-saved-the-cohort-match")
    unpaired_after = stack.query(
        "Onboarding.objects.filter(buddy__isnull=True, status__in=['planned', 'active']).count()",
        imports="from buddies.models import Onboarding",
    )
    assert unpaired_after == unpaired_before - count


def test_a_trainer_triages_a_gap_the_expert_publishes_and_the_new_hire_hears(stack, visit):
    page_id, page_title = stack.query(
        "next([p.pk, p.title] for p in ArticlePage.objects.live().filter(page_owner__username='jim.okafor')"
        ".order_by('-pk'))",
        imports="from wiki.models import ArticlePage",
    )
    title = "Nobody explains what the payment block reasons mean"

    jill = visit("jill.hartmann")
    jill.page.goto(f"/forums/gaps/new/?page={page_id}")
    jill.page.get_by_label("What is missing or wrong?").fill(title)
    jill.page.get_by_label("Details (optional)").fill("I saw block reason R and could not find what it means.")
    jill.page.get_by_role("button", name="Flag it").click()
    # When the words name a topic the page does not carry, the form asks once to check the topics first.
    confirm = jill.page.get_by_role("button", name="Flag it with these topics")
    if confirm.count():
        confirm.click()
    assert title in jill.page.content() and "/forums/gaps/new/" not in jill.page.url
    gap_url = jill.page.url

    carrie = visit("carrie.lindqvist")
    carrie.page.goto(gap_url)
    carrie.page.get_by_role("link", name="Triage into tasks").click()
    carrie.page.get_by_label("Page to revise").select_option(label=page_title)
    carrie.page.get_by_label("Page task assignee").select_option(label="Jim Okafor")
    carrie.page.get_by_label("Page task due").fill((date.today() + timedelta(days=7)).isoformat())
    carrie.page.get_by_role("button", name="Open the tasks").click()
    carrie.screenshot("3-trainer-triaged-a-gap")
    task_id = stack.query(
        f"RevisionTask.objects.get(gap__title={title!r}).pk", imports="from forums.models import RevisionTask"
    )

    jim = visit("jim.okafor")
    jim.page.goto(f"/admin/pages/{page_id}/edit/")
    summary = jim.page.locator("#id_summary")
    summary.fill("Payment block reasons: R = price variance, Q = quantity variance, A = manual block.")
    jim.page.get_by_role("button", name="More actions").click()
    jim.page.get_by_role("button", name="Publish").click()
    jim.page.wait_for_load_state()
    assert "published" in jim.page.content().lower()
    jim.page.goto(f"/forums/tasks/{task_id}/")
    jim.page.get_by_role("button", name="It is done").click()
    jim.screenshot("3-expert-published-and-closed-the-task")

    assert reload_until(jill, lambda page: page.goto("/inbox/") and f"Fixed: {title}" in page.content())
    jill.screenshot("3-new-hire-sees-the-notification")
    notified = stack.query(
        f"Notification.objects.filter(recipient__username='jill.hartmann', subject='Fixed: {title}').count()",
        imports="from inbox.models import Notification",
    )
    assert notified == 1


def test_a_new_hire_asks_opens_an_answer_finds_an_expert_and_raises_a_gap(stack, visit):
    jill = visit("jill.hartmann")
    jill.page.goto("/")
    jill.page.get_by_role("searchbox").first.fill("how do I release a blocked invoice")
    jill.page.get_by_role("searchbox").first.press("Enter")
    jill.page.wait_for_url("**/ask/?q=*")
    answers = jill.page.locator(".ask-hit h3 a")
    answers.first.wait_for()
    assert answers.count() > 0
    jill.screenshot("1-new-hire-asks-a-question")
    answer_title = answers.first.inner_text()
    answers.first.click()
    assert jill.page.get_by_role("heading", level=1).inner_text() == answer_title

    jill.page.go_back()
    people = jill.page.locator(".ask-person > a")
    people.first.wait_for()
    assert people.count() > 0
    expert = people.first.inner_text()
    people.first.click()
    assert expert in jill.page.get_by_role("heading", level=1).inner_text()
    jill.screenshot("1-new-hire-finds-an-expert")

    question = "zebra quokka xylophone tariffs"
    jill.page.get_by_role("searchbox").first.fill(question)
    jill.page.get_by_role("searchbox").first.press("Enter")
    jill.page.wait_for_url("**/ask/?q=zebra*")
    assert "Nobody has documented this" in jill.page.content()
    jill.page.get_by_role("button", name="Raise a gap").click()
    assert "gap" in jill.page.get_by_role("status").first.inner_text().lower()
    jill.screenshot("1-new-hire-raised-a-gap")
    raised = stack.query(
        "list(Gap.objects.filter(source='search', raisers__person__username='jill.hartmann')"
        ".values_list('title', flat=True))",
        imports="from forums.models import Gap",
    )
    assert any("zebra quokka" in title.lower() for title in raised)
