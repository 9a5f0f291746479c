from django.apps import AppConfig


class WikiConfig(AppConfig):
    name = "wiki"
    verbose_name = "Business-process wiki"

    def ready(self):
        # Receivers connect on import, and may import models only once the app registry is ready.
        from wiki import evidence  # noqa: F401
