from django import forms

from wiki.feedback import record_feedback
from wiki.models import PageFeedback
from wiki.models.feedback import COMMENT_MAX_LENGTH


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label="Was this helpful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no."},
    )
    reason = forms.ChoiceField(
        label="What was wrong?",
        choices=PageFeedback.Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label="Anything else? (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={"max_length": f"Keep the comment to {COMMENT_MAX_LENGTH} characters or fewer."},
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "reason", "comment"]

    def save(self, *, page, user) -> PageFeedback:
        data = self.cleaned_data
        return record_feedback(
            page=page, user=user, helpful=data["helpful"], reason=data["reason"], comment=data["comment"]
        )


class VerifyForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": "e.g. checked against the new approval limits"}),
        error_messages={"max_length": "Keep the note to 500 characters or fewer."},
    )
