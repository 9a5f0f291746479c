from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from expertise.models import Topic
from expertise.people import profile_for
from onramp.form_messages import add_errors_to_form, error_message, form_errors
from questions import asking, revisions
from questions.forms import AnswerForm, AskPersonForm, AskTopicForm
from questions.listing import SHOWS, questions_shown
from questions.models import Answer, Question, QuestionStatus
from questions.visibility import may_see
from wiki.models import ArticlePage, ProcessPage
from wiki.visibility import may_view, viewable

PER_PAGE = 25


def question_list(request):
    show = request.GET.get("show") if request.GET.get("show") in SHOWS else "open"
    found = (
        questions_shown(request.user, show)
        .select_related("asker__profile", "expert__profile", "topic")
        .annotate(answer_count=Count("answers", filter=Q(answers__withdrawn_at__isnull=True)))
    )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "questions/list.html", {"questions": page, "page_obj": page, "show": show})


def visible_question(request, question_id: int) -> Question:
    """The question, or 404 for one the person may not see (its existence is private too)."""
    question = get_object_or_404(
        Question.objects.select_related("asker__profile", "expert__profile", "topic", "accepted_answer", "gap"),
        pk=question_id,
    )
    if not may_see(request.user, question):
        raise Http404
    return question


def revision_targets(request, question: Question) -> dict:
    """Pages the person may turn the accepted answer into: articles on the question's topic and process pages
    to add a new article under, each only where they are a trainer or the owner."""
    if question.private or question.status != QuestionStatus.ANSWERED:
        return {}
    user = request.user
    trainer = user.has_perm(revisions.TRIAGE_PERMISSION)
    articles = viewable(ArticlePage.objects.live(), request)
    parents = viewable(ProcessPage.objects.live(), request)
    if question.topic_id:
        articles = articles.filter(topic_links__tag_id=question.topic_id)
    if not trainer:
        articles, parents = articles.filter(page_owner=user), parents.filter(page_owner=user)
    articles, parents = list(articles.order_by("title")[:30]), list(parents.order_by("path")[:50])
    if not articles and not parents:
        return {}
    return {"articles": articles, "parents": parents}


def question_detail(request, question_id: int):
    question = visible_question(request, question_id)
    thread = list(question.answers.select_related("author__profile").prefetch_related("edits"))
    return render(
        request,
        "questions/detail.html",
        {
            "question": question,
            "thread": thread,
            "is_asker": request.user.pk == question.asker_id,
            "answer_form": AnswerForm(),
            "revision": revision_targets(request, question),
            "tasks": question.gap.tasks.all() if question.gap_id else [],
        },
    )


@require_POST
def ask_person(request, username: str):
    person = get_object_or_404(get_user_model(), username=username)
    form = AskPersonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        question = asking.ask(
            asker=request.user,
            expert=person,
            text=form.cleaned_data["text"],
            topic=form.cleaned_data["topic"],
            private=form.cleaned_data["private"],
        )
    except ValidationError as error:
        messages.error(request, error_message(error))
        return redirect("expertise:profile", person.get_username())
    messages.success(request, _("Your question went to %(name)s.") % {"name": profile_for(person).name})
    return redirect(question)


def ask_topic(request):
    """Ask everyone who knows a topic: from a topic's page and from Who knows, which prefill it."""
    if request.method == "POST":
        form = AskTopicForm(request.POST)
        if form.is_valid():
            try:
                question = asking.ask(
                    asker=request.user, text=form.cleaned_data["text"], topic=form.cleaned_data["topic"]
                )
            except ValidationError as error:
                add_errors_to_form(form, error)
            else:
                messages.success(
                    request,
                    _("Your question went to the people who know %(topic)s.") % {"topic": question.topic.name},
                )
                return redirect(question)
        return render(request, "questions/ask.html", {"form": form}, status=400)
    topic = Topic.objects.filter(slug=request.GET.get("topic", "")).first()
    form = AskTopicForm(initial={"topic": topic, "text": request.GET.get("text", "")[:500]})
    return render(request, "questions/ask.html", {"form": form})


def back_to(question: Question):
    return redirect(question)


def run(request, question: Question, action, done: str):
    """Runs a rule for a POST about a question and reports the outcome on the question's page."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, done)
    return back_to(question)


@require_POST
def answer(request, question_id: int):
    question = visible_question(request, question_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return back_to(question)
    return run(
        request,
        question,
        lambda: asking.answer(question=question, author=request.user, text=form.cleaned_data["text"]),
        _("Your follow-up is in the thread.") if request.user.pk == question.asker_id else _("Your answer is posted."),
    )


def visible_answer(request, answer_id: int) -> Answer:
    post = get_object_or_404(Answer.objects.select_related("question"), pk=answer_id)
    if not may_see(request.user, post.question):
        raise Http404
    return post


@require_POST
def accept(request, answer_id: int):
    post = visible_answer(request, answer_id)
    return run(request, post.question, lambda: asking.accept(answer=post, by=request.user), _("Answer accepted."))


@require_POST
def edit_answer(request, answer_id: int):
    post = visible_answer(request, answer_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return back_to(post.question)
    return run(
        request,
        post.question,
        lambda: asking.edit_answer(answer=post, by=request.user, text=form.cleaned_data["text"]),
        _("Your answer is updated; the earlier text is kept."),
    )


@require_POST
def withdraw_answer(request, answer_id: int):
    post = visible_answer(request, answer_id)
    return run(
        request, post.question, lambda: asking.withdraw_answer(answer=post, by=request.user), _("Answer withdrawn.")
    )


@require_POST
def withdraw(request, question_id: int):
    question = visible_question(request, question_id)
    return run(
        request,
        question,
        lambda: asking.withdraw_question(question=question, by=request.user),
        _("Your question is withdrawn."),
    )


def chosen_page(request, field: str) -> Page | None:
    value = request.POST.get(field, "")
    if not value.isdigit():
        return None
    page = Page.objects.filter(pk=int(value)).first()
    if page is None or not may_view(page, request):
        raise ValidationError({field: _("That page no longer exists or you cannot open it.")})
    return page


@require_POST
def to_revision(request, question_id: int):
    question = visible_question(request, question_id)
    try:
        task = revisions.turn_into_revision(
            question=question,
            by=request.user,
            page=chosen_page(request, "page"),
            new_page_title=request.POST.get("new_page_title", "")[:255],
            new_page_parent=chosen_page(request, "new_page_parent"),
        )
    except ValidationError as error:
        messages.error(request, error_message(error))
        return back_to(question)
    messages.success(request, _("A revision task is open with the answer saved as a draft."))
    return redirect(task)
