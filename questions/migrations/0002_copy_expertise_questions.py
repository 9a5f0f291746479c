# Every question sent through a profile before this app existed, copied with its id (so the inbox notifications
# keyed "question:<id>" still name the same question), as a question to that person that others may not see:
# it was sent as a private message.

from django.core.management.color import no_style
from django.db import migrations


def copy_questions(apps, schema_editor):
    Old = apps.get_model("expertise", "Question")
    New = apps.get_model("questions", "Question")
    New.objects.bulk_create(
        New(
            id=old.id,
            asker_id=old.asker_id,
            expert_id=old.expert_id,
            topic_id=old.topic_id,
            text=old.text,
            private=True,
            asked_at=old.asked_at,
        )
        for old in Old.objects.all().iterator()
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [New]):
            cursor.execute(statement)


def copy_back(apps, schema_editor):
    Old = apps.get_model("expertise", "Question")
    New = apps.get_model("questions", "Question")
    Old.objects.bulk_create(
        Old(id=q.id, asker_id=q.asker_id, expert_id=q.expert_id, topic_id=q.topic_id, text=q.text, asked_at=q.asked_at)
        for q in New.objects.filter(expert__isnull=False).iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('questions', '0001_initial'),
        ('expertise', '0005_profile_chat_handle'),
    ]

    operations = [
        migrations.RunPython(copy_questions, copy_back),
    ]
