from django import template
from django.urls import reverse
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def result_link(logged, url: str, kind: str) -> str:
    """The link to a result: through the click log when the search was logged, straight there otherwise."""
    if logged is None or not url:
        return url or ""
    return reverse("search:go", args=[logged.pk]) + "?" + urlencode({"url": url, "kind": kind})
