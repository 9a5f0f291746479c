"""The inbox's filter (inbox/filters.py): all notifications, or the unread ones; anything else is all."""

import pytest

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

import inbox
from expertise.factories import UserFactory
from inbox.filters import InboxFilter
from inbox.models import Notification

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("query", "expected"), [("", {"Read", "Unread"}), ("show=unread", {"Unread"})])
def test_the_inbox_shows_all_or_unread(query, expected):
    person = UserFactory()
    inbox.notify(person, kind="test", subject="Read", key="k1")
    inbox.notify(person, kind="test", subject="Unread", key="k2")
    Notification.objects.filter(subject="Read").update(read_at=timezone.now())
    chosen = InboxFilter(QueryDict(query), queryset=Notification.objects.filter(recipient=person))
    assert set(chosen.qs.values_list("subject", flat=True)) == expected


@pytest.mark.parametrize("value", ["read", "UNREAD", "all", ""])
def test_any_other_show_is_all(value):
    person = UserFactory()
    inbox.notify(person, kind="test", subject="Read", key="k1")
    Notification.objects.update(read_at=timezone.now())
    chosen = InboxFilter(QueryDict(f"show={value}"), queryset=Notification.objects.all())
    assert chosen.qs.count() == 1
    assert chosen.form.cleaned_data["show"] == "all"


def test_the_inbox_page_links_keep_the_filter(client):
    person = UserFactory()
    for number in range(26):
        inbox.notify(person, kind="test", subject=f"Notice {number}", key=f"k{number}")
    client.force_login(person)
    first = client.get(reverse("inbox:inbox"), {"show": "unread"}).content.decode()
    assert 'href="?show=unread&amp;page=2" rel="next"' in first
    second = client.get(reverse("inbox:inbox"), {"page": 2, "show": "unread"}).content.decode()
    assert 'href="?page=1&amp;show=unread" rel="prev"' in second
