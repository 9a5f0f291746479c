from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WikiConfig(AppConfig):
    name = "wiki"
    verbose_name = _("Business-process wiki")

    def ready(self):
        # Receivers connect on import, and may import models only once the app registry is ready.
        from onramp import page_generation  # noqa: F401
        from wiki import evidence  # noqa: F401
