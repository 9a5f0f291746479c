from django.db import migrations, models


def weigh_existing_postings(apps, schema_editor):
    """The weights of a wiki indexed before they were stored (raw SQL on fixed table names, see the module)."""
    from search import posting_weights

    if apps.get_model("search", "PageTerm").objects.using(schema_editor.connection.alias).exists():
        posting_weights.refresh()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_pageterm_counts_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="TermIndexState",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("averages", models.TextField(help_text="Each field's average length in words, as JSON.")),
                ("formula", models.TextField()),
            ],
            options={
                "verbose_name": "term index state",
            },
        ),
        migrations.RemoveIndex(
            model_name="pageterm",
            name="search_pageterm_counts",
        ),
        migrations.AddField(
            model_name="pageterm",
            name="weight",
            field=models.FloatField(default=0.0),
        ),
        migrations.RunPython(weigh_existing_postings, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="pageterm",
            index=models.Index(fields=["term", "page_id", "weight"], name="search_pageterm_weights"),
        ),
    ]
