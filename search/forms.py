from django import forms
from django.utils.translation import gettext_lazy as _

from onramp.fields import SingleLineField
from onramp.widgets import Select
from search.ask import KIND_CHOICES
from search.normalise import MAX_QUERY_CHARS


class SearchInput(forms.TextInput):
    input_type = "search"


class AskForm(forms.Form):
    """The Ask page's question and filters. Nothing here is refused: a question too long is cut, and an
    unknown filter value is ignored, so a search never ends on an error."""

    q = forms.CharField(label=_("Your question"), required=False, strip=True, widget=SearchInput)
    area = forms.TypedChoiceField(
        label=_("Process area"), required=False, coerce=int, empty_value=None, choices=[], widget=Select
    )
    topic = forms.CharField(label=_("Topic"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind of page"), required=False, choices=[("", "Any kind"), *KIND_CHOICES], widget=Select
    )

    def __init__(self, *args, areas=(), topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "All areas"), *((str(pk), title) for pk, title in areas)]
        self.fields["topic"].widget = Select(choices=[("", "All topics"), *topics])
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "maxlength": str(MAX_QUERY_CHARS * 7)}
        )

    def cleaned_or_default(self, name: str):
        """The cleaned value, or the empty value when it was not valid (an area that no longer exists) or nothing
        was asked (the Ask page opened without a question)."""
        if self.is_bound and (self.is_valid() or name not in self.errors):
            return self.cleaned_data.get(name) or (None if name == "area" else "")
        return None if name == "area" else ""


class RaiseGapForm(forms.Form):
    title = SingleLineField(
        label=_("What is missing"),
        max_length=200,
        help_text=_("We filled in your question; say it in your own words if you like."),
        error_messages={
            "required": _("Say in a few words what is missing."),
            "max_length": _("Keep it to 200 characters."),
        },
    )
    q = forms.CharField(widget=forms.HiddenInput, max_length=4000)


class AnsweredForm(forms.Form):
    answered = forms.TypedChoiceField(
        label=_("Did this answer your question?"),
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
