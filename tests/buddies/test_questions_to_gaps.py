from datetime import timedelta

import pytest

from django.urls import reverse

from buddies import checkins
from buddies.models import CheckInQuestion
from buddies.pairing import assign_buddy, start_onboarding
from expertise.factories import ExpertiseScoreFactory, TopicFactory
from forums.models import Gap, GapSource, Raiser
from inbox.models import Notification
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    check_in = onboarding.check_ins.first()
    checkins.record_check_in(
        check_in=check_in,
        by=org["jim"],
        held_on=START + timedelta(days=7),
        aims="First invoices",
        questions="Who releases blocked invoices over 10k?\nWhich cost centre do courier invoices go to?",
        private_note="Jill seems anxious about the month end",
    )
    return CheckInQuestion.objects.get(text__startswith="Who releases")


@pytest.fixture
def cost_centres(org):
    """Sam knows cost centres; Agnes knows both topics of Jill's plan."""
    topic = TopicFactory(name="Cost centres")
    ExpertiseScoreFactory(person=org["sam"], topic=topic)
    ExpertiseScoreFactory(person=org["agnes"], topic=org["invoices"])
    ExpertiseScoreFactory(person=org["agnes"], topic=org["payments"])
    return topic


def test_the_hire_raises_a_check_in_question_as_a_gap_after_confirming_its_topics(client, org, question):
    client.force_login(org["jill"])
    onboarding_page = client.get(reverse("buddies:mine")).content.decode()
    assert "Raise as a gap" in onboarding_page
    confirm = client.get(reverse("buddies:raise_question", args=[question.pk]))
    assert confirm.status_code == 200 and "Who releases blocked invoices over 10k?" in confirm.content.decode()
    assert not Gap.objects.exists()  # looking is not raising

    response = client.post(reverse("buddies:raise_question", args=[question.pk]), {"topics": [org["invoices"].pk]})

    gap = Gap.objects.get()
    assert response.status_code == 302 and response["Location"] == gap.get_absolute_url()
    assert gap.title == "Who releases blocked invoices over 10k?" and gap.source == GapSource.CHECK_IN
    assert gap.source_object == question
    assert list(gap.raisers.values_list("person__username", "how")) == [("jill.hartmann", Raiser.How.RAISED)]
    assert [topic.name for topic in gap.topics.all()] == ["Invoice matching"]
    assert "Gap: New" in client.get(reverse("buddies:mine")).content.decode()
    # Once raised, the question's link leads to its gap rather than raising another.
    assert client.get(reverse("buddies:raise_question", args=[question.pk]))["Location"] == gap.get_absolute_url()


def test_a_question_takes_the_topics_it_names_not_the_whole_plan_and_only_their_experts_hear(
    client, org, question, cost_centres, django_capture_on_commit_callbacks
):
    about_costs = CheckInQuestion.objects.get(text__startswith="Which cost centre")
    client.force_login(org["jim"])
    confirm = client.get(reverse("buddies:raise_question", args=[about_costs.pk])).content.decode()
    assert f'<option value="{cost_centres.pk}" selected>Cost centres</option>' in confirm
    assert f'<option value="{org["invoices"].pk}">Invoice matching</option>' in confirm  # offered, not ticked

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("buddies:raise_question", args=[about_costs.pk]), {"topics": [cost_centres.pk]})

    gap = Gap.objects.get()
    assert list(gap.topics.all()) == [cost_centres]
    heard = list(Notification.objects.filter(kind="gap-new").values_list("recipient__username", flat=True))
    assert heard == ["sam.thornton"]  # once; Agnes, expert on the plan's topics, is not bothered


def test_the_private_note_of_the_check_in_goes_nowhere_with_its_question(
    client, org, question, cost_centres, django_capture_on_commit_callbacks
):
    client.force_login(org["jill"])
    confirm = client.get(reverse("buddies:raise_question", args=[question.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("buddies:raise_question", args=[question.pk]),
            {"topics": [org["invoices"].pk, org["payments"].pk]},
        )
    gap = Gap.objects.get()
    client.force_login(org["agnes"])
    shown = [confirm, client.get(gap.get_absolute_url()).content.decode(), gap.description]
    shown += [f"{n.subject} {n.body}" for n in Notification.objects.all()]
    assert Notification.objects.filter(recipient=org["agnes"], kind="gap-new").count() == 1
    assert not [text for text in shown if "anxious" in text]


def test_raising_the_same_question_again_keeps_one_gap(client, org, question):
    client.force_login(org["jim"])
    client.post(reverse("buddies:raise_question", args=[question.pk]))
    client.force_login(org["jill"])
    again = client.post(reverse("buddies:raise_question", args=[question.pk]), {"topics": [org["payments"].pk]})
    assert Gap.objects.count() == 1 and again["Location"] == Gap.objects.get().get_absolute_url()


def test_only_the_hire_and_the_buddy_may_raise_their_questions(client, org, question):
    client.force_login(org["nadia"])  # the manager sees the onboarding but does not hold the check-ins
    assert client.get(reverse("buddies:raise_question", args=[question.pk])).status_code == 403
    assert client.post(reverse("buddies:raise_question", args=[question.pk])).status_code == 403
    client.force_login(org["sam"])  # someone unrelated does not even see it
    assert client.get(reverse("buddies:raise_question", args=[question.pk])).status_code == 404
    assert client.post(reverse("buddies:raise_question", args=[question.pk])).status_code == 404
    assert not Gap.objects.exists()
