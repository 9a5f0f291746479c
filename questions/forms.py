from django import forms
from django.utils.translation import gettext_lazy as _

from expertise.forms import QuestionForm, TopicChoiceField
from expertise.models import Topic
from questions.models import TEXT_MAX

TEXT_ERRORS = {
    "required": _("Write your question."),
    "max_length": _("Keep it to %(limit_value)d characters."),
}


# Shown on a person's profile (expertise owns the page), received here.
AskPersonForm = QuestionForm


class AskTopicForm(forms.Form):
    topic = TopicChoiceField(
        queryset=Topic.objects.order_by("name"),
        empty_label=_("Choose a topic"),
        error_messages={"required": _("Choose the topic your question is about.")},
    )
    text = forms.CharField(
        label=_("Your question"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=TEXT_ERRORS,
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your answer."), "max_length": _("Keep it to %(limit_value)d characters.")},
    )


class ToRevisionForm(forms.Form):
    """Where the accepted answer goes: an existing article, or a new one under a process page."""

    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    new_page_title = forms.CharField(label=_("Or write a new article called"), max_length=255, required=False)
    new_page_parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
