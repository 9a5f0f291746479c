"""The HR import provisions: a new person starting later gets a draft onboarding with the top buddy suggestion
that only a program admin confirms; a leaver is deactivated (never deleted), their wiki pages go to their
manager with a notice, and they are no longer suggested as expert, buddy or assignee. Importing the same file
again changes nothing. People come from the real handbook export, read at test time."""

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import Page

from buddies.factories import make_buddy
from buddies.matching import suggest_buddies
from buddies.models import BuddyAssignment, Onboarding, OnboardingStatus
from expertise.factories import ExpertiseScoreFactory, TopicFactory, UserFactory
from expertise.models import Profile
from expertise.ranking import rank_people_for
from forums.assignees import why_cannot_assign
from forums.models import TaskKind
from imports.people import import_people
from inbox.models import Notification
from wiki.factories import ArticlePageFactory
from wiki.models import ArticlePage

HANDBOOK_PEOPLE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "handbook" / "people.csv"
TODAY = date(2026, 12, 4)
PICKED = ["p0001", "p0002", "p0007", "p0018", "p0022", "p0031", "p0034", "p0035", "p0036", "p0037", "p0049"]
STARTER, LEAVER, LEAVERS_MANAGER = "p0049", "p0018", "p0007"
BUDDY_TRAINED, BUDDY_UNTRAINED = "p0022", "p0031"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime(2026, 12, 4, 10, 0, tzinfo=UTC), tick=False):
        yield


def handbook_csv(*, leave_out=(), dates: dict[str, tuple[str, str]] | None = None) -> str:
    """The picked people of the real handbook export, with start_date and end_date columns added."""
    assert HANDBOOK_PEOPLE.is_file(), (
        f"the handbook corpus is read from shared/ beside the checkout ({HANDBOOK_PEOPLE})"
    )
    with HANDBOOK_PEOPLE.open(encoding="utf-8") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "name", "role", "manager", "location", "start_date", "end_date"])
    for hr_id in PICKED:
        if hr_id in leave_out:
            continue
        row = rows[hr_id]
        start, end = (dates or {}).get(hr_id, ("", ""))
        writer.writerow([row["id"], row["name"], row["role"], row["manager"], row["location"], start, end])
    return out.getvalue()


def person(hr_id: str):
    return get_user_model().objects.select_related("profile").get(profile__external_id=hr_id)


@pytest.fixture
def company():
    """The handbook's people before the new starter's record arrives, with two volunteer buddies who have been
    here long enough; the trained one is the better match."""
    report = import_people(handbook_csv(leave_out=[STARTER]))
    assert report.errors == [] and report.created == len(PICKED) - 1
    for hr_id, trained_on in ((BUDDY_TRAINED, date(2024, 5, 1)), (BUDDY_UNTRAINED, None)):
        user = person(hr_id)
        Profile.objects.filter(user=user).update(start_date=date(2020, 1, 6))
        make_buddy(user, trained_on=trained_on)
    return report


@pytest.fixture
def program_admin():
    user = UserFactory(username="pat.admin")
    user.user_permissions.add(Permission.objects.get(codename="view_all_onboardings"))
    return user


STARTER_FILE = {STARTER: ("2027-01-11", "")}


def test_a_new_record_starting_later_gets_a_draft_onboarding_with_the_top_suggestion(company):
    report = import_people(handbook_csv(dates=STARTER_FILE))
    assert (report.created, report.started, report.drafted, report.left) == (1, 1, 1, 0)
    assert "1 starting later, 1 onboarding drafted, 0 left." in report.as_text()
    starter = person(STARTER)
    draft = Onboarding.objects.get(hire=starter)
    assert draft.status == OnboardingStatus.DRAFT and draft.start_date == date(2027, 1, 11)
    assert draft.manager == person("p0037") and draft.buddy is None
    assert not draft.check_ins.exists() and not draft.assignments.exists()
    # The suggestion is the one the buddy chooser shows first.
    best, _left_out = suggest_buddies(draft, limit=1)
    assert draft.suggested_buddy == best[0].candidate.user == person(BUDDY_TRAINED)


def test_the_draft_is_hidden_from_the_hire_and_the_buddy_until_a_program_admin_confirms_it(
    company, client, program_admin
):
    import_people(handbook_csv(dates=STARTER_FILE))
    draft = Onboarding.objects.get(hire=person(STARTER))
    detail, confirm = reverse("buddies:onboarding", args=[draft.pk]), reverse("buddies:choose_buddy", args=[draft.pk])

    client.force_login(person(STARTER))
    assert client.get(detail).status_code == 404
    assert "buddies/my_onboarding_empty.html" in [t.name for t in client.get(reverse("buddies:mine")).templates]
    client.force_login(person(BUDDY_TRAINED))
    assert client.get(detail).status_code == 404
    assert person(STARTER).get_full_name() not in client.get(reverse("buddies:new_hires")).content.decode()

    # The hire's manager sees the draft but does not confirm it.
    client.force_login(person("p0037"))
    assert client.get(detail).status_code == 200
    assert client.get(confirm).status_code == 403
    assert client.post(confirm, {"buddy": person(BUDDY_TRAINED).pk}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == OnboardingStatus.DRAFT

    client.force_login(program_admin)
    program = client.get(reverse("buddies:program")).content.decode()
    assert "Drafted by the HR import, to confirm" in program and confirm in program
    page = client.get(confirm)
    assert page.status_code == 200 and page.context["form"].initial["buddy"] == person(BUDDY_TRAINED)
    response = client.post(confirm, {"buddy": person(BUDDY_TRAINED).pk})
    assert response.status_code == 302

    draft.refresh_from_db()
    assert draft.status == OnboardingStatus.PLANNED and draft.buddy == person(BUDDY_TRAINED)
    assignment = BuddyAssignment.objects.get(onboarding=draft)
    assert assignment.assigned_by == program_admin and not assignment.overridden
    assert draft.check_ins.exists()
    client.force_login(person(STARTER))
    assert client.get(detail).status_code == 200
    client.force_login(person(BUDDY_TRAINED))
    assert client.get(detail).status_code == 200


def test_confirming_with_someone_else_than_the_best_match_needs_a_reason_and_saves_nothing_without(
    company, client, program_admin
):
    import_people(handbook_csv(dates=STARTER_FILE))
    draft = Onboarding.objects.get(hire=person(STARTER))
    client.force_login(program_admin)
    confirm = reverse("buddies:choose_buddy", args=[draft.pk])
    response = client.post(confirm, {"buddy": person(BUDDY_UNTRAINED).pk})
    assert response.status_code == 400 and "Say why you chose someone other" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == OnboardingStatus.DRAFT and not draft.check_ins.exists()
    client.post(confirm, {"buddy": person(BUDDY_UNTRAINED).pk, "reason": "Sits next to them"})
    draft.refresh_from_db()
    assert draft.status == OnboardingStatus.PLANNED and draft.buddy == person(BUDDY_UNTRAINED)


LEAVER_FILE = {**STARTER_FILE, LEAVER: ("2015-03-02", "2026-11-30")}


@pytest.fixture
def leavers_pages(company):
    leaver = person(LEAVER)
    pages = [ArticlePageFactory(title=title, page_owner=leaver) for title in ("FP&A calendar", "Budget cycle")]
    # A draft edit made before they left: publishing it later must not bring them back as owner.
    pages[0].title = "FP&A calendar (draft)"
    pages[0].save_revision(user=leaver)
    return pages


def test_a_leaver_is_deactivated_and_their_pages_go_to_their_manager_with_a_notice(leavers_pages):
    report = import_people(handbook_csv(dates=LEAVER_FILE))
    assert (report.left, report.drafted) == (1, 1)
    assert "2 wiki pages handed to" in report.as_text()
    leaver, manager = person(LEAVER), person(LEAVERS_MANAGER)
    assert not leaver.is_active and not leaver.profile.active  # deactivated, still there
    assert set(
        ArticlePage.objects.filter(pk__in=[p.pk for p in leavers_pages]).values_list("page_owner", flat=True)
    ) == {manager.pk}
    notice = Notification.objects.get(recipient=manager, kind="pages-handed-over")
    assert leaver.get_full_name() in notice.subject and "Budget cycle" in notice.body and "FP&A calendar" in notice.body
    draft = Page.objects.get(pk=leavers_pages[0].pk).get_latest_revision()
    draft.publish(user=manager, skip_permission_checks=True)
    assert ArticlePage.objects.get(pk=leavers_pages[0].pk).page_owner == manager


def test_importing_the_same_file_again_changes_nothing(leavers_pages):
    import_people(handbook_csv(dates=LEAVER_FILE))
    users = list(get_user_model().objects.order_by("pk").values())
    profiles = list(Profile.objects.order_by("pk").values())
    onboardings = list(Onboarding.objects.order_by("pk").values())
    notices = Notification.objects.count()

    report = import_people(handbook_csv(dates=LEAVER_FILE))
    assert (report.created, report.started, report.drafted, report.left, report.errors) == (0, 0, 0, 0, [])
    assert list(get_user_model().objects.order_by("pk").values()) == users
    assert list(Profile.objects.order_by("pk").values()) == profiles
    assert list(Onboarding.objects.order_by("pk").values()) == onboardings
    assert Notification.objects.count() == notices


def test_a_confirmed_draft_is_not_drafted_again(company, program_admin):
    import_people(handbook_csv(dates=STARTER_FILE))
    from buddies.drafts import confirm_draft

    confirm_draft(onboarding=Onboarding.objects.get(hire=person(STARTER)), by=program_admin, buddy=None)
    report = import_people(handbook_csv(dates=STARTER_FILE))
    assert report.drafted == 0 and Onboarding.objects.filter(hire=person(STARTER)).count() == 1


def test_a_leaver_is_no_longer_suggested_as_expert_buddy_or_assignee_and_is_shown_as_left(company, client):
    leaver = person(BUDDY_UNTRAINED)  # a volunteer buddy and an expert
    topic = TopicFactory(name="Month-end close")
    ExpertiseScoreFactory(person=leaver, topic=topic)
    assert leaver in [s.person for s in rank_people_for(topics=[topic], asker=None)]

    report = import_people(handbook_csv(dates={**STARTER_FILE, BUDDY_UNTRAINED: ("2020-01-06", "2026-12-03")}))
    assert report.left == 1
    leaver = person(BUDDY_UNTRAINED)
    assert leaver not in [s.person for s in rank_people_for(topics=[topic], asker=None)]
    draft = Onboarding.objects.get(hire=person(STARTER))
    suggested, left_out = suggest_buddies(draft)
    assert leaver not in [s.candidate.user for s in suggested] and left_out
    assert "no longer active" in why_cannot_assign(leaver, kind=TaskKind.PAGE)

    client.force_login(person(BUDDY_TRAINED))
    page = client.get(reverse("expertise:profile", args=[leaver.username])).content.decode()
    assert ">Left<" in page and reverse("questions:ask_person", args=[leaver.username]) not in page
    client.post(reverse("questions:ask_person", args=[leaver.username]), {"text": "Who closes the month?"})
    assert not leaver.questions_received.exists()


def test_a_leaver_without_an_active_manager_keeps_their_pages_and_the_report_says_so(company):
    top = person("p0001")
    page = ArticlePageFactory(title="Company values", page_owner=top)
    report = import_people(handbook_csv(dates={"p0001": ("", "2026-12-01")}))
    assert report.left == 1
    assert "no active manager to take over their 1 wiki page; they keep it" in report.as_text()
    assert ArticlePage.objects.get(pk=page.pk).page_owner == top


def test_bad_dates_are_answered_by_line_and_column_and_their_rows_are_not_imported():
    report = import_people(
        "id,name,start_date,end_date\n"
        "e1,Ann Able,2026-02-30,\n"
        "e2,Ben Baker,2026-01-05,05/01/2027\n"
        "e3,Cy Cole,2026-06-01,2026-05-01\n"
        "e4,Di Dunn,,2026-11-30\n"
    )
    errors = dict(report.errors)
    assert errors[2] == "start date '2026-02-30' is not a date like 2024-03-01 (column start_date)"
    assert errors[3] == "end date '05/01/2027' is not a date like 2024-03-01 (column end_date)"
    assert errors[4] == "end date 2026-05-01 is before the start date 2026-06-01 (column end_date)"
    assert (report.created, report.left) == (1, 1)
    assert not Profile.objects.filter(external_id__in=["e1", "e2", "e3"]).exists()


def test_a_dry_run_counts_starters_and_leavers_and_saves_nothing(company):
    report = import_people(handbook_csv(dates=LEAVER_FILE), dry_run=True)
    assert (report.started, report.drafted, report.left) == (1, 1, 1)
    assert not Onboarding.objects.exists() and person(LEAVER).is_active
    assert not Notification.objects.exists()
