"""Views that do one thing on POST about one object and go back: "endorse this person", "tick this milestone",
"cancel this task". Each app says how to load the object and where to go afterwards; the rest is here."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from onramp.form_messages import error_message

Loader = Callable[..., Any]
Handler = Callable[[HttpRequest, Any], str | None]
Back = Callable[[HttpRequest, Any, bool], HttpResponse]


def post_action(*, load: Loader, back: Back) -> Callable[[Handler], Callable[..., HttpResponse]]:
    """A decorator for such views. The view is refused with 405 unless it is a POST.

    `load(request, **url_kwargs)` fetches the object and raises Http404 or PermissionDenied when the person
    may not act on it. The decorated handler, `handler(request, obj)`, runs the rule and returns what to tell
    the person; a ValidationError it raises becomes an error message instead. `back(request, obj, succeeded)`
    answers with where to go next.
    """

    def decorator(handler: Handler) -> Callable[..., HttpResponse]:
        @wraps(handler)
        @require_POST
        def view(request: HttpRequest, **url_kwargs: Any) -> HttpResponse:
            target = load(request, **url_kwargs)
            try:
                done = handler(request, target)
            except ValidationError as error:
                messages.error(request, error_message(error))
                return back(request, target, False)
            if done:
                messages.success(request, done)
            return back(request, target, True)

        return view

    return decorator
