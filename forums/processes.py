"""Which business process a page or training material belongs to: what the gap queue is grouped by."""

from __future__ import annotations

from wagtail.models import Page

from wiki.models import ProcessPage, TrainingMaterial


def process_of_page(page: Page | None) -> ProcessPage | None:
    """The page itself when it is a process, otherwise the nearest process above it."""
    if page is None:
        return None
    if isinstance(page.specific_deferred, ProcessPage):
        return ProcessPage.objects.filter(pk=page.pk).first()
    return ProcessPage.objects.ancestor_of(page).order_by("-depth").first()


def process_of_material(material: TrainingMaterial | None) -> ProcessPage | None:
    if material is None:
        return None
    return material.processes.order_by("path").first()
