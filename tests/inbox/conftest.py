import pytest

from tests.services.conftest import celery_worker, services  # noqa: F401


@pytest.fixture
def overridden_notification_templates(settings, tmp_path):
    """Every notification template (`<app>/notifications/*.txt`) overridden, as a translation or a site would:
    each subject reads "Overridden subject <name>" and each body "Overridden body <name>" (name without the
    `_subject`/`_body` ending), so a test can tell the words came from the template."""
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings as django_settings

    ours = [app for app in apps.get_app_configs() if Path(app.path).parent == Path(django_settings.BASE_DIR)]
    for app in ours:
        for template in (Path(app.path) / "templates").glob("*/notifications/*_*.txt"):
            name, part = template.stem.rsplit("_", 1)
            override = tmp_path / template.parent.parent.name / "notifications" / template.name
            override.parent.mkdir(parents=True, exist_ok=True)
            override.write_text(f"Overridden {part} {name}\n")
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    settings.TEMPLATES = templates
    return tmp_path
