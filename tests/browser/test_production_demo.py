"""`load_demo --force` under production settings, as the stack ran it: the demo loads, its admin is a moderator
and not a superuser, and what it prints is a short summary and the login table. (That it is refused without
--force: tests/onramp/test_load_demo_in_production.py; the pieces that keep it quiet: test_load_demo_output.py.)"""

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


def test_load_demo_prints_a_short_summary_counted_in_words_and_the_logins(stack):
    from onramp.demo.loader import DEMO_PASSWORD, demo_logins

    lines = stack.demo_output.splitlines()
    assert len(lines) <= 14, stack.demo_output
    assert lines[0].startswith("Demo organisation loaded: created ")
    assert "29 people" in lines[0] and "7 buddies" in lines[0] and "4 logged searches" in lines[0]
    assert "1 cohort," in lines[0]
    assert not {"persons", "buddys", "searchs", "Subject:"} & set(stack.demo_output.split())
    assert f"Demo logins (password for all: {DEMO_PASSWORD}):" in lines
    for role, username in demo_logins():
        assert f"  {role:<9} {username}" in lines
