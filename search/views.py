import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forums.gaps import me_too
from onramp.form_messages import error_message
from onramp.params import local_path, parse_id
from search.answered_questions import answered_questions_for
from search.ask import AskFilters, ask
from search.forms import AnsweredForm, AskForm, RaiseGapForm
from search.misses import raise_gap_for_search
from search.normalise import normalise
from search.querylog import asked_text_for, log_results, query_of, record_answer, record_click
from wiki.navigation import area_choices
from wiki.sites import page_view


@never_cache
@page_view
def ask_page(request):
    form = AskForm(request.GET or None, areas=area_choices(request), topics=[])
    form.is_valid()
    text = form.cleaned_or_default("q") if form.is_bound else ""
    filters = AskFilters(
        area=form.cleaned_or_default("area"),
        topic=form.cleaned_or_default("topic"),
        kind=form.cleaned_or_default("kind"),
    )
    results = None
    logged = None
    if form.is_bound and "q" in request.GET:
        results = ask(text=text, request=request, filters=filters, page_number=request.GET.get("page"))
        form.fields["topic"].widget.choices = [
            ("", _("All topics")),
            *(
                (facet.value, _("%(topic)s (%(count)s)") % {"topic": facet.label, "count": facet.count})
                for facet in results.topic_facets
            ),
            *(
                [(filters.topic, filters.topic)]
                if filters.topic and filters.topic not in {f.value for f in results.topic_facets}
                else []
            ),
        ]
        if results.query is not None and parse_id(request.GET.get("log")) is not None:
            # Back from "did this answer your question?" or turning a page: the same search, not a new one.
            logged = query_of_or_none(request.GET["log"], request.user)
        elif results.query is not None and "page" not in request.GET:
            logged = log_results(results, user=request.user, filters=filters.as_dict())
    page_links_query = None
    if logged is not None:
        # Turning a page is the same search: the page links carry it, so it is not logged again.
        page_links_query = request.GET.copy()
        page_links_query["log"] = str(logged.pk)
    context = {
        "form": form,
        "results": results,
        "filters": filters,
        "logged": logged,
        "page_links_query": page_links_query,
        "page_obj": results.pages if results else None,
        "raise_form": RaiseGapForm(initial={"title": text[:200], "q": text}, auto_id="raise_%s")
        if results and results.query
        else None,
        "answered_form": AnsweredForm(),
        "answered_questions": answered_questions_for(text, user=request.user) if results and results.query else [],
    }
    return render(request, "search/ask.html", context)


def query_of_or_none(query_id, user):
    try:
        return query_of(query_id, user)
    except ValidationError:
        return None


def go(request, query_id: int):
    """Follows a result link, noting which result of which search was opened."""
    url = request.GET.get("url", "")
    try:
        record_click(query=query_of(query_id, request.user), url=url, kind=request.GET.get("kind", ""))
    except ValidationError:
        # Not this person's search, or not a link of ours: go nowhere new, but do not fail.
        return redirect(local_path(url) or reverse("search:ask"))
    return HttpResponseRedirect(url)


@require_POST
def answered(request, query_id: int):
    try:
        logged = query_of(query_id, request.user)
    except ValidationError as error:
        messages.error(request, error_message(error))
        return redirect("search:ask")
    form = AnsweredForm(request.POST)
    back = reverse("search:ask") + "?" + urlencode({"q": logged.text, "log": logged.pk})
    if not form.is_valid():
        messages.error(request, _("Choose yes or no to say whether the results answered your question."))
        return redirect(back)
    record_answer(query=logged, answered=form.cleaned_data["answered"])
    if form.cleaned_data["answered"]:
        messages.success(request, _("Thank you: glad it helped."))
    else:
        messages.success(request, _("Thank you: the trainers will see that this search did not answer your question."))
    return redirect(back)


@require_POST
def raise_gap(request):
    form = RaiseGapForm(request.POST, auto_id="raise_%s")
    if not form.is_valid() or not normalise(form.cleaned_data.get("q", "")):
        return render(
            request,
            "search/raise_gap.html",
            {"form": form, "no_query": form.is_valid()},
            status=400,
        )
    text = form.cleaned_data["q"]
    asked = asked_text_for(normalise(text)[:300], " ".join(text.split())[:300])
    try:
        gap = raise_gap_for_search(asked=asked, by=request.user, title=form.cleaned_data["title"])
    except ValidationError as error:
        form.add_error("title", error_message(error))
        return render(request, "search/raise_gap.html", {"form": form}, status=400)
    if gap.raised_by_id != request.user.pk:
        # Already on the gap's list, or the gap was closed meanwhile: the gap page says which.
        with contextlib.suppress(ValidationError):
            me_too(gap=gap, person=request.user)
    messages.success(
        request, _("Thank you: the gap is in the trainers' queue. Others who ask the same can say “me too”.")
    )
    return redirect(gap)
