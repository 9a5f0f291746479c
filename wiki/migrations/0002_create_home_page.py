from django.db import migrations


def create_home_page(apps, schema_editor):
    """Replace Wagtail's welcome page with Onramp's home page, and point the default site at it."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("wiki.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    welcome_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=welcome_type, depth=2, slug="home", numchild=0).delete()
    if Page.objects.filter(depth=2).exists():
        return
    home_type, _ = ContentType.objects.get_or_create(app_label="wiki", model="homepage")
    home = HomePage.objects.create(
        title="Onramp",
        draft_title="Onramp",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=Locale.objects.order_by("pk").first(),
    )
    root = Page.objects.get(depth=1)
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Onramp"}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wiki", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
