from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertiseConfig(AppConfig):
    name = "expertise"
    verbose_name = _("Expertise map")

    def ready(self):
        from expertise import signals  # noqa: F401
