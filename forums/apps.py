from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums, gaps and revision tasks")

    def ready(self):
        from forums import candidates, signals  # noqa: F401 - registers receivers and the feedback source
