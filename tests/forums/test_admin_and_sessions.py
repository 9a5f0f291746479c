import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from forums.gaps import raise_gap
from forums.models import ForumSession, Gap, GapSource, GapStatus, RevisionTask, UserGroup
from forums.revision import complete_task
from forums.triage import PageTaskPlan, triage_gap

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(org):
    group = UserGroup.objects.create(name="Payables user group", slug="payables", facilitator=org["carrie"])
    group.members.set([org["jill"], org["ben"], org["jim"]])
    group.topics.set([org["topic"]])
    return group


def test_a_session_page_records_several_gaps_at_once(client, org, group):
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6), agenda="Payment runs")
    session.attendees.set([org["jill"], org["ben"]])
    client.force_login(org["ben"])
    data = {"gaps-TOTAL_FORMS": "5", "gaps-INITIAL_FORMS": "0", "gaps-MIN_NUM_FORMS": "0", "gaps-MAX_NUM_FORMS": "20"}
    data.update({"gaps-0-title": "Blocked vendors", "gaps-0-raised_by": org["jill"].pk})
    data.update({"gaps-1-title": "Proposal variants", "gaps-1-description": "Nobody knows which one"})
    response = client.post(reverse("forums:session", args=[session.pk]), data)
    assert response.status_code == 302
    gaps = {gap.title: gap for gap in Gap.objects.all()}
    assert set(gaps) == {"Blocked vendors", "Proposal variants"}
    assert gaps["Blocked vendors"].raised_by == org["jill"] and gaps["Proposal variants"].raised_by == org["ben"]
    assert all(gap.source == GapSource.FORUM and gap.session == session for gap in gaps.values())
    assert list(gaps["Blocked vendors"].topics.all()) == [org["topic"]]


def test_a_row_with_notes_but_no_title_saves_nothing(client, org, group):
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6))
    client.force_login(org["ben"])
    data = {"gaps-TOTAL_FORMS": "2", "gaps-INITIAL_FORMS": "0", "gaps-MIN_NUM_FORMS": "0", "gaps-MAX_NUM_FORMS": "20"}
    data.update({"gaps-0-title": "Fine row", "gaps-1-description": "Notes without a title"})
    response = client.post(reverse("forums:session", args=[session.pk]), data)
    assert response.status_code == 400
    assert "Give the gap a title, or clear this row." in response.content.decode()
    assert not Gap.objects.exists()


def test_only_members_record_gaps_but_everyone_reads_the_minutes(client, org, group):
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6), minutes="We met.")
    outsider = org["article"].page_owner.__class__.objects.create(username="outsider")
    client.force_login(outsider)
    html = client.get(reverse("forums:session", args=[session.pk])).content.decode()
    assert "We met." in html and "Record gaps" not in html
    data = {"gaps-TOTAL_FORMS": "1", "gaps-INITIAL_FORMS": "0", "gaps-0-title": "Sneaky"}
    assert client.post(reverse("forums:session", args=[session.pk]), data).status_code == 403
    assert not Gap.objects.exists()


def test_a_session_shows_what_became_of_earlier_gaps(client, org, group):
    earlier = ForumSession.objects.create(group=group, date=datetime.date(2026, 9, 1))
    later = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6))
    gap = raise_gap(title="Blocked vendors", source=GapSource.FORUM, raised_by=org["jill"], session=earlier)
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    article = org["article"]
    article.summary = "Now covers blocked vendors."
    article.save_revision(user=org["jim"]).publish(user=org["jim"], skip_permission_checks=True)
    complete_task(task=task, by=org["jim"])
    client.force_login(org["jill"])
    html = client.get(reverse("forums:session", args=[later.pk])).content.decode()
    assert "What became of earlier gaps" in html and "Blocked vendors" in html and "Resolved" in html
    assert article.url in html
    groups = client.get(reverse("forums:groups")).content.decode()
    assert "Payables user group" in groups
    assert "1 gap recorded" in client.get(reverse("forums:group", args=["payables"])).content.decode()


def test_admin_viewsets_list_and_filter(client, org, group, admin_user):
    raise_gap(title="Open one", source=GapSource.DIRECT, raised_by=org["jill"], related_page=org["article"])
    Gap.objects.create(title="Declined one", status=GapStatus.DECLINED, decline_reason="No", raised_by=org["jill"])
    client.force_login(admin_user)
    listing = client.get(reverse("wagtailsnippets_forums_gap:list"), {"status": "new"}).content.decode()
    assert "Open one" in listing and "Declined one" not in listing
    for name in ("revisiontask", "usergroup", "forumsession"):
        assert client.get(reverse(f"wagtailsnippets_forums_{name}:list")).status_code == 200
    assert RevisionTask.objects.count() == 0


def test_the_open_gaps_by_process_report(client, org, admin_user):
    for number in range(2):
        raise_gap(title=f"Gap {number}", source=GapSource.DIRECT, raised_by=org["jill"], related_page=org["article"])
    client.force_login(admin_user)
    html = client.get(reverse("forums_reports:open_gaps")).content.decode()
    assert "Payments" in html
    response = client.get(reverse("forums_reports:open_gaps"), {"export": "csv"})
    csv = b"".join(response.streaming_content).decode()
    assert "Payments,2,2" in csv
    client.force_login(org["carrie"])  # a trainer, not a superuser: triaging gaps is what the report is for
    assert "Payments" in client.get(reverse("forums_reports:open_gaps")).content.decode()
    client.force_login(org["jill"])
    assert client.get(reverse("forums_reports:open_gaps")).status_code in (302, 403)


def test_the_admin_edits_a_gap_and_cannot_delete_one_with_tasks(client, org, admin_user):
    gap = raise_gap(title="Open one", source=GapSource.DIRECT, raised_by=org["jill"], related_page=org["article"])
    triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    client.force_login(admin_user)
    assert client.get(reverse("wagtailsnippets_forums_gap:edit", args=[gap.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_forums_gap:inspect", args=[gap.pk])).status_code == 200
    client.post(reverse("wagtailsnippets_forums_gap:delete", args=[gap.pk]))
    assert Gap.objects.filter(pk=gap.pk).exists() and RevisionTask.objects.filter(gap=gap).exists()


def test_reassigning_a_task_in_the_admin_checks_access(client, org, admin_user):
    from expertise.factories import UserFactory

    gap = raise_gap(title="Open one", source=GapSource.DIRECT, raised_by=org["jill"], related_page=org["article"])
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    outsider = UserFactory(first_name="Olga", last_name="Outsider")
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_forums_revisiontask:edit", args=[task.pk]),
        {"assignee": outsider.pk, "due_date": "", "instructions": ""},
    )
    assert response.status_code == 200
    assert "Olga Outsider cannot edit" in response.content.decode()
    task.refresh_from_db()
    assert task.assignee == org["jim"]


def test_reassigning_a_new_page_task_in_the_admin_checks_the_rule_triage_applies(client, org, admin_user):
    from expertise.factories import UserFactory

    gap = raise_gap(title="Write one", source=GapSource.DIRECT, raised_by=org["jill"])
    outsider = UserFactory(first_name="Olga", last_name="Outsider")
    with pytest.raises(ValidationError) as refused:
        triage_gap(
            gap=gap,
            by=org["carrie"],
            page_plan=PageTaskPlan(assignee=outsider, new_page_title="Blocked vendors", new_page_parent=org["process"]),
        )
    assert refused.value.message_dict == {"page_assignee": ["Olga Outsider cannot add pages under “Payments”."]}
    (task,) = triage_gap(
        gap=gap,
        by=org["carrie"],
        page_plan=PageTaskPlan(assignee=org["jim"], new_page_title="Blocked vendors", new_page_parent=org["process"]),
    )
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_forums_revisiontask:edit", args=[task.pk]),
        {"assignee": outsider.pk, "due_date": "", "instructions": ""},
    )
    assert response.status_code == 200
    assert "Olga Outsider cannot add pages under “Payments”." in response.content.decode()
    task.refresh_from_db()
    assert task.assignee == org["jim"]


def test_admin_search_finds_gaps_and_tasks(client, org, admin_user):
    gap = raise_gap(title="Blocked vendor branch", source=GapSource.DIRECT, raised_by=org["jill"])
    raise_gap(title="Something else", source=GapSource.DIRECT, raised_by=org["jill"])
    triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    client.force_login(admin_user)
    html = client.get(reverse("wagtailsnippets_forums_gap:list"), {"q": "blocked"}).content.decode()
    assert "Blocked vendor branch" in html and "Something else" not in html
    html = client.get(reverse("wagtailsnippets_forums_revisiontask:list"), {"status": "open"}).content.decode()
    assert "Run the payment proposal" in html
