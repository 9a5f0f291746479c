"""The journeys of the people Onramp serves, each at a phone's size and at a laptop's (the `size` fixture), each
ending in screenshots in test-artifacts/browser/. On a phone they go through the Menu button and the process
drawer as a person would. Both sizes run against one stack, so what a journey writes carries its size (a gap's
title, a check-in's text) and the cohort match is undone after it."""

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


def test_a_buddy_logs_a_check_in_and_ticks_a_milestone(stack, visit, size):
    jim = visit("jim.okafor")
    jim.page.goto("/")
    jim.follow_menu("Onboarding")  # a buddy lands on their new hires
    assert jim.page.url.endswith("/onboarding/new-hires/")
    jim.page.get_by_role("link", name=re.compile("Jill")).first.click()
    jim.page.get_by_role("link", name=re.compile(r"^Record the check-in of")).first.click()
    jim.page.get_by_label("What this session aims for").fill("Blocked invoices and the payment proposal")
    jim.page.get_by_label("What was learned").fill(f"How the price tolerance blocks an invoice ({size})")
    jim.page.get_by_label("Next steps").fill("Release one blocked invoice with Agnes watching")
    jim.page.get_by_label("Questions raised").fill("Who may release a blocked invoice above 10,000?")
    jim.page.get_by_label("Private note").fill("Jill is confident; suggest the payment run next week")
    jim.page.get_by_role("button", name="Save check-in").click()
    jim.page.wait_for_load_state()
    assert "Check-in recorded." in jim.page.get_by_role("status").first.inner_text()
    assert "Who may release a blocked invoice above 10,000?" in jim.page.content()

    tick = jim.page.get_by_role("button", name=re.compile(r"^Mark “.+” done$")).first
    milestone = re.match(r"Mark “(.+)” done", tick.inner_text()).group(1)
    tick.click()
    # The click only starts the form's post: wait for the page it comes back to, which offers the undo.
    jim.page.get_by_role("button", name=f"Mark “{milestone}” not done").wait_for(state="visible")
    assert "marked done" in jim.page.get_by_role("status").first.inner_text()
    jim.screenshot(f"2-buddy-logs-a-check-in-and-ticks-a-milestone-{size}")

    # The private note is Jim's alone: Jill sees the check-in, not the note.
    jill = visit("jill.hartmann")
    jill.page.goto("/")
    jill.follow_menu("Onboarding")
    assert f"How the price tolerance blocks an invoice ({size})" in jill.page.content()
    assert "Jill is confident" not in jill.page.content()


@pytest.fixture
def unpaired(stack):
    """The open onboardings without a buddy; paired again afterwards, so that the journey at the other size
    finds the demo's cohort as it was."""
    ids = stack.query(
        "list(Onboarding.objects.filter(buddy__isnull=True, status__in=['planned', 'active'])"
        ".order_by('pk').values_list('pk', flat=True))",
        imports="from buddies.models import Onboarding",
    )
    yield ids
    stack.query(
        f"(BuddyAssignment.objects.filter(onboarding_id__in={ids!r}).delete(),"
        f" Onboarding.objects.filter(pk__in={ids!r}).update(buddy=None))",
        imports="from buddies.models import BuddyAssignment, Onboarding",
    )


def test_a_manager_previews_and_saves_a_cohort_s_buddy_assignment(stack, visit, size, unpaired):
    unpaired_before = len(unpaired)
    assert unpaired_before > 0, "the demo cohort has a new hire without a buddy"
    marty = visit("marty.keller")
    marty.page.goto("/")
    marty.follow_menu("Onboarding")  # a manager without an onboarding of their own lands on the program
    assert marty.page.url.endswith("/onboarding/program/")
    marty.page.get_by_role("link", name="Match buddies for this cohort").first.click()
    save = marty.page.get_by_role("button", name=re.compile(r"^Save (these )?\d+ pairings?$"))
    count = int(re.search(r"\d+", save.inner_text()).group())
    assert count >= 1
    marty.screenshot(f"4-manager-previews-a-cohort-match-{size}")
    save.click()
    assert f"Saved: {count} new hire" in marty.page.get_by_role("status").first.inner_text()
    marty.screenshot(f"4-manager-saved-the-cohort-match-{size}")
    unpaired_after = stack.query(
        "Onboarding.objects.filter(buddy__isnull=True, status__in=['planned', 'active']).count()",
        imports="from buddies.models import Onboarding",
    )
    assert unpaired_after == unpaired_before - count


def test_a_trainer_triages_a_gap_the_expert_publishes_and_the_new_hire_hears(stack, visit, size):
    page_id, page_title = stack.query(
        "next([p.pk, p.title] for p in ArticlePage.objects.live().filter(page_owner__username='jim.okafor')"
        ".order_by('-pk'))",
        imports="from wiki.models import ArticlePage",
    )
    title = f"Nobody explains what the payment block reasons mean ({size})"

    jill = visit("jill.hartmann")
    jill.page.goto(f"/forums/gaps/new/?page={page_id}")
    jill.page.get_by_label("What is missing or wrong?").fill(title)
    jill.page.get_by_label("Details (optional)").fill("I saw block reason R and could not find what it means.")
    jill.page.get_by_role("button", name="Flag it").click()
    # The click returns once the next page starts loading: read it only once it has loaded.
    jill.page.wait_for_load_state()
    # When the words name a topic the page does not carry, the form asks once to check the topics first.
    confirm = jill.page.get_by_role("button", name="Flag it with these topics")
    if confirm.count():
        confirm.click()
        jill.page.wait_for_load_state()
    assert title in jill.page.content() and "/forums/gaps/new/" not in jill.page.url
    gap_url = jill.page.url

    carrie = visit("carrie.lindqvist")
    carrie.page.goto("/")
    carrie.follow_menu("Gaps")
    carrie.page.get_by_role("link", name=title).click()
    assert carrie.page.url == gap_url
    carrie.page.get_by_role("link", name="Triage into tasks").click()
    carrie.page.get_by_label("Page to revise").select_option(label=page_title)
    carrie.page.get_by_label("Page task assignee").select_option(label="Jim Okafor")
    carrie.page.get_by_label("Page task due").fill((date.today() + timedelta(days=7)).isoformat())
    carrie.page.get_by_role("button", name="Open the tasks").click()
    carrie.screenshot(f"3-trainer-triaged-a-gap-{size}")
    task_id = stack.query(
        f"RevisionTask.objects.get(gap__title={title!r}).pk", imports="from forums.models import RevisionTask"
    )

    jim = visit("jim.okafor")
    jim.page.goto(f"/admin/pages/{page_id}/edit/")
    summary = jim.page.locator("#id_summary")
    summary.fill(f"Payment block reasons ({size}): R = price variance, Q = quantity variance, A = manual block.")
    jim.page.get_by_role("button", name="More actions").click()
    jim.page.get_by_role("button", name="Publish").click()
    jim.page.wait_for_load_state()
    assert "published" in jim.page.content().lower()
    jim.page.goto("/")
    jim.follow_menu("My tasks")
    jim.page.locator(f'a[href$="/forums/tasks/{task_id}/"]').first.click()
    jim.page.get_by_role("button", name="It is done").click()
    jim.screenshot(f"3-expert-published-and-closed-the-task-{size}")

    jill.page.goto("/")
    jill.follow_menu(re.compile(r"^Inbox"))
    assert reload_until(jill, lambda page: f"Fixed: {title}" in page.content())
    jill.screenshot(f"3-new-hire-sees-the-notification-{size}")
    notified = stack.query(
        f"Notification.objects.filter(recipient__username='jill.hartmann', subject='Fixed: {title}').count()",
        imports="from inbox.models import Notification",
    )
    assert notified == 1


def test_a_new_hire_asks_opens_an_answer_finds_an_expert_and_raises_a_gap(stack, visit, size):
    jill = visit("jill.hartmann")
    jill.page.goto("/")
    jill.page.get_by_role("searchbox").first.fill("how do I release a blocked invoice")
    jill.page.get_by_role("searchbox").first.press("Enter")
    jill.page.wait_for_url("**/ask/?q=*")
    answers = jill.page.locator(".ask-hit h3 a")
    answers.first.wait_for()
    assert answers.count() > 0
    jill.screenshot(f"1-new-hire-asks-a-question-{size}")
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
    jill.screenshot(f"1-new-hire-finds-an-expert-{size}")

    # Words no page has, none shared between the sizes, so each raises a gap of its own.
    question = {"phone": "zebra quokka xylophone tariffs", "laptop": "narwhal kazoo marzipan bagpipes"}[size]
    jill.page.get_by_role("searchbox").first.fill(question)
    jill.page.get_by_role("searchbox").first.press("Enter")
    jill.page.wait_for_url(f"**/ask/?q={question.split()[0]}*")
    assert "Nothing in the wiki answers this" in jill.page.content()
    jill.page.get_by_role("button", name="Raise a gap").click()
    assert "gap" in jill.page.get_by_role("status").first.inner_text().lower()
    jill.screenshot(f"1-new-hire-raised-a-gap-{size}")
    raised = stack.query(
        "list(Gap.objects.filter(source='search', raisers__person__username='jill.hartmann')"
        ".values_list('title', flat=True))",
        imports="from forums.models import Gap",
    )
    assert any(" ".join(question.split()[:2]) in title.lower() for title in raised)
