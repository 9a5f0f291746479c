"""Form widgets shared by every app."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker. It reads and writes ISO dates (YYYY-MM-DD) only, whatever the site's
    locale: with any other format an initial or submitted date would show as an empty field."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class Select(forms.Select):
    """A drop-down list rendered in one template: Django's own includes a template per option, and then one
    for the option's attributes, which costs more than the rest of a small form (Ask's filters render three
    lists on every search). Options carry only `selected`, as Django's do; the list's own attributes come
    from Django's attributes template."""

    template_name = "onramp/widgets/select.html"
