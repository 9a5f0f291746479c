"""Turning an accepted answer into wiki work: one action opens a revision task (through the gap the question
is, in forums) and saves the answer as a draft revision of the page, or as a draft new article. Nothing is
published: the assignee edits the draft and publishes it, and the task closes as every page task does."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.rich_text import RichText

from forums.gaps import raise_gap
from forums.models import GapSource, RevisionTask
from forums.triage import PageTaskPlan, triage_gap
from questions.models import Question, QuestionStatus
from wiki.models import ArticlePage

TRIAGE_PERMISSION = "forums.triage_gap"


def owns(user: AbstractBaseUser, page: Page | None) -> bool:
    return page is not None and getattr(page.specific_deferred, "page_owner_id", None) == user.pk


def may_turn_into_revision(user: AbstractBaseUser, *, page: Page | None = None) -> bool:
    """Trainers may, for any page; a page's owner may, for their page (or a new article under it)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(TRIAGE_PERMISSION) or owns(user, page)


def as_rich_text(text: str) -> RichText:
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return RichText("".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs))


def unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:200] or "answer"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def draft_on_page(page: Page, question: Question, *, by: AbstractBaseUser):
    """The page's latest version (an unpublished draft included, so nobody's draft is lost) with the answer
    added at the end, saved as a new revision that is not published."""
    draft = page.specific.get_latest_revision_as_object()
    if not hasattr(draft, "body"):
        raise ValidationError({"page": _("“%(title)s” has no body to add the answer to.") % {"title": page.title}})
    draft.body.append(("text", as_rich_text(question.accepted_answer.text)))
    return draft.save_revision(user=by, log_action=True)


def draft_new_article(parent: Page, title: str, question: Question, *, by: AbstractBaseUser) -> ArticlePage:
    article = ArticlePage(
        title=title,
        slug=unique_slug(parent, title),
        kind=ArticlePage.Kind.FAQ,
        summary=question.title[:300],
        body=[("text", as_rich_text(question.accepted_answer.text))],
        page_owner=by,
        live=False,
    )
    if question.topic_id is not None:
        article.topics.add(question.topic)  # kept by the cluster until the page is saved below
    parent.specific.add_child(instance=article)
    article.save_revision(user=by, log_action=True)
    return article


@transaction.atomic
def turn_into_revision(
    *,
    question: Question,
    by: AbstractBaseUser,
    page: Page | None = None,
    new_page_title: str = "",
    new_page_parent: Page | None = None,
) -> RevisionTask:
    """Opens the revision task, assigned to `by`, with the accepted answer as a draft revision."""
    question = (
        Question.objects.select_for_update(of=("self",)).select_related("accepted_answer", "gap").get(pk=question.pk)
    )
    if question.status != QuestionStatus.ANSWERED or question.accepted_answer is None:
        raise ValidationError(_("Only a question with an accepted answer can become a page revision."))
    if question.private:
        raise ValidationError(_("A private question stays between the people in it: it cannot go into the wiki."))
    new_page_title = (new_page_title or "").strip()
    if page is None and not new_page_title:
        raise ValidationError({"page": _("Choose a page to revise, or give the title of a new article.")})
    if page is None and new_page_parent is None:
        raise ValidationError({"new_page_parent": _("Choose where the new article goes.")})
    target = page or new_page_parent
    if not may_turn_into_revision(by, page=target):
        raise PermissionDenied(_("Only trainers and the page's owner may turn an answer into a page revision."))
    gap = question.gap
    if gap is not None and not gap.is_open:
        raise ValidationError(
            _("The gap this question became is already %(status)s.") % {"status": gap.get_status_display().lower()}
        )
    if gap is None:
        gap = raise_gap(
            title=question.title[:200],
            description=question.text,
            topics=[question.topic] if question.topic_id else None,  # None: suggested from its words
            source=GapSource.DIRECT,
            raised_by=question.asker,
            related_page=target,
            source_object=question,
        )
        question.gap = gap
        question.save(update_fields=["gap"])
    if gap.related_page_id is None:
        # A new article's gap is about the area it goes under: its owner may then triage it.
        gap.related_page = target
        gap.save(update_fields=["related_page"])
    plan = PageTaskPlan(
        assignee=by,
        page=page,
        new_page_title=new_page_title,
        new_page_parent=new_page_parent,
        instructions=_("The accepted answer to “%(question)s” is saved as a draft: edit it and publish.")
        % {"question": question.title},
    )
    [task] = triage_gap(gap=gap, by=by, page_plan=plan)
    if page is not None:
        draft_on_page(page, question, by=by)
    else:
        draft_new_article(new_page_parent, new_page_title, question, by=by)
    return task
