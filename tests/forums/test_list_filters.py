"""The forum lists' filters (forums/filters.py): what each value shows, and an unknown value ignored."""

import pytest

from django.http import QueryDict
from django.test import RequestFactory

from forums.factories import GapFactory
from forums.filters import GapListFilter, GapQueueFilter, TaskListFilter
from forums.models import Gap, GapStatus, RevisionTask, TaskStatus
from forums.triage import PageTaskPlan, triage_gap

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def gap_titles(filterset) -> set[str]:
    return set(filterset.qs.values_list("title", flat=True))


@pytest.fixture
def gaps(org):
    return {
        "new": GapFactory(title="New one", raised_by=org["ben"], process=org["process"]),
        "triaged": GapFactory(title="Triaged one", raised_by=org["jill"], status=GapStatus.TRIAGED),
        "resolved": GapFactory(title="Resolved one", raised_by=org["jill"], status=GapStatus.RESOLVED),
        "topical": GapFactory(title="Topical one", raised_by=org["ben"], topics=[org["topic"]]),
    }


def gap_list(query: str, user) -> GapListFilter:
    return GapListFilter(QueryDict(query), queryset=Gap.objects.all(), request=request_by(user))


def test_the_gap_list_shows_open_closed_or_mine(org, gaps):
    assert gap_titles(gap_list("", org["jill"])) == {"New one", "Triaged one", "Topical one"}
    assert gap_titles(gap_list("show=closed", org["jill"])) == {"Resolved one"}
    assert gap_titles(gap_list("show=mine", org["jill"])) == {"Triaged one", "Resolved one"}


@pytest.mark.parametrize("value", ["", "everything", "MINE", "closed "])
def test_an_unknown_show_is_the_open_gaps(org, gaps, value):
    chosen = gap_list(f"show={value}", org["jill"])
    assert gap_titles(chosen) == {"New one", "Triaged one", "Topical one"}
    assert chosen.form.cleaned_data["show"] == "open"


def queue(query: str) -> GapQueueFilter:
    return GapQueueFilter(QueryDict(query), queryset=Gap.objects.filter(status__in=["new", "triaged", "in-revision"]))


def test_the_queue_narrows_by_status_process_and_topic(org, gaps):
    assert gap_titles(queue("status=triaged")) == {"Triaged one"}
    assert gap_titles(queue(f"process={org['process'].pk}")) == {"New one"}
    assert gap_titles(queue("process=none")) == {"Triaged one", "Topical one"}
    assert gap_titles(queue(f"topic={org['topic'].slug}")) == {"Topical one"}
    assert gap_titles(queue(f"status=new&topic={org['topic'].slug}")) == {"Topical one"}


@pytest.mark.parametrize("query", ["status=resolved", "status=nonsense", "process=abc", "process=²", "process=-1"])
def test_the_queue_ignores_a_status_or_process_that_is_not_one(org, gaps, query):
    assert gap_titles(queue(query)) == {"New one", "Triaged one", "Topical one"}


@pytest.mark.parametrize("query", ["process=999999", "topic=no-such-topic", "topic=%20"])
def test_an_id_or_slug_that_names_nothing_empties_the_queue(org, gaps, query):
    assert gap_titles(queue(query)) == set()


def test_the_task_list_shows_open_tasks_unless_asked_for_the_finished_ones(org, gaps):
    open_task, done_task = (
        triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))[0]
        for gap in (gaps["new"], gaps["topical"])
    )
    RevisionTask.objects.filter(pk=done_task.pk).update(status=TaskStatus.DONE)
    tasks = RevisionTask.objects.filter(assignee=org["jim"])

    def shown(query: str) -> set[int]:
        return set(TaskListFilter(QueryDict(query), queryset=tasks).qs.values_list("pk", flat=True))

    assert shown("") == shown("show=open") == shown("show=whatever") == {open_task.pk}
    assert shown("show=closed") == {done_task.pk}
