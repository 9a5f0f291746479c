"""`load_demo --force` under production settings, as the stack ran it: the demo loads, its admin is a moderator
and not a superuser. (That it is refused without --force: tests/onramp/test_load_demo_in_production.py.)"""

import pytest

pytestmark = pytest.mark.browser

DEMO_ADMIN = "olu.adebayo"
USER = "from django.contrib.auth import get_user_model\nUser = get_user_model()"


def test_with_force_the_demo_loads_without_a_superuser(stack):
    assert "Demo organisation loaded" in stack.demo_output
    assert "no superuser" in stack.demo_output
    assert stack.query("ArticlePage.objects.live().exists()", imports="from wiki.models import ArticlePage")
    assert not stack.query("User.objects.filter(is_superuser=True).exists()", imports=USER)
    admin = f"User.objects.get(username={DEMO_ADMIN!r})"
    is_staff = stack.query(f"{admin}.is_staff", imports=USER)
    groups = stack.query(f"list({admin}.groups.values_list('name', flat=True))", imports=USER)
    assert not is_staff
    assert "Moderators" in groups, "the demo admin still edits the wiki"
