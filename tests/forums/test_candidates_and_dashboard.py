from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from forums.candidates import NotHelpfulFeedback, raise_candidate
from forums.dashboard import gaps_per_month, queue_by_process
from forums.digests import overdue_digest, weekly_gap_digest
from forums.gaps import raise_gap
from forums.models import DismissedCandidate, Gap, GapSource, GapStatus, RevisionTask
from forums.triage import PageTaskPlan, triage_gap
from inbox.models import Notification
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote(org):
    return PageFeedback.objects.create(
        page=org["article"],
        helpful=False,
        reason="steps-missing",
        comment="What if the vendor is blocked?",
        user=org["ben"],
    )


def test_not_helpful_feedback_is_a_candidate_until_it_becomes_a_gap(org, vote):
    PageFeedback.objects.create(page=org["article"], helpful=True, user=org["jill"])
    source = NotHelpfulFeedback()
    assert [candidate.key for candidate in source.candidates(limit=10)] == [f"feedback:{vote.pk}"]
    gap = raise_candidate(key=f"feedback:{vote.pk}", by=org["carrie"])
    again = raise_candidate(key=f"feedback:{vote.pk}", by=org["carrie"])
    assert gap == again and Gap.objects.count() == 1
    assert gap.source == GapSource.FEEDBACK and gap.raised_by == org["ben"] and gap.related_page.pk == org["article"].pk
    assert source.count() == 0


def test_one_click_in_the_dashboard_makes_the_gap_and_another_dismisses(client, org, vote):
    other = PageFeedback.objects.create(page=org["article"], helpful=False, reason="unclear", user=org["jill"])
    client.force_login(org["carrie"])
    html = client.get(reverse("forums:dashboard")).content.decode()
    assert "What if the vendor is blocked?" in html
    response = client.post(reverse("forums:raise_candidate"), {"key": f"feedback:{vote.pk}"})
    gap = Gap.objects.get()
    assert response.url == reverse("forums:gap", args=[gap.pk])
    client.post(reverse("forums:dismiss_candidate"), {"key": f"feedback:{other.pk}"})
    assert DismissedCandidate.objects.filter(key=f"feedback:{other.pk}").exists()
    assert PageFeedback.objects.filter(pk=other.pk).exists()  # kept, only out of the queue
    assert NotHelpfulFeedback().count() == 0
    response = client.post(reverse("forums:raise_candidate"), {"key": "nonsense:1"}, follow=True)
    assert "is not a candidate Onramp knows" in response.content.decode()


def test_the_dashboard_is_for_trainers_only(client, org, vote):
    client.force_login(org["jill"])
    assert client.get(reverse("forums:dashboard")).status_code == 403
    assert client.post(reverse("forums:raise_candidate"), {"key": f"feedback:{vote.pk}"}).status_code == 403
    assert not Gap.objects.exists()


def make_gaps(org, count, *, process=True):
    for number in range(count):
        raise_gap(
            title=f"Gap {number}",
            source=GapSource.DIRECT,
            raised_by=org["jill"],
            related_page=org["article"] if process else None,
            topics=[org["topic"]],
        )


def test_the_dashboard_groups_the_queue_and_charts_months(client, org):
    make_gaps(org, 3)
    make_gaps(org, 1, process=False)
    gap = Gap.objects.first()
    (task,) = triage_gap(
        gap=gap,
        by=org["carrie"],
        page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"], due_date=timezone.localdate()),
    )
    RevisionTask.objects.filter(pk=task.pk).update(due_date=timezone.localdate() - timedelta(days=3))
    groups = {group.name: group.count for group in queue_by_process()}
    assert groups == {"Payments": 3, "No process": 1}
    assert gaps_per_month()[-1].opened == 4
    client.force_login(org["carrie"])
    html = client.get(reverse("forums:dashboard")).content.decode()
    assert "Payments" in html and "<svg" in html and "4 opened" in html
    assert "overdue" in html
    filtered = client.get(reverse("forums:dashboard"), {"process": "none"}).content.decode()
    assert filtered.count('class="gap-item"') == 1


def test_dashboard_query_count_does_not_grow_with_gaps(client, org, django_assert_max_num_queries):
    make_gaps(org, 2)
    client.force_login(org["carrie"])
    client.get(reverse("forums:dashboard"))
    with django_assert_max_num_queries(40) as captured:
        client.get(reverse("forums:dashboard"))
    make_gaps(org, 30)
    for gap in Gap.objects.all()[:5]:
        triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    with django_assert_max_num_queries(len(captured)):
        client.get(reverse("forums:dashboard"))


def test_digests_go_out_once_a_day_and_once_a_week(org):
    make_gaps(org, 2)
    gap = Gap.objects.first()
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    RevisionTask.objects.filter(pk=task.pk).update(due_date=timezone.localdate() - timedelta(days=2))
    assert overdue_digest() == 1
    assert overdue_digest() == 0
    digest = Notification.objects.get(kind="overdue-digest")
    assert digest.recipient == org["jim"] and "2 days late" in digest.body
    assert weekly_gap_digest() == 1
    assert weekly_gap_digest() == 0
    weekly = Notification.objects.get(kind="gap-digest")
    assert weekly.recipient == org["carrie"] and "2 open gaps" in weekly.body


def test_topic_page_shows_its_open_gaps(client, org):
    make_gaps(org, 1)
    closed = Gap.objects.create(title="Closed one", status=GapStatus.RESOLVED, raised_by=org["jill"])
    closed.topics.add(org["topic"])
    client.force_login(org["jill"])
    html = client.get(reverse("expertise:topic", args=[org["topic"].slug])).content.decode()
    assert "Gap 0" in html and "Closed one" not in html
    flag = client.get(reverse("forums:flag_gap"), {"topic": org["topic"].slug}).content.decode()
    assert f'value="{org["topic"].pk}" selected' in flag


def test_a_not_helpful_vote_without_a_reason_reaches_the_dashboard_and_becomes_a_gap(client, org):
    vote = PageFeedback.objects.create(page=org["article"], helpful=False, reason="", user=org["ben"])
    client.force_login(org["carrie"])
    html = client.get(reverse("forums:dashboard")).content.decode()
    assert f"{org['article'].title}: not helpful" in html
    client.post(reverse("forums:raise_candidate"), {"key": f"feedback:{vote.pk}"})
    assert Gap.objects.get().title == f"{org['article'].title}: not helpful"
