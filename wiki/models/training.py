"""Formal training materials, linked to the processes and topics they teach."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index


class MaterialTopic(ItemBase):
    tag = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="material_links")
    content_object = ParentalKey("wiki.TrainingMaterial", on_delete=models.CASCADE, related_name="topic_links")

    class Meta:
        unique_together = [("content_object", "tag")]


class TrainingMaterial(RevisionMixin, index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        SLIDE_DECK = "slide-deck", _("Slide deck")
        VIDEO = "video", _("Video")
        JOB_AID = "job-aid", _("Job aid")

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COURSE)
    url = models.URLField(_("link"), blank=True, help_text=_("Where the material lives, if not uploaded here."))
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="training_materials",
        help_text=_("The trainer who owns and revises this material."),
    )
    processes = ParentalManyToManyField("wiki.ProcessPage", blank=True, related_name="training_materials")
    topics = ClusterTaggableManager(through=MaterialTopic, blank=True)
    last_reviewed = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("document")], heading=_("Where to find it")),
        FieldPanel("trainer"),
        FieldPanel("processes"),
        FieldPanel("topics"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if not self.url and not self.document_id:
            raise ValidationError({"url": _("Give a link or choose a document: a material needs somewhere to live.")})

    @property
    def location(self) -> str:
        return self.document.url if self.document_id else self.url
