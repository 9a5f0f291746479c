from django.db import models
from django.utils.translation import gettext_lazy as _

from taggit.models import TagBase


class Topic(TagBase):
    """One subject people know about and pages are about: the vocabulary shared by pages, people, gaps and plans."""

    description = models.TextField(blank=True, help_text=_("What this topic covers, in a sentence or two."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
