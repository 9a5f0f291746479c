from django.apps import AppConfig


class ExpertiseConfig(AppConfig):
    name = "expertise"
    verbose_name = "Expertise map"

    def ready(self):
        from expertise import signals  # noqa: F401
