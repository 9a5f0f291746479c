"""The wiki's page types: the tree follows the business-process model (area → process → procedure)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from wiki.blocks import ArticleBodyBlock
from wiki.visibility import closed_sections_key, restriction_ids_on, viewable

from .ownership import OwnedPage

SUMMARY_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PageTopic(ItemBase):
    """Links a wiki page to a topic of the shared vocabulary."""

    tag = models.ForeignKey("expertise.Topic", on_delete=models.CASCADE, related_name="page_links")
    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="topic_links")

    class Meta:
        unique_together = [("content_object", "tag")]


class CachedViewRestrictions:
    """Wagtail checks a page's view restrictions, and those of its ancestors, before serving it (two queries):
    which restrictions apply is cached per page (wiki.visibility.restriction_ids_on), and is nothing, read from
    no table, while no page is restricted. Whether the reader passes them is decided on each request, as before."""

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        ids = restriction_ids_on(
            self, lambda: list(super(CachedViewRestrictions, self).get_view_restrictions().values_list("pk", flat=True))
        )
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()


class HomePage(CachedViewRestrictions, Page):
    intro = RichTextField(features=SUMMARY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["wiki.ProcessPage", "wiki.ArticlePage"]
    max_count = 1

    def route(self, request, path_components):
        from wiki.routing import route

        return route(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = viewable(ProcessPage.objects.child_of(self).live(), request).order_by("path")
        context["recent_articles"] = viewable(
            ArticlePage.objects.descendant_of(self).live().select_related("page_owner"), request
        ).order_by("-last_published_at")[:8]
        return context


class ProcessPage(CachedViewRestrictions, OwnedPage, Page):
    """A process area, a process or a sub-process of the business-process model."""

    summary = RichTextField(
        features=SUMMARY_FEATURES, blank=True, help_text=_("What this process achieves and for whom.")
    )
    process_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person accountable for how the business runs this process."),
    )
    topics = ClusterTaggableManager(through=PageTopic, blank=True, related_name="process_pages")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("process_owner"),
        FieldPanel("topics"),
        *OwnedPage.ownership_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["wiki.HomePage", "wiki.ProcessPage"]
    subpage_types = ["wiki.ProcessPage", "wiki.ArticlePage"]

    articles_per_page = 25

    class Meta:
        verbose_name = _("process")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subprocesses"] = viewable(ProcessPage.objects.child_of(self).live(), request).order_by("path")
        articles = viewable(ArticlePage.objects.child_of(self).live().select_related("page_owner"), request).order_by(
            "title"
        )
        context["articles"] = Paginator(articles, self.articles_per_page).get_page(request.GET.get("page"))
        context["materials"] = self.training_materials.select_related("trainer").order_by("title")
        return context


class ArticlePage(CachedViewRestrictions, OwnedPage, Page):
    """A procedure, how-to, FAQ or reference article."""

    class Kind(models.TextChoices):
        PROCEDURE = "procedure", _("Procedure")
        HOW_TO = "how-to", _("How-to")
        FAQ = "faq", _("FAQ")
        REFERENCE = "reference", _("Reference")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PROCEDURE)
    summary = models.CharField(
        max_length=300, blank=True, help_text=_("One or two sentences shown in lists and search.")
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    topics = ClusterTaggableManager(through=PageTopic, blank=True, related_name="article_pages")

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
        *OwnedPage.ownership_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("topics", [index.SearchField("name", boost=2)]),
    ]

    parent_page_types = ["wiki.HomePage", "wiki.ProcessPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")

    @property
    def table_of_contents(self) -> list[dict]:
        """The body's headings, with the anchors the heading blocks render."""
        return [
            {"text": block.value["text"], "level": block.value["level"], "anchor": f"section-{block.id}"}
            for block in self.body
            if block.block_type == "heading"
        ]

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_feedback(request)
        return super().serve(request, *args, **kwargs)

    def serve_feedback(self, request):
        from wiki.forms import FeedbackForm

        form = FeedbackForm(request.POST)
        if form.is_valid():
            form.save(page=self, user=request.user)
            return HttpResponseRedirect(f"{self.url}?feedback=thanks#feedback")
        context = self.get_context(request)
        context["feedback_form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=400)

    def get_context(self, request, *args, **kwargs):
        from wiki.forms import FeedbackForm
        from wiki.related import related_articles

        context = super().get_context(request, *args, **kwargs)
        # Built only if its fields are rendered: the empty form's come from the cache (feedback_form.html).
        context.setdefault("feedback_form", SimpleLazyObject(FeedbackForm))
        context["related_pages"] = related_articles(self, request=request)
        context["closed_sections_key"] = closed_sections_key(request)  # what the related pages depend on
        context["feedback_thanks"] = request.GET.get("feedback") == "thanks"
        return context
