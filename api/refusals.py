"""Refusals the way the site gives them: a form's errors, and a rule's refusal filed under the field it names,
answered as a 422 problem document whose `errors` name each field (`loc`)."""

from __future__ import annotations

from typing import Annotated

from ninja import Path

from django import forms
from django.core.exceptions import ValidationError

from wagtail.utils.forms import FormValidationError

from onramp.form_messages import add_errors_to_form
from onramp.params import LARGEST_ID

# An id in a path: beyond what an id column holds it is refused (422) rather than overflowing the database driver.
ObjectId = Annotated[int, Path(ge=1, le=LARGEST_ID)]


def refusal(form: forms.Form | None, error: ValidationError | None = None) -> FormValidationError:
    """The form's errors, plus `error` (a rule's refusal) under the field it names or `__all__`, to raise.
    Without a form (a refusal about a whole object), the refusal alone, under `__all__`."""
    form = form if form is not None else forms.Form({})
    form.is_valid()  # cleans a bound form, so a refusal can be added to it
    if error is not None:
        add_errors_to_form(form, error)
    return FormValidationError.from_form(form)
