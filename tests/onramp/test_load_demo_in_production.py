"""`load_demo` under production settings (ONRAMP_PRODUCTION): refused without --force, and with it the demo's
admin is no superuser. Not in tests/demo/, whose package loads the demo before its tests: these need a database
without it."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from expertise.models import Topic
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db

DEMO_ADMIN = "olu.adebayo"


@pytest.fixture
def production(settings):
    settings.ONRAMP_PRODUCTION = True


def test_under_production_settings_the_demo_is_refused_without_force(production):
    people_before = get_user_model().objects.count()
    with pytest.raises(CommandError, match=r"production settings.*--force"):
        call_command("load_demo", stdout=StringIO())
    assert get_user_model().objects.count() == people_before
    assert not Topic.objects.exists() and not ArticlePage.objects.exists()


def test_with_force_the_demo_loads_without_a_superuser(production):
    output = StringIO()
    call_command("load_demo", "--force", stdout=output)

    assert "Demo organisation loaded" in output.getvalue()
    assert ArticlePage.objects.live().exists()
    assert not get_user_model().objects.filter(is_superuser=True).exists()
    admin = get_user_model().objects.get(username=DEMO_ADMIN)
    assert not admin.is_staff
    assert admin.groups.filter(name="Moderators").exists(), "the demo admin still edits the wiki"
    assert "no superuser" in output.getvalue()
