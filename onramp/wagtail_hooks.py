from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput

from onramp.fields import DateField

# Every date typed in the Wagtail admin (cohorts, onboardings, profiles, forum sessions, training materials…)
# keeps to the range that Onramp's own forms accept, with Wagtail's date picker.
register_form_field_override(models.DateField, override={"form_class": DateField, "widget": AdminDateInput})
