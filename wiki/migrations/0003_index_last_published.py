from django.db import migrations


class Migration(migrations.Migration):
    """The home page lists the most recently published articles; without an index that sorts every page."""

    dependencies = [("wiki", "0002_create_home_page")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS wiki_page_last_published_idx ON wagtailcore_page (last_published_at)",
            "DROP INDEX IF EXISTS wiki_page_last_published_idx",
        )
    ]
