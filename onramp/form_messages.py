"""Turning a refused form or rule into what the person reads: one message for actions that answer with a
flash message, or the form's own errors for views that show the form again."""

from django import forms
from django.core.exceptions import ValidationError


def error_message(error: ValidationError) -> str:
    """Every message of `error`, field by field, as one sentence-run."""
    if hasattr(error, "message_dict"):
        return " ".join(" ".join(texts) for texts in error.message_dict.values())
    return " ".join(error.messages)


def form_errors(form: forms.Form) -> str:
    """A form's errors as one message, each after its field's label (the field's name when it has none)."""
    return " ".join(
        f"{form.fields[name].label or name.title()}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
        for name, errors in form.errors.items()
    )


def add_errors_to_form(form: forms.Form, error: ValidationError) -> None:
    """A rule's refusal shown on the form: under the field it names, or above the form for the rest."""
    for field, texts in getattr(error, "message_dict", {"__all__": error.messages}).items():
        form.add_error(field if field in form.fields else None, texts)
