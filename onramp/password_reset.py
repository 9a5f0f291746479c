"""Password reset by email on the site, under /accounts/password-reset/: Django's views with Onramp's templates.

The email goes out through onramp/mail.py, its link starts with WAGTAILADMIN_BASE_URL like every link Onramp
emails, and requests are counted per address like the admin's "forgot password" (onramp/throttling.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import suppress

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.template.loader import render_to_string
from django.urls import path

from onramp import throttling
from onramp.mail import send_email


class PersonPasswordResetForm(PasswordResetForm):
    """Django's form, with two differences: people who never had a password get the email too, and it is sent
    by onramp/mail.py."""

    def get_users(self, email: str) -> Iterator[AbstractBaseUser]:
        """The active people with this address, whether or not they have a usable password: people imported from
        HR get an unusable one (imports/people.py) and choose their first password here. Django's form leaves
        them out. Inactive people get nothing."""
        people = get_user_model()
        field = people.get_email_field_name()
        matches = people._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})
        return (person for person in matches if same_address(email, getattr(person, field)))

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict,
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = render_to_string(subject_template_name, context)
        body = render_to_string(email_template_name, context)
        # send_email logs a failure. It is not raised: the page must read the same whether or not the address
        # belongs to someone, and an error page would tell.
        with suppress(Exception):
            send_email(subject=subject, body=body, to=[to_email])


def same_address(given: str, stored: str) -> bool:
    """Compared like Django's own form does, so "ﬁ" and "fi" are one address but a lookalike is not."""
    return unicodedata.normalize("NFKC", given).casefold() == unicodedata.normalize("NFKC", stored).casefold()


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for an address and emails a link to it. Shows the same "check your email" page whether or not
    anyone has the address; at most SIGN_IN_ADDRESS_FAILURE_LIMIT requests per client address in each lockout
    period, counted together with the admin's."""

    form_class = PersonPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    @property
    def extra_email_context(self) -> dict:
        return {"base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}

    def post(self, request, *args, **kwargs):
        if not throttling.allow_password_reset(request):
            return throttling.locked_out(request)
        return super().post(request, *args, **kwargs)


class ChoosePasswordForm(SetPasswordForm):
    """Django's form, with the password rules as one sentence-run rather than a list: the field's help text goes
    in a paragraph (includes/field.html), which a list cannot be inside."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = " ".join(password_validation.password_validators_help_texts())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = ChoosePasswordForm


urlpatterns = [
    path("", PasswordResetView.as_view(), name="password_reset"),
    path("sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("<uidb64>/<token>/", PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
]
