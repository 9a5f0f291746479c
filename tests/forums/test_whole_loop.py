"""The loop the issue asks for, through the real views: flag → triage → page revision → material update →
resolved → the raiser and a "me too" person each hear it once."""

from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from expertise.models import Evidence, EvidenceKind
from forums.models import Gap, GapStatus, RevisionTask, TaskKind, TaskStatus
from inbox.models import Notification

pytestmark = pytest.mark.django_db


def publish_article_through_admin(client, article, text: str):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "kind": "procedure",
            "summary": article.summary,
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
            "topics": "Payment runs",
            "page_owner": article.page_owner.pk,
            "verification_interval_days": 90,
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def update_material_through_admin(client, material, *, reviewed):
    data = {
        "title": material.title,
        "kind": material.kind,
        "url": material.url,
        "trainer": material.trainer.pk,
        "processes": [process.pk for process in material.processes.all()],
        "topics": "Payment runs",
        "last_reviewed": reviewed.isoformat(),
    }
    url = reverse("wagtailsnippets_wiki_trainingmaterial:edit", args=[material.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_gap_goes_from_a_new_hire_to_a_better_page_and_course(client, org, django_capture_on_commit_callbacks):
    jill, ben, jim, carrie = org["jill"], org["ben"], org["jim"], org["carrie"]
    article, material = org["article"], org["material"]

    # Jill flags the gap from the article.
    client.force_login(jill)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forums:flag_gap"),
            {
                "title": "Nothing says what to do when the proposal shows a blocked vendor",
                "description": "The run stopped and I could not find the next step.",
                "topics": [org["topic"].pk],
                "related_page": article.pk,
            },
        )
    gap = Gap.objects.get()
    assert response.status_code == 302 and response.url == reverse("forums:gap", args=[gap.pk])
    assert gap.status == GapStatus.NEW and gap.process == org["process"]
    # The expert on the topic hears about the new gap; Jill, who raised it, does not.
    assert Notification.objects.filter(kind="gap-new", recipient=jim).count() == 1
    assert not Notification.objects.filter(kind="gap-new", recipient=jill).exists()

    # Ben hit it too.
    client.force_login(ben)
    client.post(reverse("forums:me_too", args=[gap.pk]))
    assert gap.raisers.count() == 2

    # Carrie triages it into a page task for Jim and a material task for herself.
    client.force_login(carrie)
    due = timezone.localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forums:triage", args=[gap.pk]),
            {
                "page": article.pk,
                "page_assignee": jim.pk,
                "page_due_date": due.isoformat(),
                "material": material.pk,
                "material_assignee": carrie.pk,
                "material_due_date": due.isoformat(),
                "instructions": "Add the blocked-vendor branch.",
            },
        )
    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.status == GapStatus.TRIAGED
    page_task = RevisionTask.objects.get(gap=gap, kind=TaskKind.PAGE)
    material_task = RevisionTask.objects.get(gap=gap, kind=TaskKind.MATERIAL)
    assert Notification.objects.filter(kind="task-assigned", recipient=jim).count() == 1
    assert Notification.objects.filter(kind="task-assigned", recipient=carrie).count() == 1

    # Jim cannot confirm before publishing; then publishes a revision in the admin and confirms.
    client.force_login(jim)
    client.post(reverse("forums:complete_task", args=[page_task.pk]))
    page_task.refresh_from_db()
    assert page_task.status == TaskStatus.OPEN
    client.post(reverse("forums:move_task", args=[page_task.pk]), {"status": "in-progress"})
    gap.refresh_from_db()
    assert gap.status == GapStatus.IN_REVISION
    with django_capture_on_commit_callbacks(execute=True):
        publish_article_through_admin(
            client, article, "If the vendor is blocked, ask vendor master data to release it."
        )
        client.post(reverse("forums:complete_task", args=[page_task.pk]))
    page_task.refresh_from_db()
    assert page_task.status == TaskStatus.DONE and page_task.done_by == jim
    gap.refresh_from_db()
    assert gap.status == GapStatus.IN_REVISION  # the material task is still open

    # Carrie updates the material's review date in the admin: the material task closes with it.
    client.force_login(carrie)
    with django_capture_on_commit_callbacks(execute=True):
        update_material_through_admin(client, material, reviewed=timezone.localdate())
    material_task.refresh_from_db()
    assert material_task.status == TaskStatus.DONE
    gap.refresh_from_db()
    assert gap.status == GapStatus.RESOLVED and gap.closed_at is not None

    # Jill and Ben each get exactly one notification that it is fixed, linking to the improved page.
    for person in (jill, ben):
        resolved = Notification.objects.filter(recipient=person, kind="gap-resolved")
        assert resolved.count() == 1
        assert resolved.get().url == article.url
    assert sum("Fixed:" in message.subject for message in mail.outbox) == 2

    # Running the notification again sends nothing more.
    from forums.tasks import notify_gap_closed

    assert notify_gap_closed(gap.pk) == 0
    assert Notification.objects.filter(kind="gap-resolved").count() == 2

    # The work counts as expertise.
    assert Evidence.objects.filter(person=jim, kind=EvidenceKind.TASK_COMPLETED, topic=org["topic"]).exists()
    assert Evidence.objects.filter(person=jim, kind=EvidenceKind.GAP_RESOLVED, topic=org["topic"]).exists()
    assert Evidence.objects.filter(person=carrie, kind=EvidenceKind.GAP_RESOLVED).exists()

    # Jill sees the count in the header and the notification in her inbox.
    client.force_login(jill)
    html = client.get(reverse("inbox:inbox")).content.decode()
    assert "Fixed: Nothing says what to do" in html
