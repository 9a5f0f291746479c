from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Forums, gaps and revision tasks"

    def ready(self):
        from forums import candidates, signals  # noqa: F401 - registers receivers and the feedback source
