from types import SimpleNamespace

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

# How many rendered freshness badges a process keeps (a few hundred bytes each); all are dropped when full.
BADGES_KEPT = 4096
_badges: dict[tuple, str] = {}


@register.simple_tag
def result_link(logged, url: str, kind: str) -> str:
    """The link to a result: through the click log when the search was logged, straight there otherwise."""
    if logged is None or not url:
        return url or ""
    return go_url(logged) + "?" + urlencode({"url": url, "kind": kind})


def go_url(logged) -> str:
    """The click log's address for the logged search, found once for all of its result links."""
    url = getattr(logged, "_go_url", None)
    if url is None:
        url = logged._go_url = reverse("search:go", args=[logged.pk])
    return url


@register.simple_tag
def freshness_badge(page) -> SafeString:
    """includes/freshness_badge.html for the page's freshness (nothing without one), rendered once per state,
    language and time zone: its labels and date cost more to translate and format than the rest of a result.
    The badge is made from the page's freshness alone."""
    state = page.freshness
    if not state:
        return mark_safe("")  # noqa: S308 (an empty string)
    key = (get_language(), timezone.get_current_timezone_name(), state)
    html = _badges.get(key)
    if html is None:
        html = render_to_string("includes/freshness_badge.html", {"page": SimpleNamespace(freshness=state)})
        if len(_badges) >= BADGES_KEPT:
            _badges.clear()
        _badges[key] = html
    return mark_safe(html)  # noqa: S308 (rendered by a template, which escapes)
