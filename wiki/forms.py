from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wiki.feedback import record_feedback
from wiki.models import PageFeedback
from wiki.models.feedback import COMMENT_MAX_LENGTH


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Was this helpful?"),
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        # Not required on its own: a reason alone (one of the page's "No" buttons) means "no".
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("What was wrong? (optional)"),
        choices=PageFeedback.Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything else? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": format_lazy(_("Keep the comment to {count} characters or fewer."), count=COMMENT_MAX_LENGTH)
        },
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "reason", "comment"]

    def clean(self):
        data = super().clean()
        if data.get("helpful") is None and "helpful" not in self.errors:
            if data.get("reason"):
                data["helpful"] = False
            else:
                self.add_error("helpful", _("Choose yes or no."))
        return data

    def save(self, *, page, user) -> PageFeedback:
        data = self.cleaned_data
        return record_feedback(
            page=page, user=user, helpful=data["helpful"], reason=data["reason"], comment=data["comment"]
        )


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. checked against the new approval limits")}),
        error_messages={"max_length": _("Keep the note to 500 characters or fewer.")},
    )

    def __init__(self, *args, note_required: bool = False, **kwargs):
        """With `note_required` (the page has open problems) the note says why the page is still correct."""
        kwargs.setdefault("auto_id", "verify-%s")
        super().__init__(*args, **kwargs)
        if note_required:
            note = self.fields["note"]
            note.required = True
            note.label = _("Note (required)")
            note.help_text = _("Problems are open on this page: say why it is still correct, or what you checked.")
            note.error_messages["required"] = _(
                "Write a note: problems are open on this page, so say why it is still correct."
            )
