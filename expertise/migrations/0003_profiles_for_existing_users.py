from django.conf import settings
from django.db import migrations


def create_profiles(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Profile = apps.get_model("expertise", "Profile")
    missing = User.objects.filter(profile__isnull=True)
    Profile.objects.bulk_create([Profile(user=user) for user in missing], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("expertise", "0002_people_evidence_scores")]

    operations = [migrations.RunPython(create_profiles, migrations.RunPython.noop)]
