import threading

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from expertise.factories import UserFactory
from forums.gaps import decline_gap, me_too, merge_gaps, raise_gap
from forums.models import Gap, GapSource, GapStatus, Raiser
from inbox.models import Notification

pytestmark = pytest.mark.django_db


def a_gap(org, *, by=None, title="Where do I find the payment block reasons?", **kwargs):
    return raise_gap(title=title, source=GapSource.DIRECT, raised_by=by or org["jill"], **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"title": "   "}, "title", "Say in a few words"),
        ({"title": "x" * 201}, "title", "200 characters or fewer"),
        ({"source": "rumour"}, "source", "not a source of gaps"),
        ({"source": GapSource.FORUM}, "session", "needs the session"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(org, kwargs, field, message):
    arguments = {"title": "A gap", "source": GapSource.DIRECT, "raised_by": org["jill"], **kwargs}
    with pytest.raises(ValidationError) as error:
        raise_gap(**arguments)
    assert message in " ".join(error.value.message_dict[field])
    assert not Gap.objects.exists()


def test_a_gap_takes_its_topics_and_process_from_its_page(org):
    gap = a_gap(org, related_page=org["article"])
    assert list(gap.topics.all()) == [org["topic"]]
    assert gap.process == org["process"]
    assert list(gap.raisers.values_list("person__username", "how")) == [("jill.hartmann", "raised")]


def test_raising_from_the_same_object_twice_gives_the_same_gap(org):
    from wiki.models import PageFeedback

    vote = PageFeedback.objects.create(page=org["article"], helpful=False, reason="unclear", user=org["ben"])
    first = a_gap(org, source_object=vote)
    second = a_gap(org, title="Another title", source_object=vote)
    assert first == second and Gap.objects.count() == 1
    assert first.source_object == vote


def test_experts_hear_of_new_gaps_on_their_topics_and_nobody_else(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a_gap(org, topics=[org["topic"]])
    assert list(Notification.objects.values_list("recipient__username", "kind")) == [("jim.okafor", "gap-new")]


def test_me_too_twice_is_refused_with_a_clear_message(org):
    gap = a_gap(org)
    me_too(gap=gap, person=org["ben"])
    with pytest.raises(ValidationError, match="already said “me too”"):
        me_too(gap=gap, person=org["ben"])
    with pytest.raises(ValidationError, match="raised this gap yourself"):
        me_too(gap=gap, person=org["jill"])
    assert gap.raisers.count() == 2


def test_me_too_twice_through_the_view_shows_the_message(client, org):
    gap = a_gap(org)
    client.force_login(org["ben"])
    client.post(reverse("forums:me_too", args=[gap.pk]))
    response = client.post(reverse("forums:me_too", args=[gap.pk]), follow=True)
    assert "You have already said “me too” on this gap." in response.content.decode()
    assert Raiser.objects.filter(gap=gap, person=org["ben"]).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # see the services fixture
def test_concurrent_me_toos_leave_one_row():
    """Two requests at once: the unique constraint lets one in and the other gets the message."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the PostgreSQL pass runs this")
    jill, ben = UserFactory(), UserFactory()
    gap = raise_gap(title="Payment block reasons", source=GapSource.DIRECT, raised_by=jill)
    barrier, outcomes = threading.Barrier(2), []

    def say_me_too():
        from django.db import connections

        try:
            barrier.wait()
            me_too(gap=Gap.objects.get(pk=gap.pk), person=ben)
            outcomes.append("added")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=say_me_too) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["You have already said “me too” on this gap.", "added"]
    assert Raiser.objects.filter(gap=gap, person=ben).count() == 1


def test_merging_keeps_every_raiser_and_closes_the_duplicate(org):
    gap = a_gap(org, topics=[org["topic"]])
    colleague = UserFactory()
    duplicate = a_gap(org, by=org["ben"], title="Payment block reasons are not listed")
    me_too(gap=duplicate, person=colleague)
    me_too(gap=duplicate, person=org["jill"])  # already on the kept gap: not listed twice
    merge_gaps(duplicate=duplicate, into=gap, by=org["carrie"])
    duplicate.refresh_from_db()
    assert duplicate.status == GapStatus.DUPLICATE and duplicate.duplicate_of == gap
    assert set(gap.raisers.values_list("person_id", flat=True)) == {org["jill"].pk, org["ben"].pk, colleague.pk}
    assert duplicate.raisers.count() == 3  # the duplicate keeps its history
    with pytest.raises(ValidationError, match="merged into"):
        me_too(gap=duplicate, person=UserFactory())


def test_merging_a_gap_into_itself_is_refused(org):
    gap = a_gap(org)
    with pytest.raises(ValidationError) as error:
        merge_gaps(duplicate=gap, into=gap, by=org["carrie"])
    assert "cannot be merged into itself" in error.value.message_dict["into"][0]
    gap.refresh_from_db()
    assert gap.status == GapStatus.NEW


def test_merging_into_itself_through_the_view(client, org):
    gap = a_gap(org)
    client.force_login(org["carrie"])
    response = client.post(reverse("forums:merge", args=[gap.pk]), {"into": gap.pk}, follow=True)
    assert "A gap cannot be merged into itself." in response.content.decode()
    response = client.post(reverse("forums:merge", args=[gap.pk]), {"into": 99999}, follow=True)
    assert "There is no gap number 99999." in response.content.decode()


def test_only_triagers_merge_and_decline(org):
    gap, other = a_gap(org), a_gap(org, title="Another")
    with pytest.raises(PermissionDenied):
        merge_gaps(duplicate=other, into=gap, by=org["ben"])
    with pytest.raises(PermissionDenied):
        decline_gap(gap=gap, by=org["ben"], reason="No")
    assert Gap.objects.filter(status=GapStatus.NEW).count() == 2


def test_declining_needs_a_reason_and_tells_everyone_who_hit_it(org, django_capture_on_commit_callbacks):
    gap = a_gap(org)
    me_too(gap=gap, person=org["ben"])
    with pytest.raises(ValidationError, match="Say why"):
        decline_gap(gap=gap, by=org["carrie"], reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        decline_gap(gap=gap, by=org["carrie"], reason="The vendor block screen is being retired in March.")
    gap.refresh_from_db()
    assert gap.status == GapStatus.DECLINED
    declined = Notification.objects.filter(kind="gap-declined")
    assert set(declined.values_list("recipient__username", flat=True)) == {"jill.hartmann", "ben.ashworth"}
    assert "retired in March" in declined.first().body
    with pytest.raises(ValidationError, match="already declined"):
        decline_gap(gap=gap, by=org["carrie"], reason="Again")


def test_flagging_through_the_view_with_no_title_shows_the_error(client, org):
    client.force_login(org["jill"])
    response = client.post(reverse("forums:flag_gap"), {"title": "", "description": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say in a few words what is missing or wrong." in html and 'id="id_title_error"' in html
    assert not Gap.objects.exists()


def test_gap_pages_list_and_show_gaps(client, org):
    gap = a_gap(org, related_page=org["article"])
    client.force_login(org["ben"])
    assert gap.title in client.get(reverse("forums:gaps")).content.decode()
    html = client.get(reverse("forums:gap", args=[gap.pk])).content.decode()
    assert "Me too" in html and "Triage into tasks" not in html
    client.force_login(org["carrie"])
    assert "Triage into tasks" in client.get(reverse("forums:gap", args=[gap.pk])).content.decode()
    empty = client.get(reverse("forums:gaps"), {"show": "closed"}).content.decode()
    assert "No gap has been closed yet." in empty
