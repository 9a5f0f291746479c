"""Questions people ask a colleague or a topic inside Onramp, and the thread of answers and follow-ups.

Nothing here is deleted by the people who wrote it: a question is withdrawn, an answer is withdrawn, and an
edited answer keeps each earlier text as an `AnswerEdit`."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 4000


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Question(models.Model):
    """Asked of one person (`expert`) or of a topic's practitioners (`topic` without `expert`).

    A private question (only to a person) is seen by the asker, that person and anyone who answered it; every
    other question is seen by everyone signed in, so anyone may answer it and Ask finds it once answered."""

    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questions_asked")
    # Named as expertise.people.questions_this_week reads it: what counts against a person's question capacity.
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions_received",
        help_text=_("The person asked; empty when the question went to a topic's practitioners."),
    )
    topic = models.ForeignKey("expertise.Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=TEXT_MAX)
    private = models.BooleanField(
        default=False, help_text=_("Seen only by the asker, the person asked and whoever answered.")
    )
    status = models.CharField(max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN, db_index=True)
    accepted_answer = models.OneToOneField(
        "questions.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gap = models.ForeignKey(
        "forums.Gap",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The gap it became: unanswered for too long, or turned into a page revision."),
    )
    asked_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        verbose_name = _("question")
        indexes = [models.Index(fields=["status", "asked_at"])]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("questions:question", args=[self.pk])

    @property
    def title(self) -> str:
        """The first line, shortened: what lists, notifications and gaps call the question."""
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first if len(first) <= 120 else first[:119].rstrip() + "…"


class Answer(models.Model):
    """One post in a question's thread: an answer from anyone, or a follow-up from the asker."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers_given")
    text = models.TextField(max_length=TEXT_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_follow_up(self) -> bool:
        return self.author_id == self.question.asker_id

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class AnswerEdit(models.Model):
    """The text an answer had before an edit."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at", "pk"]

    def __str__(self) -> str:
        return f"{self.answer_id} · {self.replaced_at:%Y-%m-%d %H:%M}"
