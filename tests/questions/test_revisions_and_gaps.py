"""An accepted answer turned into a new article by the page owner, refused for private questions; questions
nobody answered become gaps on a schedule, once."""

from datetime import timedelta

import pytest
from celery.schedules import crontab

from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from forums.models import Gap, RevisionTask, TaskKind
from questions.models import Answer, Question, QuestionStatus
from questions.tasks import raise_gaps_for_unanswered_questions
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db


def answered_question(client, people, *, private=False):
    client.force_login(people["jill"])
    data = {"text": "How do I stop a duplicate payment?", "topic": people["topic"].pk}
    if private:
        data["private"] = "on"
    client.post(reverse("questions:ask_person", args=[people["jim"].username]), data)
    question = Question.objects.get()
    client.force_login(people["jim"])
    client.post(
        reverse("questions:answer", args=[question.pk]), {"text": "Reverse it in the run log.\n\nThen tell AP."}
    )
    client.force_login(people["jill"])
    client.post(reverse("questions:accept", args=[Answer.objects.get().pk]))
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    return question


def test_the_page_owner_turns_an_answer_into_a_draft_new_article(client, people):
    question = answered_question(client, people)
    jim, ben, process = people["jim"], people["ben"], people["process"]

    client.force_login(ben)
    response = client.post(
        reverse("questions:to_revision", args=[question.pk]),
        {"new_page_title": "Stop a duplicate payment", "new_page_parent": process.pk},
    )
    assert response.status_code == 403 and not RevisionTask.objects.exists()

    client.force_login(jim)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Put this answer in the wiki" in page
    response = client.post(
        reverse("questions:to_revision", args=[question.pk]),
        {"new_page_title": "Stop a duplicate payment", "new_page_parent": process.pk},
    )
    task = RevisionTask.objects.get()
    assert response.status_code == 302 and task.kind == TaskKind.NEW_PAGE and task.new_page_parent_id == process.pk
    article = ArticlePage.objects.get(title="Stop a duplicate payment")
    assert not article.live and article.get_parent().pk == process.pk
    assert list(article.topics.all()) == [people["topic"]]
    html = str(article.get_latest_revision_as_object().body.render_as_block())
    assert "<p>Reverse it in the run log.</p>" in html and "<p>Then tell AP.</p>" in html


def test_nothing_without_a_choice_of_page_and_nothing_from_a_private_question(client, people):
    question = answered_question(client, people)
    client.force_login(people["carrie"])
    response = client.post(reverse("questions:to_revision", args=[question.pk]), {}, follow=True)
    assert "Choose a page to revise, or give the title of a new article." in response.content.decode()
    assert not RevisionTask.objects.exists() and not Gap.objects.exists()

    Question.objects.all().delete()
    Answer.objects.all().delete()
    private = answered_question(client, people, private=True)
    client.force_login(people["jim"])  # he may see it, and owns the page
    assert "Put this answer in the wiki" not in client.get(private.get_absolute_url()).content.decode()
    response = client.post(
        reverse("questions:to_revision", args=[private.pk]), {"page": people["article"].pk}, follow=True
    )
    assert "A private question stays between the people in it" in response.content.decode()
    assert not RevisionTask.objects.exists() and not Gap.objects.exists()


def test_unanswered_questions_become_gaps_once_and_others_do_not(client, people, settings):
    settings.QUESTIONS_UNANSWERED_DAYS = 5
    jill, jim, topic = people["jill"], people["jim"], people["topic"]
    old = timezone.now() - timedelta(days=6)
    stale = Question.objects.create(asker=jill, topic=topic, text="Who signs the bank mandate?", asked_at=old)
    Question.objects.create(asker=jill, expert=jim, private=True, text="A private one", asked_at=old)
    answered = Question.objects.create(asker=jill, topic=topic, text="Answered already", asked_at=old)
    Answer.objects.create(question=answered, author=jim, text="Yes.")
    followed_up = Question.objects.create(asker=jill, topic=topic, text="Only I wrote more", asked_at=old)
    Answer.objects.create(question=followed_up, author=jill, text="Anyone?")
    Question.objects.create(asker=jill, topic=topic, text="Too recent", asked_at=timezone.now() - timedelta(days=2))

    assert raise_gaps_for_unanswered_questions() == 2
    assert raise_gaps_for_unanswered_questions() == 0
    gaps = {gap.title: gap for gap in Gap.objects.all()}
    assert set(gaps) == {"Who signs the bank mandate?", "Only I wrote more"}
    gap = gaps["Who signs the bank mandate?"]
    assert gap.raised_by == jill and list(gap.topics.all()) == [topic] and gap.source_object == stale
    stale.refresh_from_db()
    assert stale.gap == gap

    client.force_login(jill)
    assert gap.get_absolute_url() in client.get(stale.get_absolute_url()).content.decode()


def test_an_unanswered_question_with_no_topic_becomes_a_gap_on_the_topics_its_words_name(people, settings):
    settings.QUESTIONS_UNANSWERED_DAYS = 5
    Question.objects.create(
        asker=people["jill"],
        expert=people["jim"],
        text="When do payment runs close on a bank holiday?",
        asked_at=timezone.now() - timedelta(days=6),
    )

    assert raise_gaps_for_unanswered_questions() == 1
    assert list(Gap.objects.get().topics.all()) == [people["topic"]]


def test_the_unanswered_question_task_runs_daily_on_a_crontab():
    entry = django_settings.CELERY_BEAT_SCHEDULE["raise-gaps-for-unanswered-questions"]
    assert entry["task"] == "questions.tasks.raise_gaps_for_unanswered_questions"
    assert isinstance(entry["schedule"], crontab)
