# Questions people send each other now live in the questions app (questions.0002 copied every row, keeping its id).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('expertise', '0006_answer_accepted_evidence'),
        ('questions', '0002_copy_expertise_questions'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Question',
        ),
    ]
