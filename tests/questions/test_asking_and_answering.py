"""Questions through the real views: asking a person or a topic, the inbox, answers, follow-ups, acceptance,
edits that keep history, and who may see what."""

import pytest

from django.urls import reverse

from expertise.models import Evidence, EvidenceKind, ExpertiseScore
from expertise.people import questions_this_week
from inbox.models import Notification
from questions.models import Answer, AnswerEdit, Question, QuestionStatus

pytestmark = pytest.mark.django_db


def ask_person(client, person, text="Who releases the payment file?", **extra):
    return client.post(reverse("questions:ask_person", args=[person.username]), {"text": text, **extra})


def post_answer(client, question, text):
    return client.post(reverse("questions:answer", args=[question.pk]), {"text": text})


def test_asking_a_person_from_their_profile_reaches_their_inbox_and_counts_towards_capacity(client, people):
    jill, jim = people["jill"], people["jim"]
    client.force_login(jill)
    profile = client.get(reverse("expertise:profile", args=[jim.username])).content.decode()
    assert reverse("questions:ask_person", args=[jim.username]) in profile and 'name="private"' in profile

    response = ask_person(client, jim, topic=people["topic"].pk)
    question = Question.objects.get()
    assert response.status_code == 302 and response.url == question.get_absolute_url()
    assert question.expert == jim and question.topic == people["topic"] and not question.private
    notification = Notification.objects.get(recipient=jim, kind="question")
    assert notification.url == question.get_absolute_url()
    assert notification.subject == "Jill Hartmann has a question about Payment runs"
    assert questions_this_week([jim.pk]) == {jim.pk: 1}

    client.force_login(jim)
    inbox = client.get(reverse("inbox:inbox")).content.decode()
    assert "Jill Hartmann has a question about Payment runs" in inbox
    assert f'href="{reverse("questions:list")}"' in inbox, "the header leads to Questions"
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Who releases the payment file?" in page and "Post answer" in page


def test_a_question_to_a_leaver_or_to_oneself_or_empty_is_refused_with_a_message(client, people):
    jill, jim = people["jill"], people["jim"]
    client.force_login(jill)
    response = client.post(reverse("questions:ask_person", args=[jim.username]), {"text": " "}, follow=True)
    assert "Write your question." in response.content.decode()
    response = ask_person(client, jill)
    assert not Question.objects.exists()
    jim.profile.active = False
    jim.profile.save()
    response = client.post(reverse("questions:ask_person", args=[jim.username]), {"text": "Anyone?"}, follow=True)
    assert "has left" in response.content.decode()
    assert not Question.objects.exists()


def test_asking_a_topic_notifies_its_practitioners_and_above_capped(client, people, settings):
    jill = people["jill"]
    client.force_login(jill)
    topic_page = client.get(reverse("expertise:topic", args=[people["topic"].slug])).content.decode()
    assert f"{reverse('questions:ask_topic')}?topic=payment-runs" in topic_page
    who = client.get(reverse("expertise:who_knows"), {"q": "payment runs"}).content.decode()
    assert f"{reverse('questions:ask_topic')}?topic=payment-runs&amp;text=payment%20runs" in who
    form = client.get(reverse("questions:ask_topic"), {"topic": "payment-runs", "text": "payment runs"})
    assert "payment runs</textarea>" in form.content.decode()

    response = client.post(
        reverse("questions:ask_topic"), {"topic": people["topic"].pk, "text": "When is the cut-off for the run?"}
    )
    question = Question.objects.get()
    assert response.status_code == 302 and question.expert is None and question.topic == people["topic"]
    notified = set(Notification.objects.filter(kind="question").values_list("recipient__username", flat=True))
    assert notified == {"jim.okafor", "pat.moreau"}, "practitioners and above; not Lea (learning), not Jill"
    for person, listed in (("pat", True), ("lea", False), ("ben", False)):
        client.force_login(people[person])
        page = client.get(reverse("questions:list"), {"show": "my-topics"}).content.decode()
        assert ("When is the cut-off for the run?" in page) is listed, person
    client.force_login(jill)

    settings.QUESTIONS_TOPIC_RECIPIENTS = 1
    client.post(reverse("questions:ask_topic"), {"topic": people["topic"].pk, "text": "And the second run?"})
    second = Question.objects.latest("pk")
    assert list(Notification.objects.filter(key=f"question:{second.pk}").values_list("recipient", flat=True)) == [
        people["jim"].pk
    ]


def test_a_topic_question_without_a_topic_is_refused_on_the_form(client, people):
    client.force_login(people["jill"])
    response = client.post(reverse("questions:ask_topic"), {"text": "Who knows?"})
    assert response.status_code == 400
    assert "Choose the topic your question is about." in response.content.decode()
    assert not Question.objects.exists()


def test_anyone_answers_the_asker_follows_up_and_accepts_and_the_answer_counts_as_expertise(client, people):
    jill, jim, ben = people["jill"], people["jim"], people["ben"]
    client.force_login(jill)
    ask_person(client, jim, topic=people["topic"].pk)
    question = Question.objects.get()

    # Ben was not asked, but the question is shared: he may answer.
    client.force_login(ben)
    post_answer(client, question, "Treasury releases it after the four-eyes check.")
    bens = Answer.objects.get(author=ben)
    assert Notification.objects.filter(recipient=jill, kind="question-answered", key=f"answer:{bens.pk}").exists()
    # Only the asker accepts.
    client.post(reverse("questions:accept", args=[bens.pk]))
    question.refresh_from_db()
    assert question.accepted_answer is None

    client.force_login(jill)
    post_answer(client, question, "Which treasury team, Dublin or Leeds?")
    follow_up = Answer.objects.get(author=jill)
    assert follow_up.is_follow_up
    assert Notification.objects.filter(recipient=ben, kind="question-follow-up").count() == 1
    assert Notification.objects.filter(recipient=jim, kind="question-follow-up").count() == 1
    # Her own follow-up cannot be accepted.
    response = client.post(reverse("questions:accept", args=[follow_up.pk]), follow=True)
    assert "Your own follow-up cannot be the accepted answer." in response.content.decode()

    response = client.post(reverse("questions:accept", args=[bens.pk]), follow=True)
    question.refresh_from_db()
    assert question.accepted_answer == bens and question.status == QuestionStatus.ANSWERED
    assert Notification.objects.filter(recipient=ben, kind="answer-accepted").count() == 1
    evidence = Evidence.objects.get(person=ben, kind=EvidenceKind.ANSWER_ACCEPTED)
    assert evidence.topic == people["topic"] and evidence.source == bens
    score = ExpertiseScore.objects.get(person=ben, topic=people["topic"])
    assert score.score > 0
    page = response.content.decode()
    assert "Accepted answer" in page and "Which treasury team" in page

    # Accepting twice records nothing more.
    client.post(reverse("questions:accept", args=[bens.pk]))
    assert Evidence.objects.filter(person=ben, kind=EvidenceKind.ANSWER_ACCEPTED).count() == 1
    assert Notification.objects.filter(recipient=ben, kind="answer-accepted").count() == 1


def test_an_edit_keeps_the_earlier_text_and_a_withdrawn_answer_stays_in_the_thread(client, people):
    jill, jim = people["jill"], people["jim"]
    client.force_login(jill)
    ask_person(client, jim)
    question = Question.objects.get()
    client.force_login(jim)
    post_answer(client, question, "Treasury does.")
    answer = Answer.objects.get()
    client.post(reverse("questions:edit_answer", args=[answer.pk]), {"text": "Treasury, after the check."})
    answer.refresh_from_db()
    assert answer.text == "Treasury, after the check." and answer.edited_at is not None
    assert list(AnswerEdit.objects.values_list("text", flat=True)) == ["Treasury does."]

    # Someone else cannot edit or withdraw it.
    client.force_login(jill)
    client.post(reverse("questions:edit_answer", args=[answer.pk]), {"text": "Nope."})
    assert client.post(reverse("questions:withdraw_answer", args=[answer.pk])).status_code == 403
    answer.refresh_from_db()
    assert answer.text == "Treasury, after the check." and not answer.is_withdrawn
    client.post(reverse("questions:accept", args=[answer.pk]))

    client.force_login(jim)
    client.post(reverse("questions:withdraw_answer", args=[answer.pk]))
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.is_withdrawn and Answer.objects.filter(pk=answer.pk).exists()
    assert question.accepted_answer is None and question.status == QuestionStatus.OPEN
    assert "Withdrawn by its author." in client.get(question.get_absolute_url()).content.decode()


def test_a_private_question_is_seen_only_by_the_asker_and_the_person_asked(client, people):
    jill, jim, ben = people["jill"], people["jim"], people["ben"]
    client.force_login(jill)
    ask_person(client, jim, text="My manager says my expenses are late; what can I do?", private="on")
    question = Question.objects.get()
    assert question.private

    client.force_login(jim)
    assert client.get(question.get_absolute_url()).status_code == 200
    post_answer(client, question, "Send them this week and copy me.")
    answer = Answer.objects.get()

    client.force_login(ben)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert post_answer(client, question, "Ha").status_code == 404
    assert client.post(reverse("questions:accept", args=[answer.pk])).status_code == 404
    assert client.post(reverse("questions:edit_answer", args=[answer.pk]), {"text": "x"}).status_code == 404
    assert client.post(reverse("questions:to_revision", args=[question.pk])).status_code == 404
    for show in ("open", "answered", "mine", "to-me"):
        listing = client.get(reverse("questions:list"), {"show": show}).content.decode()
        assert "expenses are late" not in listing
    assert Answer.objects.count() == 1

    client.force_login(jill)
    listing = client.get(reverse("questions:list"), {"show": "mine"}).content.decode()
    assert "expenses are late" in listing


def test_the_question_list_is_paginated_and_its_query_count_does_not_grow(
    client, people, django_assert_max_num_queries
):
    jill, jim = people["jill"], people["jim"]
    client.force_login(jill)
    for n in range(30):
        Question.objects.create(asker=jill, expert=jim, topic=people["topic"], text=f"Question number {n}")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("questions:list")).content.decode()
    assert "Question number 29" in page and "Question number 0<" not in page
    assert "Question number 0" in client.get(reverse("questions:list"), {"page": 2}).content.decode()


def test_a_question_s_page_reads_its_thread_in_a_fixed_number_of_queries(client, people, django_assert_max_num_queries):
    jill, jim, ben = people["jill"], people["jim"], people["ben"]
    question = Question.objects.create(asker=jill, topic=people["topic"], text="Who signs off a rerun?")
    for n in range(3):
        Answer.objects.create(question=question, author=[jim, ben, jill][n], text=f"Post {n}")
    client.force_login(people["carrie"])
    client.get(question.get_absolute_url())
    with django_assert_max_num_queries(30) as few:
        client.get(question.get_absolute_url())
    for n in range(3, 15):
        Answer.objects.create(question=question, author=[jim, ben, jill][n % 3], text=f"Post {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(question.get_absolute_url()).content.decode()
    assert "Post 14" in page
