"""The page where a signed-in person lists, makes and revokes their own API tokens (rules: onramp/api_tokens.py).
The plaintext of a new token is in the one response to the POST that made it, and nowhere else."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from onramp import api_tokens
from onramp.actions import post_action
from onramp.form_messages import add_errors_to_form
from onramp.params import parse_id

PER_PAGE = 20


class TokenForm(forms.Form):
    # The rule (api_tokens.make_token) checks the name; the form only carries it, with the limit for the browser.
    name = forms.CharField(
        label=gettext_lazy("Name"),
        required=False,
        strip=False,
        help_text=gettext_lazy("What the token is for, e.g. “Weekly figures”. Only you see it."),
        widget=forms.TextInput(attrs={"maxlength": api_tokens.NAME_MAX_LENGTH}),
    )


@never_cache
def token_list(request):
    """GET: the person's tokens and the form to make one. POST: make one and show its plaintext, once."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, plaintext = api_tokens.make_token(request.user, form.cleaned_data["name"])
        except ValidationError as error:
            add_errors_to_form(form, error)
        else:
            return render(request, "account/api_token_made.html", {"token": token, "plaintext": plaintext})
    page = Paginator(api_tokens.tokens_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "account/api_tokens.html",
        {"form": form, "tokens": page, "page_obj": page, "name_limit": api_tokens.NAME_MAX_LENGTH},
        status=400 if form.errors else 200,
    )


def load_own_token(request, token_id: str):
    return api_tokens.token_of(request.user, parse_id(token_id))


@post_action(load=load_own_token, back=lambda request, token, succeeded: redirect("api_tokens"))
def revoke(request, token) -> str:
    api_tokens.revoke_token(request.user, token.pk)
    return _("The token “%(name)s” is revoked: the API refuses it from now on.") % {"name": token.name}
