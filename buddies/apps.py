from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuddiesConfig(AppConfig):
    name = "buddies"
    verbose_name = _("Buddies and ramp-up")

    def ready(self):
        # Imported here: these modules import models, which the app registry loads before ready() runs.
        from buddies.access import hires_buddied_by
        from buddies.drafts import draft_for_new_starter
        from expertise.privacy import add_self_assessment_viewer_rule
        from imports.provisioning import add_new_starter_rule

        add_self_assessment_viewer_rule(hires_buddied_by)
        add_new_starter_rule(draft_for_new_starter)
