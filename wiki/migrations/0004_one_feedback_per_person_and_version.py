import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def keep_each_persons_latest_vote(apps, schema_editor):
    """Before the constraint: a person's repeated votes on a page become one, their latest."""
    PageFeedback = apps.get_model("wiki", "PageFeedback")
    votes = (
        PageFeedback.objects.filter(user__isnull=False)
        .order_by("page_id", "user_id", "-created_at", "-pk")
        .values_list("pk", "page_id", "user_id")
    )
    seen, earlier = set(), []
    for pk, page_id, user_id in votes.iterator(chunk_size=2000):
        if (page_id, user_id) in seen:
            earlier.append(pk)
        else:
            seen.add((page_id, user_id))
    for start in range(0, len(earlier), 500):
        PageFeedback.objects.filter(pk__in=earlier[start : start + 500]).delete()


class Migration(migrations.Migration):
    """One "was this helpful?" vote per person and version of a page."""

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wiki", "0003_index_last_published"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="pagefeedback",
            name="revision",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="wagtailcore.revision",
            ),
        ),
        migrations.RunPython(keep_each_persons_latest_vote, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="pagefeedback",
            constraint=models.UniqueConstraint(
                condition=models.Q(("revision__isnull", False), ("user__isnull", False)),
                fields=("page", "user", "revision"),
                name="one_feedback_per_person_and_version",
            ),
        ),
        migrations.AddConstraint(
            model_name="pagefeedback",
            constraint=models.UniqueConstraint(
                condition=models.Q(("revision__isnull", True), ("user__isnull", False)),
                fields=("page", "user"),
                name="one_unversioned_feedback_per_person",
            ),
        ),
    ]
