"""Form fields shared by every app."""

from django import forms

from onramp.dates import EARLIEST, LATEST, check_in_range
from onramp.text import single_line
from onramp.widgets import DateInput


class DateField(forms.DateField):
    """A date someone enters: the browser's date picker, bounded to the range in `onramp.dates`. Every form of
    Onramp uses it, and the Wagtail admin's forms too (registered in `onramp/wagtail_hooks.py`)."""

    widget = DateInput
    default_validators = [check_in_range]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", "") == "date":
            attrs.update(min=EARLIEST.isoformat(), max=LATEST.isoformat())
        return attrs


class SingleLineField(forms.CharField):
    """Text that must stay on one line, such as a title: line breaks and runs of spaces become one space (a
    title goes into email subjects, which cannot hold a line break)."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if value else value
