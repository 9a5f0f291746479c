"""What Ask stores: the glossary of company terms, and the log of what people asked."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from search.normalise import normalise


class GlossaryTerm(index.Indexed, models.Model):
    """A company term or acronym ("P2P") with what it stands for and a definition; searching for either
    finds pages that use the other."""

    term = models.CharField(max_length=60, unique=True, help_text=_('The short form people type, e.g. "P2P".'))
    expansion = models.CharField(max_length=200, help_text=_('What it stands for, e.g. "procure to pay".'))
    synonyms = models.CharField(
        max_length=300, blank=True, help_text=_("Other words that mean the same, separated by commas (optional).")
    )
    definition = models.TextField(help_text=_("A sentence or two a new hire can understand."))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("term"), FieldPanel("expansion"), FieldPanel("synonyms"), FieldPanel("definition")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("expansion"),
        index.SearchField("definition"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")

    def __str__(self) -> str:
        return f"{self.term} ({self.expansion})"

    def clean(self):
        self.term = self.term.strip()
        self.expansion = self.expansion.strip()
        if not normalise(self.term):
            raise ValidationError({"term": _("The term needs at least one letter or digit.")})
        if normalise(self.term) == normalise(self.expansion):
            raise ValidationError({"expansion": _("Say what the term stands for, not the term again.")})

    @property
    def synonym_list(self) -> list[str]:
        return [part.strip() for part in self.synonyms.split(",") if part.strip()]

    @property
    def phrases(self) -> list[str]:
        """Every way of saying this term, normalised: the term, its expansion and its synonyms."""
        return [
            text
            for text in dict.fromkeys(normalise(p) for p in [self.term, self.expansion, *self.synonym_list])
            if text
        ]


class AskedText(models.Model):
    """One normalised question, however people spelled it: the group queries are counted in, and the
    object a gap raised from failed searches points at."""

    normalised = models.CharField(max_length=300, unique=True)
    example = models.CharField(max_length=300, help_text=_("The words of the latest person who asked it this way."))
    first_asked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("asked text")

    def __str__(self) -> str:
        return self.normalised


class LoggedQuery(models.Model):
    """One search someone ran, with what it found and what they did with it."""

    asked = models.ForeignKey(AskedText, on_delete=models.CASCADE, related_name="queries")
    text = models.CharField(max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    backend = models.CharField(max_length=20, default="database")
    filters = models.JSONField(default=dict, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    people_count = models.PositiveIntegerField(default=0)
    gap_count = models.PositiveIntegerField(default=0)
    clicked_url = models.CharField(max_length=500, blank=True)
    clicked_kind = models.CharField(max_length=20, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(null=True, help_text=_("Whether the person said the results answered the question."))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("logged query")
        verbose_name_plural = _("logged queries")

    def __str__(self) -> str:
        return self.text


class IndexedPage(models.Model):
    """A live wiki page in Onramp's term index, with the length in words of each field BM25 weighs: a word
    counts for less in a field longer than the average. Not a foreign key: the index is updated by the
    search indexing path, which removes a page's rows itself (and keeps the document frequencies right)."""

    page_id = models.IntegerField(primary_key=True)
    title_length = models.PositiveIntegerField(default=0)
    headings_length = models.PositiveIntegerField(default=0)
    summary_length = models.PositiveIntegerField(default=0)
    topics_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indexed page")

    def __str__(self) -> str:
        return str(self.page_id)


class PageTerm(models.Model):
    """How many times one term (a stemmed word) occurs in each field of one indexed page."""

    page_id = models.IntegerField(db_index=True)
    term = models.CharField(max_length=40)
    title = models.PositiveIntegerField(default=0)
    headings = models.PositiveIntegerField(default=0)
    summary = models.PositiveIntegerField(default=0)
    topics = models.PositiveIntegerField(default=0)
    body = models.PositiveIntegerField(default=0)
    # BM25F's part of the score that depends on this page alone (search.posting_weights).
    weight = models.FloatField(default=0.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "page_id"], name="search_pageterm_term_page")]
        # Covers BM25's lookup (search.backends.bm25): a term's postings with their weights, read from the
        # index alone.
        indexes = [models.Index(fields=["term", "page_id", "weight"], name="search_pageterm_weights")]
        verbose_name = _("page term")

    def __str__(self) -> str:
        return f"{self.term} in {self.page_id}"


class TermIndexState(models.Model):
    """The average field lengths the postings' weights were computed with, and the formula's constants
    (search.posting_weights): one row."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    averages = models.TextField(help_text=_("Each field's average length in words, as JSON."))
    formula = models.TextField()

    class Meta:
        verbose_name = _("term index state")

    def __str__(self) -> str:
        return self.averages


class TermStatistic(models.Model):
    """In how many indexed pages a term occurs (its document frequency): the rarer, the more it says."""

    term = models.CharField(max_length=40, primary_key=True)
    page_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("term statistic")

    def __str__(self) -> str:
        return f"{self.term}: {self.page_count}"


class PageSection(models.Model):
    """One section of a live wiki page as the sentence-embedding model reads it (`search.semantic`): its
    vector (384 float32 numbers of length 1) and a hash of the text it was computed from, so a publish that
    leaves a section's text alone does not embed it again. Kept by the same indexing path as the term index;
    empty unless semantic recall is installed and on."""

    page_id = models.IntegerField()
    position = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=255, blank=True)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    embedded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page_id", "position"], name="search_pagesection_page_position")]
        verbose_name = _("page section")

    def __str__(self) -> str:
        return f"{self.page_id} §{self.position}"
