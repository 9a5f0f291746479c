"""The questions loop through the real views: a question → an answer → accepted → a trainer turns it into a
page revision (a revision task with the answer as an unpublished draft) → published → the task is done, the
gap resolved, and the asker hears it exactly once."""

import pytest

from django.urls import reverse

from wagtail.models import Page

from expertise.models import Evidence, EvidenceKind
from forums.models import Gap, GapStatus, RevisionTask, TaskKind, TaskStatus
from forums.tasks import notify_gap_closed
from inbox.models import Notification
from questions.models import Answer, Question
from tests.forums.test_whole_loop import publish_article_through_admin

pytestmark = pytest.mark.django_db

ANSWER = "If the vendor is blocked, ask vendor master data to release it, then rerun the proposal."


def test_an_accepted_answer_becomes_a_published_revision_and_the_asker_hears_once(
    client, org, django_capture_on_commit_callbacks
):
    jill, ben, jim, carrie, article = org["jill"], org["ben"], org["jim"], org["carrie"], org["article"]

    client.force_login(jill)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("questions:ask_person", args=[jim.username]),
            {"text": "The proposal shows a blocked vendor: what now?", "topic": org["topic"].pk},
        )
    question = Question.objects.get()

    client.force_login(ben)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("questions:answer", args=[question.pk]), {"text": ANSWER})
    answer = Answer.objects.get()

    client.force_login(jill)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("questions:accept", args=[answer.pk]))
    assert Evidence.objects.filter(person=ben, kind=EvidenceKind.ANSWER_ACCEPTED, topic=org["topic"]).exists()
    # Jill may not turn it into wiki work: she is neither a trainer nor the page's owner.
    assert "Put this answer in the wiki" not in client.get(question.get_absolute_url()).content.decode()
    assert client.post(reverse("questions:to_revision", args=[question.pk]), {"page": article.pk}).status_code == 403
    assert not RevisionTask.objects.exists()

    # Carrie, a trainer, turns it into a revision of the article with one action.
    client.force_login(carrie)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Put this answer in the wiki" in page and f'value="{article.pk}"' in page
    revisions_before = article.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("questions:to_revision", args=[question.pk]), {"page": article.pk})
    task = RevisionTask.objects.get()
    assert response.status_code == 302 and response.url == task.get_absolute_url()
    assert task.kind == TaskKind.PAGE and task.page_id == article.pk and task.assignee == carrie
    question.refresh_from_db()
    gap = Gap.objects.get()
    assert question.gap == gap and task.gap == gap and gap.source_object == question
    assert gap.raisers.get().person == jill
    # The answer is a draft revision of the page; the live page is unchanged.
    article.refresh_from_db()
    assert article.revisions.count() == revisions_before + 1
    draft = article.get_latest_revision_as_object()
    assert ANSWER in str(draft.body.render_as_block()) and article.has_unpublished_changes
    live = Page.objects.get(pk=article.pk).specific
    assert ANSWER not in str(live.body.render_as_block())
    # Doing it again opens no second task.
    response = client.post(reverse("questions:to_revision", args=[question.pk]), {"page": article.pk}, follow=True)
    assert "already has a page task" in response.content.decode()
    assert RevisionTask.objects.count() == 1

    # Carrie edits and publishes the draft in the admin, then confirms the task.
    with django_capture_on_commit_callbacks(execute=True):
        publish_article_through_admin(client, article, ANSWER)
        client.post(reverse("forums:complete_task", args=[task.pk]))
    task.refresh_from_db()
    gap.refresh_from_db()
    assert task.status == TaskStatus.DONE and gap.status == GapStatus.RESOLVED
    assert ANSWER in str(Page.objects.get(pk=article.pk).specific.body.render_as_block())

    # Jill hears once that her question's page is fixed, linking to it; a second run sends nothing.
    resolved = Notification.objects.filter(recipient=jill, kind="gap-resolved")
    assert resolved.count() == 1 and resolved.get().url == article.url
    assert notify_gap_closed(gap.pk) == 0
    assert Notification.objects.filter(recipient=jill, kind="gap-resolved").count() == 1
    # And the question's page names the task.
    client.force_login(jill)
    assert task.get_absolute_url() in client.get(question.get_absolute_url()).content.decode()
