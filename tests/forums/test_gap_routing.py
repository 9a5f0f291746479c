"""A gap reaches the experts on what it is about: its topics are suggested from its words, a glossary term and
its page, the raiser confirms them on the form, and each expert on them hears once, in one short message."""

import pytest

from django.urls import reverse

from expertise.factories import ExpertiseScoreFactory, TopicFactory, UserFactory
from expertise.models import ExpertiseScore
from forums.gap_topics import suggest_gap_topics
from forums.models import Gap
from inbox.models import Notification
from search.models import GlossaryTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def costs(org):
    """Cost centres next to the payment runs: Clara knows cost centres, Jim payment runs, Ines both, Lena is
    only learning cost centres."""
    cost_centres = TopicFactory(name="Cost centres")
    clara, ines, lena = (UserFactory(username=name) for name in ("clara.cost", "ines.both", "lena.learner"))
    ExpertiseScoreFactory(person=clara, topic=cost_centres)
    ExpertiseScoreFactory(person=ines, topic=cost_centres, level=ExpertiseScore.Level.GO_TO, score=12)
    ExpertiseScoreFactory(person=ines, topic=org["topic"])
    ExpertiseScoreFactory(person=lena, topic=cost_centres, level=ExpertiseScore.Level.LEARNING, score=0.5)
    return {"topic": cost_centres, "clara": clara, "ines": ines, "lena": lena}


def selected_topics(html: str) -> set[str]:
    return {name for name in ("Cost centres", "Payment runs") if f"selected>{name}</option>" in html}


def test_the_topics_are_those_the_words_name_a_glossary_term_names_and_the_page_carries(org, costs):
    assert suggest_gap_topics(text="Which cost centre do I book a courier to?") == [costs["topic"]]
    assert suggest_gap_topics(text="Nothing about that here") == []
    GlossaryTerm.objects.create(term="CC", expansion="cost centre", definition="Where a cost is booked.")
    assert suggest_gap_topics(text="Which CC for couriers?") == [costs["topic"]]
    assert suggest_gap_topics(text="Which CC for couriers?", related_page=org["article"]) == [
        costs["topic"],
        org["topic"],
    ]


def test_the_form_suggests_the_topics_and_raises_the_gap_with_those_the_raiser_confirms(
    client, org, costs, django_capture_on_commit_callbacks
):
    client.force_login(org["jill"])
    form = client.get(reverse("forums:flag_gap"), {"page": org["article"].pk}).content.decode()
    assert selected_topics(form) == {"Payment runs"}  # the page's topic, ticked

    asked = {"title": "Which cost centre does a courier invoice go to?", "related_page": org["article"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        check = client.post(reverse("forums:flag_gap"), asked)
    page = check.content.decode()
    assert check.status_code == 200 and not Gap.objects.exists()
    assert "Check the topics before the gap is raised" in page
    assert selected_topics(page) == {"Cost centres", "Payment runs"}
    assert 'name="topics_checked" value="True"' in page or 'name="topics_checked" value="1"' in page

    # The raiser keeps cost centres only: the payment runs page was merely where they looked.
    with django_capture_on_commit_callbacks(execute=True):
        raised = client.post(
            reverse("forums:flag_gap"), {**asked, "topics": [costs["topic"].pk], "topics_checked": "1"}
        )
    gap = Gap.objects.get()
    assert raised.status_code == 302 and raised["Location"] == gap.get_absolute_url()
    assert list(gap.topics.all()) == [costs["topic"]]
    heard = sorted(Notification.objects.filter(kind="gap-new").values_list("recipient__username", flat=True))
    assert heard == ["clara.cost", "ines.both"]  # not Jim (payment runs only), not Lena (learning)


def test_unticking_every_suggested_topic_raises_a_gap_no_expert_hears_of(
    client, org, costs, django_capture_on_commit_callbacks
):
    client.force_login(org["jill"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forums:flag_gap"),
            {"title": "Cost centre of a courier", "related_page": org["article"].pk, "topics_checked": "1"},
        )
    gap = Gap.objects.get()
    assert not gap.topics.exists()  # the page's topics are not put back behind the raiser's back
    assert not Notification.objects.filter(kind="gap-new").exists()


def test_an_expert_on_several_of_its_topics_gets_one_short_message_naming_them(
    client, org, costs, django_capture_on_commit_callbacks
):
    client.force_login(org["jill"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forums:flag_gap"),
            {
                "title": "Cost centre of a payment run fee",
                "description": "I looked in the payment run pages. " * 20,
                "topics": [costs["topic"].pk, org["topic"].pk],
                "topics_checked": "1",
            },
        )
    (ines_message,) = Notification.objects.filter(kind="gap-new", recipient=costs["ines"])
    assert ines_message.subject == "New gap on Cost centres, Payment runs: Cost centre of a payment run fee"
    assert "You know Cost centres, Payment runs" in ines_message.body
    assert "I looked in" not in ines_message.body and len(ines_message.body) < 200
    (jim_message,) = Notification.objects.filter(kind="gap-new", recipient=org["jim"])
    assert jim_message.subject == "New gap on Payment runs: Cost centre of a payment run fee"
    assert Notification.objects.filter(kind="gap-new").count() == 3  # Clara, Ines, Jim: once each
    assert not Notification.objects.filter(recipient=org["jill"]).exists()


def test_a_gap_recorded_at_a_session_takes_the_topics_it_names_else_the_group_s(
    client, org, costs, django_capture_on_commit_callbacks
):
    import datetime

    from forums.models import ForumSession, UserGroup

    group = UserGroup.objects.create(name="Payables user group", slug="payables", facilitator=org["carrie"])
    group.members.set([org["jill"], org["ben"]])
    group.topics.set([org["topic"]])
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6))
    client.force_login(org["ben"])
    data = {"gaps-TOTAL_FORMS": "2", "gaps-INITIAL_FORMS": "0", "gaps-MIN_NUM_FORMS": "0", "gaps-MAX_NUM_FORMS": "20"}
    data.update({"gaps-0-title": "Cost centre of courier fees", "gaps-1-title": "Blocked vendors"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("forums:session", args=[session.pk]), data).status_code == 302
    topics = {gap.title: [topic.name for topic in gap.topics.all()] for gap in Gap.objects.all()}
    assert topics == {"Cost centre of courier fees": ["Cost centres"], "Blocked vendors": ["Payment runs"]}
    costs_gap = Gap.objects.get(title__startswith="Cost centre")
    heard = set(
        Notification.objects.filter(kind="gap-new", url=costs_gap.get_absolute_url()).values_list(
            "recipient__username", flat=True
        )
    )
    assert heard == {"clara.cost", "ines.both"}  # not Jim, expert on the group's payment runs only
