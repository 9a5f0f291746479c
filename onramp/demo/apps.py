from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "onramp.demo"
    label = "demo"
    verbose_name = "Demo organisation"
