from django.db import migrations


class Migration(migrations.Migration):
    """Feedback is one click: a not-helpful vote may come without a reason."""

    dependencies = [
        ("wiki", "0004_one_feedback_per_person_and_version"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="pagefeedback",
            name="not_helpful_feedback_has_reason",
        ),
    ]
