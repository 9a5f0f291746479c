from django.db import models

from taggit.models import TagBase


class Topic(TagBase):
    """One subject people know about and pages are about: the vocabulary shared by pages, people, gaps and plans."""

    description = models.TextField(blank=True, help_text="What this topic covers, in a sentence or two.")

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"
        verbose_name_plural = "topics"
