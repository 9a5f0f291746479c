from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from expertise.models import Profile, SelfAssessment, Team, Topic
from expertise.recording import ENDORSEMENT_REASON_MAX
from expertise.topics import ASK_ME_ABOUT_LIMIT, check_ask_me_about
from onramp.fields import DateField, SingleLineField


class TopicChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": "That topic is not in Onramp's vocabulary; pick one from the list."}


class EndorseForm(forms.Form):
    topic = TopicChoiceField(queryset=Topic.objects.order_by("name"), empty_label=_("Choose a topic"))
    reason = forms.CharField(
        max_length=ENDORSEMENT_REASON_MAX,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. walked me through a blocked payment run")}),
        error_messages={
            "required": _("Say in a few words why: what did you see them do?"),
            "max_length": format_lazy(
                _("Keep the reason to {count} characters or fewer."), count=ENDORSEMENT_REASON_MAX
            ),
        },
    )


class SelfAssessForm(forms.Form):
    topic = TopicChoiceField(queryset=Topic.objects.order_by("name"), empty_label=_("Choose a topic"))
    level = forms.TypedChoiceField(
        choices=SelfAssessment.Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("A level runs from 1 to 5."), "required": _("Choose a level from 1 to 5.")},
    )
    note = forms.CharField(required=False, max_length=300)


class ConfirmForm(forms.Form):
    topic = TopicChoiceField(queryset=Topic.objects.order_by("name"), empty_label=_("Choose a topic"))
    note = forms.CharField(required=False, max_length=300)


class QuestionForm(forms.Form):
    """Asking a person, shown on their profile; the questions app receives it (questions.views.ask_person)."""

    topic = TopicChoiceField(queryset=Topic.objects.order_by("name"), required=False, empty_label=_("Any topic"))
    text = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your question."), "max_length": _("Keep it to 4000 characters.")},
    )
    private = forms.BooleanField(
        label=_("Only them: keep it out of Ask and away from colleagues"),
        required=False,
    )


class ProfileForm(forms.ModelForm):
    """A person's own profile; `user` is who is typing, for the rule on new topics."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_ask_me_about(self):
        names = self.cleaned_data["ask_me_about"]
        check_ask_me_about(names, by=self.user)
        return names

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "title",
            "team",
            "location",
            "time_zone",
            "ask_me_about",
            "bio",
            "chat_handle",
            "out_of_office_until",
            "question_capacity",
        ]
        field_classes = {"display_name": SingleLineField, "title": SingleLineField, "out_of_office_until": DateField}
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "ask_me_about": format_lazy(
                _("Topics from Onramp's vocabulary, separated by commas (at most {count})."), count=ASK_ME_ABOUT_LIMIT
            )
        }


class ProfileAdminForm(WagtailAdminModelForm):
    """Someone's profile in the admin: the same rule on new topics, for the admin who edits it."""

    def clean_ask_me_about(self):
        names = self.cleaned_data["ask_me_about"]
        check_ask_me_about(names, by=self.for_user)
        return names


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or title"), required=False)
    team = forms.ModelChoiceField(
        queryset=Team.objects.order_by("name"), required=False, to_field_name="slug", empty_label=_("All teams")
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.order_by("name"), required=False, to_field_name="slug", empty_label=_("All topics")
    )
    location = forms.CharField(required=False)


class WhoKnowsForm(forms.Form):
    q = forms.CharField(label=_("What do you need to know?"), max_length=200)
