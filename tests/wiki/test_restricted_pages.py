"""A page restricted to a group names itself to nobody outside the group: not in listings, pickers, gaps,
tasks, dashboards, reports or the admin, nor in what a trainer is told when it changes. Members of the
group still see it everywhere."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, PageViewRestriction, Site

from buddies.factories import make_plan
from buddies.pairing import start_onboarding
from expertise.factories import TopicFactory, UserFactory
from forums.gaps import raise_gap
from forums.models import ForumSession, Gap, GapSource, RevisionTask, TaskKind, TaskStatus, UserGroup
from forums.triage import PageTaskPlan, triage_gap
from inbox.models import Notification
from tests.permissions import grant
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db

AREA = "Payroll and pensions"
TITLE = "Executive salary adjustments"


@pytest.fixture
def payroll(db):
    """The Payroll area is open to the Payroll team only. Pat, in the team, owns and edits its article; Olive,
    outside it, edits the Billing area. Both triage gaps, and both have a gap, a task and an onboarding that
    touch the Payroll article."""
    today = timezone.localdate()
    home = Site.objects.get(is_default_site=True).root_page
    team, billing_editors = Group.objects.create(name="Payroll team"), Group.objects.create(name="Billing editors")
    pat = UserFactory(username="pat.payne", first_name="Pat", last_name="Payne")
    olive = UserFactory(username="olive.outside", first_name="Olive", last_name="Outside")
    pat.groups.add(team)
    olive.groups.add(billing_editors)
    for person in (pat, olive):
        grant(person, "wagtailadmin.access_admin", "forums.triage_gap")
    topic = TopicFactory(name="Salary runs")
    area = ProcessPageFactory(title=AREA, page_owner=pat, topics=[topic])
    article = ArticlePageFactory(parent=area, title=TITLE, page_owner=pat, topics=[topic])
    billing = ProcessPageFactory(title="Billing", page_owner=olive)
    for group, page in ((team, area), (billing_editors, billing)):
        for permission_type in ("add", "change", "publish"):
            GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    restriction = PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(team)
    type(article).objects.filter(pk=article.pk).update(verification_due_at=timezone.now() - timedelta(days=3))

    gap = raise_gap(
        title="Bonus letters are missing", source=GapSource.DIRECT, raised_by=pat, related_page=article, topics=[topic]
    )
    (task,) = triage_gap(gap=gap, by=pat, page_plan=PageTaskPlan(assignee=pat, page=article, due_date=today))
    RevisionTask.objects.filter(pk=task.pk).update(due_date=today - timedelta(days=2))
    PageFeedback.objects.create(page=article, user=pat, helpful=False, reason="outdated", comment="Rates changed.")

    forum = UserGroup.objects.create(name="Payroll forum", slug="payroll-forum", facilitator=pat)
    earlier = ForumSession.objects.create(group=forum, date=today - timedelta(days=30))
    latest = ForumSession.objects.create(group=forum, date=today)
    answered = raise_gap(
        title="Who signs off the bonus run?", source=GapSource.FORUM, raised_by=pat, session=earlier, topics=[topic]
    )
    RevisionTask.objects.create(
        gap=answered, kind=TaskKind.PAGE, page=article, subject_title=TITLE, assignee=pat, status=TaskStatus.DONE
    )
    own_gap = raise_gap(title="Nothing on credit notes", source=GapSource.DIRECT, raised_by=olive)
    new_page_tasks = {
        person: RevisionTask.objects.create(
            kind=TaskKind.NEW_PAGE, new_page_parent=billing, subject_title="Credit notes", assignee=person
        )
        for person in (pat, olive)
    }
    plan = make_plan("Payroll clerk", milestones=[("Read up on salary runs", 5, [topic], [article])])
    for person in (pat, olive):
        start_onboarding(hire=person, start_date=today, plan_template=plan)
    return {
        "home": home,
        "pat": pat,
        "olive": olive,
        "topic": topic,
        "area": area,
        "article": article,
        "gap": gap,
        "task": task,
        "latest_session": latest,
        "own_gap": own_gap,
        "new_page_tasks": new_page_tasks,
    }


def urls(payroll, person) -> dict[str, str]:
    """Every page that lists or names wiki pages, as `person` would open it."""
    return {
        "topic page": reverse("expertise:topic", args=[payroll["topic"].slug]),
        "owner's profile": reverse("expertise:profile", args=[payroll["pat"].username]),
        "gap form page picker": reverse("forums:flag_gap") + f"?page={payroll['article'].pk}",
        "gap detail": reverse("forums:gap", args=[payroll["gap"].pk]),
        "gap list": reverse("forums:gaps"),
        "page task detail": reverse("forums:task", args=[payroll["task"].pk]),
        "new page task picker": reverse("forums:task", args=[payroll["new_page_tasks"][person].pk]),
        "triage pickers": reverse("forums:triage", args=[payroll["own_gap"].pk]),
        "trainer dashboard": reverse("forums:dashboard"),
        "session follow-up": reverse("forums:session", args=[payroll["latest_session"].pk]),
        "expertise map": reverse("expertise:map"),
        "onboarding reading list": reverse("buddies:mine"),
        "admin page chooser": reverse("wagtailadmin_choose_page_child", args=[payroll["home"].pk]),
        "pages due report": reverse("wiki_reports:pages_due"),
        "not-helpful report": reverse("wiki_reports:not_helpful"),
        "open gaps report": reverse("forums_reports:open_gaps"),
    }


URLS = [
    "topic page",
    "owner's profile",
    "gap form page picker",
    "gap detail",
    "gap list",
    "page task detail",
    "new page task picker",
    "triage pickers",
    "trainer dashboard",
    "session follow-up",
    "expertise map",
    "onboarding reading list",
    "admin page chooser",
    "pages due report",
    "not-helpful report",
    "open gaps report",
]
# Where the area is named (a process, a parent to choose, a filter) rather than the article.
NAMES_THE_AREA_ONLY = {"gap list", "triage pickers", "expertise map", "admin page chooser", "open gaps report"}


@pytest.mark.parametrize("name", URLS)
def test_someone_outside_the_group_never_reads_the_title(client, payroll, name):
    client.force_login(payroll["olive"])
    response = client.get(urls(payroll, payroll["olive"])[name])
    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE not in html
    assert AREA not in html


@pytest.mark.parametrize("name", URLS)
def test_a_member_of_the_group_still_reads_it(client, payroll, name):
    client.force_login(payroll["pat"])
    response = client.get(urls(payroll, payroll["pat"])[name])
    assert response.status_code == 200
    html = response.content.decode()
    if name in NAMES_THE_AREA_ONLY:
        assert AREA in html
    else:
        assert TITLE in html


@pytest.mark.parametrize("view", ["edit", "view_draft"])
def test_the_admin_opens_the_page_to_its_editors_only(client, payroll, view):
    url = reverse(f"wagtailadmin_pages:{view}", args=[payroll["article"].pk])
    client.force_login(payroll["olive"])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert TITLE not in response.content.decode()
    client.force_login(payroll["pat"])
    response = client.get(url)
    assert response.status_code == 200
    assert TITLE in response.content.decode()


def test_a_gap_cannot_name_the_page_by_its_number(client, payroll):
    client.force_login(payroll["olive"])
    response = client.post(
        reverse("forums:flag_gap"), {"title": "What is in there?", "related_page": payroll["article"].pk}
    )
    assert response.status_code == 400
    assert "Page it is about" in response.content.decode()
    assert not Gap.objects.filter(title="What is in there?").exists()


def test_triage_cannot_pick_the_page_by_its_number(client, payroll):
    client.force_login(payroll["olive"])
    response = client.post(
        reverse("forums:triage", args=[payroll["own_gap"].pk]),
        {"page": payroll["article"].pk, "page_assignee": payroll["pat"].pk},
    )
    assert response.status_code == 400
    assert not payroll["own_gap"].tasks.exists()


def test_a_not_helpful_vote_on_the_page_becomes_a_gap_only_for_those_who_may_open_it(client, payroll):
    vote = PageFeedback.objects.get(page=payroll["article"])
    client.force_login(payroll["olive"])
    client.post(reverse("forums:raise_candidate"), {"key": f"feedback:{vote.pk}"})
    assert not Gap.objects.filter(source=GapSource.FEEDBACK).exists()
    client.force_login(payroll["pat"])
    client.post(reverse("forums:raise_candidate"), {"key": f"feedback:{vote.pk}"})
    assert Gap.objects.get(source=GapSource.FEEDBACK).related_page_id == payroll["article"].pk


def test_a_trainer_outside_the_group_is_asked_to_review_without_being_told_the_title(
    django_capture_on_commit_callbacks, payroll
):
    material = TrainingMaterialFactory(title="Payroll course", trainer=payroll["olive"])
    material.processes.set([payroll["area"]])
    material.save()
    article = payroll["article"]
    article.summary = "Rates for the new tax year."
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision(user=payroll["pat"]).publish(user=payroll["pat"], skip_permission_checks=True)
    task = RevisionTask.objects.get(kind=TaskKind.MATERIAL_REVIEW)
    assert TITLE not in task.instructions and "Payroll course" in task.instructions
    notification = Notification.objects.get(recipient=payroll["olive"], kind="task-assigned")
    assert TITLE not in notification.subject + notification.body


def test_the_weekly_gap_digest_names_the_area_to_its_members_only(payroll):
    from forums.digests import weekly_gap_digest

    assert weekly_gap_digest() == 2
    digests = {n.recipient: n.body for n in Notification.objects.filter(kind="gap-digest")}
    assert AREA not in digests[payroll["olive"]] and "A process you cannot open" in digests[payroll["olive"]]
    assert AREA in digests[payroll["pat"]]
