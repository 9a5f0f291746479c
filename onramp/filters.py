"""Fields and filters for the filters people put in a list's query string (read with django-filter FilterSets
or filter forms). As everywhere in Onramp (see onramp/params.py), a value that names nothing is ignored or
falls back to the list's default: never a failed request."""

import django_filters

from django import forms

from onramp.params import parse_count, parse_id


class FallbackChoiceField(forms.ChoiceField):
    """A choice that is always made: `fallback` when the value is missing or not one of the choices."""

    def __init__(self, *, fallback: str, **kwargs):
        self.fallback = fallback
        super().__init__(**kwargs)

    def clean(self, value) -> str:
        value = self.to_python(value)
        return value if value and self.valid_value(value) else self.fallback


class FallbackChoiceFilter(django_filters.Filter):
    """Filters with the chosen value, or with `fallback` when the query string has none or an unknown one.
    Give it a `method`: each choice, the fallback among them, is a way of filtering."""

    field_class = FallbackChoiceField


class IdChoiceField(forms.ModelChoiceField):
    """One object of the queryset, named by its id: anything that is not an id (see `parse_id`) names none."""

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class CountField(forms.Field):
    """A count such as a page size: `default` when the value is not a positive number, never above `maximum`."""

    def __init__(self, *, default: int, maximum: int, **kwargs):
        self.default, self.maximum = default, maximum
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value) -> int:
        return parse_count(value, default=self.default, maximum=self.maximum)
