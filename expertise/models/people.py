"""People: a profile on each user, their team, and the questions colleagues send them."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.managers import TaggableManager
from taggit.models import ItemBase


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AskMeAbout(ItemBase):
    tag = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="ask_me_about_links")
    content_object = models.ForeignKey("expertise.Profile", on_delete=models.CASCADE, related_name="ask_me_about_links")

    class Meta:
        unique_together = [("content_object", "tag")]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(zone)s” is not a time zone Onramp knows; use a name such as Europe/London.") % {"zone": value}
        )


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    external_id = models.CharField(
        _("HR id"), max_length=100, null=True, blank=True, unique=True, help_text=_("The person's id in the HR system.")
    )
    display_name = models.CharField(max_length=150, blank=True, help_text=_("How colleagues see your name."))
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    title = models.CharField(max_length=150, blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    location = models.CharField(max_length=100, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    start_date = models.DateField(null=True, blank=True)
    active = models.BooleanField(default=True)
    ask_me_about = TaggableManager(through=AskMeAbout, blank=True, verbose_name=_("ask me about"))
    bio = models.TextField(max_length=1000, blank=True)
    chat_handle = models.CharField(
        _("chat handle"),
        max_length=80,
        blank=True,
        help_text=_("Your name in the team chat (Slack or Teams), e.g. @jill.hartmann, so colleagues can message you."),
    )
    out_of_office_until = models.DateField(null=True, blank=True)
    question_capacity = models.PositiveSmallIntegerField(
        _("questions a week"),
        default=5,
        validators=[MinValueValidator(0)],
        help_text=_("How many questions from colleagues you can take in a week."),
    )

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or self.user.get_username()

    def is_out_of_office(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.out_of_office_until is not None and self.out_of_office_until >= on

    def clean(self):
        from expertise.people import manager_chain_loops

        if self.manager_id and manager_chain_loops(person_id=self.user_id, manager_id=self.manager_id):
            raise ValidationError(
                {"manager": _("That manager would make the reporting chain loop back to this person.")}
            )
