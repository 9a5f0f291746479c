"""Introductions are per person, not per go-to topic: each onboarding's earliest introduction of a person is
kept as that person's introduction, then the per-topic columns go."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def introductions_from_go_to_people(apps, schema_editor):
    GoToPerson = apps.get_model("buddies", "GoToPerson")
    Introduction = apps.get_model("buddies", "Introduction")
    earliest = {}
    rows = GoToPerson.objects.filter(introduced_at__isnull=False).order_by("introduced_at", "pk")
    for row in rows.values("onboarding_id", "person_id", "introduced_at", "introduced_by_id"):
        earliest.setdefault((row["onboarding_id"], row["person_id"]), row)
    Introduction.objects.bulk_create(
        Introduction(
            onboarding_id=onboarding_id,
            person_id=person_id,
            introduced_at=row["introduced_at"],
            introduced_by_id=row["introduced_by_id"],
        )
        for (onboarding_id, person_id), row in earliest.items()
    )


def go_to_people_from_introductions(apps, schema_editor):
    GoToPerson = apps.get_model("buddies", "GoToPerson")
    Introduction = apps.get_model("buddies", "Introduction")
    for introduction in Introduction.objects.all():
        GoToPerson.objects.filter(onboarding_id=introduction.onboarding_id, person_id=introduction.person_id).update(
            introduced_at=introduction.introduced_at, introduced_by_id=introduction.introduced_by_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("buddies", "0003_onboarding_draft"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Introduction",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("introduced_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "introduced_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "onboarding",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="introductions",
                        to="buddies.onboarding",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "ordering": ["introduced_at", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("onboarding", "person"), name="one_introduction_per_person")
                ],
            },
        ),
        migrations.RunPython(introductions_from_go_to_people, go_to_people_from_introductions),
        migrations.RemoveField(model_name="gotoperson", name="introduced_at"),
        migrations.RemoveField(model_name="gotoperson", name="introduced_by"),
    ]
