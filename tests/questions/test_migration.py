"""The questions sent through profiles before this app existed are carried over by its data migration, with
their ids, as private questions to the person asked; new questions are numbered after them."""

import pytest

from django.utils import timezone

from expertise.factories import TopicFactory, UserFactory
from tests.schema_migrations import migrate_to

BEFORE = [("expertise", "0006_answer_accepted_evidence"), ("questions", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_old_questions_are_copied_into_the_questions_app():
    asker, expert = UserFactory(), UserFactory()
    topic = TopicFactory(name="Vendor holds")
    old_apps = migrate_to(BEFORE)
    OldQuestion = old_apps.get_model("expertise", "Question")
    asked_at = timezone.now().replace(microsecond=0)
    OldQuestion.objects.create(
        id=41, asker_id=asker.pk, expert_id=expert.pk, topic_id=topic.pk, text="Who lifts a hold?", asked_at=asked_at
    )
    OldQuestion.objects.create(id=42, asker_id=expert.pk, expert_id=asker.pk, text="And a block?", asked_at=asked_at)

    migrate_to()

    from questions.models import Question

    copied = Question.objects.get(pk=41)
    assert (copied.asker, copied.expert, copied.topic, copied.text) == (asker, expert, topic, "Who lifts a hold?")
    assert copied.private and copied.status == "open" and copied.asked_at == asked_at
    assert Question.objects.get(pk=42).text == "And a block?"
    assert expert.questions_received.count() == 1
    assert Question.objects.create(asker=asker, expert=expert, text="New one").pk > 42
