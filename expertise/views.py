from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from expertise import coverage, people, recording
from expertise.directory import search_people
from expertise.filters import CoverageMapFilterForm
from expertise.forms import (
    ConfirmForm,
    DirectoryFilterForm,
    EndorseForm,
    ProfileForm,
    QuestionForm,
    SelfAssessForm,
    WhoKnowsForm,
)
from expertise.models import Evidence, EvidenceKind, ExpertiseScore, SelfAssessment, Team, Topic
from expertise.privacy import can_see_self_assessments
from expertise.ranking import rank_people_for, reasons_for
from onramp.actions import post_action
from onramp.form_messages import form_errors
from wiki.models import ArticlePage, ProcessPage
from wiki.topics import topics_for_text, topics_of_area
from wiki.visibility import viewable

PEOPLE_PER_PAGE = 25


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = search_people(
        text=filters.get("q", ""),
        team=filters.get("team"),
        topic=filters.get("topic"),
        location=filters.get("location", ""),
    ).prefetch_related("ask_me_about")
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "expertise/directory.html", {"form": form, "people": page, "page_obj": page})


def profile(request, username: str):
    person = get_object_or_404(
        get_user_model().objects.select_related("profile__team", "profile__manager"), username=username
    )
    person_profile = people.profile_for(person)
    viewer = request.user
    can_see_self = can_see_self_assessments(viewer, person)
    scores = list(ExpertiseScore.objects.filter(person=person).select_related("topic").order_by("-score")[:30])
    for score in scores:
        score.reasons = reasons_for([score], show_self=can_see_self, closeness=[], with_topic=False)
    context = {
        "person": person,
        "profile": person_profile,
        "is_me": viewer.pk == person.pk,
        "has_left": people.has_left(person),
        "is_manager": person_profile.manager_id == viewer.pk,
        "can_see_self": can_see_self,
        "scores": scores,
        "endorsements": Evidence.objects.filter(person=person, kind=EvidenceKind.ENDORSED)
        .select_related("topic", "given_by__profile")
        .order_by("-occurred_at")[:20],
        "self_assessments": (
            SelfAssessment.objects.filter(person=person).select_related("topic")[:50] if can_see_self else []
        ),
        "owned_pages": viewable(ArticlePage.objects.live().filter(page_owner=person), request).order_by("title")[:20],
        "unavailable": people.availability(
            person_profile, load=people.questions_this_week([person.pk]).get(person.pk, 0)
        ),
        "endorse_form": EndorseForm(),
        "self_assess_form": SelfAssessForm(),
        "confirm_form": ConfirmForm(),
        "question_form": QuestionForm(),
    }
    return render(request, "expertise/profile.html", context)


def person_named(request, username: str):
    return get_object_or_404(get_user_model(), username=username)


def back_to_profile(request, person, succeeded: bool):
    return redirect("expertise:profile", person.get_username())


# A POST about a person: validate the form, run the rule, report the outcome on their profile.
person_action = post_action(load=person_named, back=back_to_profile)


def valid(form):
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    return form.cleaned_data


@person_action
def endorse(request, person):
    data = valid(EndorseForm(request.POST))
    recording.endorse(endorser=request.user, person=person, topic=data["topic"], reason=data["reason"])
    return _("You endorsed %(name)s on %(topic)s.") % {
        "name": people.profile_for(person).name,
        "topic": data["topic"].name,
    }


@person_action
def self_assess(request, person):
    if person.pk != request.user.pk:
        raise PermissionDenied(_("You can only assess yourself."))
    data = valid(SelfAssessForm(request.POST))
    recording.self_assess(person=person, topic=data["topic"], level=data["level"], note=data["note"])
    return _("Saved: %(topic)s at level %(level)s/5.") % {"topic": data["topic"].name, "level": data["level"]}


@person_action
def confirm(request, person):
    data = valid(ConfirmForm(request.POST))
    recording.confirm_by_manager(manager=request.user, person=person, topic=data["topic"], note=data["note"])
    return _("You confirmed %(name)s on %(topic)s.") % {
        "name": people.profile_for(person).name,
        "topic": data["topic"].name,
    }


def edit_my_profile(request):
    my_profile = people.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=my_profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("expertise:profile", username=request.user.get_username())
    return render(request, "expertise/profile_edit.html", {"form": form}, status=400 if form.errors else 200)


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    pages = viewable(ArticlePage.objects.live().filter(topic_links__tag=topic), request).order_by("title")
    scores = (
        ExpertiseScore.objects.filter(topic=topic, person__is_active=True)
        .select_related("person__profile")
        .order_by("-rank", "-score")
    )
    return render(
        request,
        "expertise/topic.html",
        {
            "topic": topic,
            "pages": Paginator(pages, 25).get_page(request.GET.get("page")),
            "people_by_level": [
                (label, [s for s in scores[:200] if s.level == level])
                for level, label in reversed(ExpertiseScore.Level.choices)
            ],
        },
    )


def who_knows(request):
    form = WhoKnowsForm(request.GET or None)
    suggestions, topics = [], []
    if form.is_valid():
        topics = topics_for_text(form.cleaned_data["q"])
        suggestions = rank_people_for(topics=topics, asker=request.user)
    return render(request, "expertise/who_knows.html", {"form": form, "topics": topics, "suggestions": suggestions})


def expertise_map(request):
    areas = viewable(ProcessPage.objects.live().filter(depth=3), request).order_by("path")
    chosen = CoverageMapFilterForm(request.GET, areas=areas).filters()
    area_topics = topics_of_area(chosen["area"]) if chosen["area"] is not None else None
    the_map = coverage.coverage_map(
        topics=area_topics,
        team=chosen["team"],
        by=chosen["by"],
        per_page=chosen["per_page"],
        page_number=request.GET.get("page"),
    )
    return render(
        request,
        "expertise/map.html",
        {
            "map": the_map,
            "areas": areas,
            "teams": Team.objects.order_by("name"),
            "area": chosen["area"],
            "team": chosen["team"],
            "by": chosen["by"],
            "page_obj": the_map.page,
        },
    )
