from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from buddies.models import BuddyProfile, SurveyResponse
from expertise.models import SelfAssessment, Topic
from onramp.fields import DateField

RATINGS = [(n, str(n)) for n in range(1, 6)]


class CheckInForm(forms.Form):
    held_on = DateField(label=_("Held on"))
    aims = forms.CharField(
        label=_("What this session aims for"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    learned = forms.CharField(
        label=_("What was learned"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    questions = forms.CharField(
        label=_("Questions raised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: questions the wiki did not answer. They can be raised as gaps."),
    )
    private_note = forms.CharField(
        label=_("Private note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only you will ever read this: not the other person, not a manager, not an admin."),
    )


class AddCheckInForm(forms.Form):
    scheduled_for = DateField(label=_("Date"))


class AssignForm(forms.Form):
    buddy = forms.ModelChoiceField(
        label=_("Buddy"),
        queryset=get_user_model().objects.none(),
        help_text=_("Anyone who opted in as a buddy; the rules are checked when you save."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you change buddy or choose someone other than the best match."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddy"].queryset = (
            get_user_model()
            .objects.filter(pk__in=BuddyProfile.objects.filter(opted_in=True).values("user_id"))
            .order_by("first_name", "last_name")
        )
        self.fields["buddy"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class SurveyForm(forms.ModelForm):
    buddy_support = forms.TypedChoiceField(
        label=_("Support from my buddy"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    plan_clarity = forms.TypedChoiceField(
        label=_("Clarity of my plan"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    confidence = forms.TypedChoiceField(
        label=_("My confidence in the job"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = SurveyResponse
        fields = ["buddy_support", "plan_clarity", "confidence", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}


class PlanSelfAssessForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none())
    level = forms.TypedChoiceField(
        label=_("Level"), choices=SelfAssessment.Level.choices, coerce=int, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics if topics is not None else Topic.objects.none()


class EndOnboardingForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("completed", "Completed the program"), ("ended-early", "Ended early")],
        widget=forms.RadioSelect,
    )
    end_date = DateField(label=_("Last day"))
