"""The pieces every app's views share: POST actions, error messages, page links."""

import pytest

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from buddies import views as buddies_views
from expertise import views as expertise_views
from forums import views as forums_views
from onramp.actions import post_action
from onramp.form_messages import add_errors_to_form, error_message, form_errors
from wiki.factories import UserFactory

pytestmark = pytest.mark.django_db


def loaded(request, pk: int) -> str:
    return f"thing {pk}"


def back(request, target, succeeded: bool) -> HttpResponse:
    return HttpResponse(f"{target} {'done' if succeeded else 'refused'}")


@post_action(load=loaded, back=back)
def poke(request, target):
    """Pokes the thing, unless asked not to."""
    if request.POST.get("refuse"):
        raise ValidationError({"reason": ["Not today.", "Nor tomorrow."]})
    return f"Poked {target}."


def with_messages(request):
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_an_action_keeps_the_name_and_docstring_of_its_view():
    assert poke.__name__ == "poke"
    assert poke.__doc__ == "Pokes the thing, unless asked not to."
    for view, name in [
        (expertise_views.endorse, "expertise.views.endorse"),
        (buddies_views.tick_milestone, "buddies.views.tick_milestone"),
        (forums_views.move_task, "forums.views.move_task"),
    ]:
        assert f"{view.__module__}.{view.__qualname__}" == name


def test_an_action_runs_on_post_and_says_what_happened():
    request = with_messages(RequestFactory().post("/poke/"))
    response = poke(request, pk=7)
    assert response.content == b"thing 7 done"
    assert [str(message) for message in get_messages(request)] == ["Poked thing 7."]


def test_a_refused_action_says_why_and_goes_back_all_the_same():
    request = with_messages(RequestFactory().post("/poke/", {"refuse": "1"}))
    response = poke(request, pk=7)
    assert response.content == b"thing 7 refused"
    assert [str(message) for message in get_messages(request)] == ["Not today. Nor tomorrow."]


def test_an_action_refuses_get_with_405():
    assert poke(RequestFactory().get("/poke/"), pk=7).status_code == 405


@pytest.mark.parametrize(
    ("url_name", "argument"),
    [
        ("expertise:endorse", "username"),
        ("buddies:end", 1),
        ("buddies:tick", 1),
        ("forums:move_task", 1),
        ("forums:cancel_task", 1),
    ],
)
def test_each_apps_actions_refuse_get_with_405(client, url_name, argument):
    person = UserFactory(username="jill.hartmann")
    client.force_login(person)
    url = reverse(url_name, args=[person.username if argument == "username" else argument])
    assert client.get(url).status_code == 405


class TripForm(forms.Form):
    destination = forms.CharField(label="Where to")
    nights = forms.IntegerField()

    def clean(self):
        raise ValidationError("Trips are frozen.")


def test_form_errors_name_each_field_by_its_label_or_its_name():
    form = TripForm({"nights": "many"})
    assert not form.is_valid()
    assert form_errors(form) == ("Where to: This field is required. Nights: Enter a whole number. Trips are frozen.")


def test_error_message_joins_every_message_of_a_field_error_or_a_plain_one():
    assert error_message(ValidationError({"a": ["One."], "b": ["Two.", "Three."]})) == "One. Two. Three."
    assert error_message(ValidationError(["One.", "Two."])) == "One. Two."


def test_a_rules_refusal_goes_under_its_field_or_above_the_form():
    form = TripForm({"destination": "Oslo", "nights": "2"})
    form.is_valid()
    add_errors_to_form(form, ValidationError({"destination": ["Too cold."], "budget": ["Over budget."]}))
    assert form.errors["destination"] == ["Too cold."]
    assert "Over budget." in form.non_field_errors()


def page_links(query: str, *, number: int, extra: dict | None = None) -> str:
    page = Paginator(range(100), 10).get_page(number)
    request = RequestFactory().get(f"/list/?{query}")
    return render_to_string("includes/pagination.html", {"page_obj": page, **(extra or {})}, request=request)


def test_page_links_keep_the_other_parameters_and_replace_the_page():
    html = page_links("show=closed&page=3&topic=payment-runs", number=3)
    assert 'href="?show=closed&amp;page=2&amp;topic=payment-runs" rel="prev"' in html
    assert 'href="?show=closed&amp;page=4&amp;topic=payment-runs" rel="next"' in html
    assert "page=3" not in html


def test_page_links_without_other_parameters_carry_the_page_only():
    html = page_links("", number=1)
    assert 'href="?page=2" rel="next"' in html
    assert 'rel="prev"' not in html


def test_page_links_carry_what_the_view_adds_to_the_query_string():
    kept = QueryDict("q=invoice&page=2", mutable=True)
    kept["log"] = "12"
    html = page_links("q=invoice&page=2", number=2, extra={"page_links_query": kept})
    assert 'href="?q=invoice&amp;page=1&amp;log=12" rel="prev"' in html
    assert 'href="?q=invoice&amp;page=3&amp;log=12" rel="next"' in html
