"""`load_demo` under production settings (ONRAMP_PRODUCTION) is refused without --force. Not in tests/demo/, whose
package loads the demo before its tests: this needs a database without it. What --force leaves (the demo, its admin
no superuser) is checked on the browser journeys' production stack, which loads it that way:
tests/browser/test_production_demo.py."""

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
