from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies import access, charts, checkins, drafts, landing, network, pairing, plans, questions, surveys
from buddies.forms import AddCheckInForm, AssignForm, CheckInForm, EndOnboardingForm, PlanSelfAssessForm, SurveyForm
from buddies.kpis import at_risk, cohort_kpis, risk_reasons, with_signals
from buddies.matching import match_cohort, suggest_buddies
from buddies.models import (
    BuddyProgramSettings,
    CheckIn,
    CheckInQuestion,
    Cohort,
    GoToPerson,
    Milestone,
    Onboarding,
    OnboardingStatus,
)
from buddies.models.program import OPEN_STATUSES
from expertise.models import Topic
from expertise.privacy import can_see_self_assessments
from expertise.recording import self_assess as record_self_assessment
from forums.forms import GapTopicsForm
from onramp.actions import post_action
from onramp.charts import Group, as_percent, bar_chart
from onramp.form_messages import add_errors_to_form, error_message, form_errors
from onramp.params import local_path, parse_id
from onramp.spreadsheets import SafeCsvWriter
from wiki.models import ArticlePage
from wiki.visibility import viewable

PER_PAGE = 25


def page_of(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def my_onboarding(request):
    if elsewhere := landing.onboarding_landing(request.user):
        return redirect(elsewhere)
    onboarding = access.own_onboarding(request.user, related=access.LIST_RELATED)
    if onboarding is None:
        return render(request, "buddies/my_onboarding_empty.html")
    return onboarding_page(request, onboarding, template="buddies/my_onboarding.html")


def onboarding_detail(request, pk: int):
    return onboarding_page(request, access.visible_onboarding(request, pk), template="buddies/onboarding.html")


def onboarding_page(request, onboarding: Onboarding, *, template: str):
    user, today = request.user, timezone.localdate()
    program = BuddyProgramSettings.load()
    pages_to_read = Prefetch("pages", queryset=viewable(ArticlePage.objects.all(), request))
    milestones = list(onboarding.milestones.prefetch_related(pages_to_read, "topics"))
    check_ins = list(onboarding.check_ins.select_related("cancelled_by__profile").prefetch_related("questions"))
    questions.with_gaps([question for check_in in check_ins for question in check_in.questions.all()])
    notes = {}
    for note in checkins.private_notes_for(user, check_ins):
        notes.setdefault(note.check_in_id, []).append(note)
    for check_in in check_ins:
        check_in.my_notes = notes.get(check_in.pk, [])
        check_in.state = checkins.state_of(check_in, today=today, grace_days=program.missed_after_days)
    for milestone in milestones:
        milestone.overdue = plans.is_overdue(milestone, today=today)
    topic_ids = {t.pk for m in milestones for t in m.topics.all()}
    is_hire, is_buddy = user.pk == onboarding.hire_id, user.pk == onboarding.buddy_id
    answered = set(onboarding.survey_responses.values_list("day", flat=True))
    context = {
        "onboarding": onboarding,
        "milestones": milestones,
        "progress": plans.progress(milestones, today=today),
        "check_ins": check_ins,
        "next_check_in": landing.upcoming_check_in(check_ins, today=today),
        "missed_count": sum(1 for c in check_ins if c.state == "missed"),
        "network": network.network_for(onboarding, viewer=user),
        "is_hire": is_hire,
        "is_buddy": is_buddy,
        "can_tick": plans.can_tick(user, onboarding) and onboarding.is_open,
        "can_manage": access.can_manage(user, onboarding),
        "can_confirm": onboarding.is_draft and drafts.can_confirm(user),
        "can_record": checkins.can_record(user, onboarding) and onboarding.is_open,
        "can_cancel": checkins.can_cancel(user, onboarding) and onboarding.is_open,
        "history": onboarding.assignments.select_related("buddy__profile", "assigned_by")
        if access.can_manage(user, onboarding)
        else [],
        "surveys_due": surveys.surveys_due(onboarding, answered, today=today) if is_hire and onboarding.is_open else [],
        "my_surveys": access.survey_answers_readable_by(user).filter(onboarding=onboarding),
        "add_check_in_form": AddCheckInForm(),
        "end_form": EndOnboardingForm(initial={"end_date": today, "outcome": "completed"}),
        "today": today,
    }
    if can_see_self_assessments(user, onboarding.hire):
        context["chart"], context["assessments"] = charts.self_assessment_chart(onboarding, topic_ids, today=today)
        if is_hire and topic_ids:
            context["self_assess_form"] = PlanSelfAssessForm(topics=Topic.objects.filter(pk__in=topic_ids))
    return render(request, template, context)


def with_signals_for(rows, *, today, program, viewer) -> list[Onboarding]:
    """The numbers behind one page of onboardings, read for that page only, as `viewer` may see them."""
    ids = [row.pk for row in rows]
    annotated = with_signals(
        Onboarding.objects.filter(pk__in=ids).select_related(*access.LIST_RELATED),
        today=today,
        program=program,
        viewer=viewer,
    )
    by_id = {onboarding.pk: onboarding for onboarding in annotated}
    shown = [by_id[pk] for pk in ids if pk in by_id]
    for onboarding in shown:
        onboarding.risks = risk_reasons(onboarding)
    return shown


def my_new_hires(request):
    today, program = timezone.localdate(), BuddyProgramSettings.load()
    mine = Onboarding.objects.filter(buddy=request.user, status__in=OPEN_STATUSES).order_by("start_date", "pk")
    page = page_of(request, mine.only("pk"))
    rows = with_signals_for(page, today=today, program=program, viewer=request.user)
    return render(request, "buddies/my_new_hires.html", {"onboardings": rows, "page_obj": page})


def program_dashboard(request):
    user = request.user
    if not access.manages_anyone(user):
        raise PermissionDenied(_("The program dashboard is for managers and program admins."))
    today, program = timezone.localdate(), BuddyProgramSettings.load()
    visible = access.onboardings_visible_to(user).only("pk")
    page = page_of(request, visible.filter(status=OnboardingStatus.ACTIVE).order_by("start_date", "pk"))
    flagged = at_risk(visible, today=today, program=program, viewer=user)
    risky = flagged.order_by("start_date", "pk")[:PER_PAGE]
    context = {
        "active": with_signals_for(page, today=today, program=program, viewer=user),
        "page_obj": page,
        "at_risk": with_signals_for(list(risky), today=today, program=program, viewer=user),
        "at_risk_total": flagged.count(),
        "is_program_admin": access.is_program_admin(user),
    }
    if context["is_program_admin"]:
        context["drafts"] = drafts.drafts_to_confirm().select_related(*access.LIST_RELATED, "suggested_buddy__profile")
        cohorts = list(Cohort.objects.order_by("-starts_on")[:6])
        kpis = cohort_kpis(cohorts, today=today)
        for item in kpis:
            item.chart = bar_chart(
                [Group(_("Check-ins held"), [item.adherence])]
                + [
                    Group(_("Milestones by day %(day)s") % {"day": day}, [share])
                    for day, share in item.milestones_by_day.items()
                ],
                top=1,
                text=as_percent,
                height=172,  # room under the bars for their names on two lines
                pad=40,
            )
        context["kpis"] = kpis
    return render(request, "buddies/program.html", context)


EXPORT_COLUMNS = [
    "hire",
    "start date",
    "status",
    "cohort",
    "team",
    "buddy",
    "milestones done",
    "milestones total",
    "overdue milestones",
    "missed check-ins",
    "next check-in",
]


def program_export(request):
    """The onboardings the person may see, as CSV: no private notes, no survey answers."""
    if not access.manages_anyone(request.user):
        raise PermissionDenied(_("The export is for managers and program admins."))
    rows = with_signals(
        access.onboardings_visible_to(request.user, Onboarding.objects.select_related(*access.LIST_RELATED)),
        today=timezone.localdate(),
        program=BuddyProgramSettings.load(),
        viewer=request.user,
    ).order_by("start_date", "pk")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="onboardings.csv"'
    writer = SafeCsvWriter(response)
    writer.writerow(EXPORT_COLUMNS)
    for o in rows.iterator(chunk_size=500):
        writer.writerow(
            [
                o.hire.get_username(),
                o.start_date.isoformat(),
                o.get_status_display(),
                o.cohort.name if o.cohort else "",
                o.team.name if o.team else "",
                o.buddy.get_username() if o.buddy else "",
                o.milestones_done,
                o.milestones_total,
                o.overdue,
                o.missed,
                o.next_check_in.isoformat() if o.next_check_in else "",
            ]
        )
    return response


def choose_buddy(request, pk: int):
    """Choosing or changing the buddy; for a draft onboarding, confirming it with the buddy chosen."""
    onboarding = access.visible_onboarding(request, pk)
    if onboarding.is_draft and not drafts.can_confirm(request.user):
        raise PermissionDenied(_("Only a program admin confirms a drafted onboarding."))
    if not access.can_manage(request.user, onboarding):
        raise PermissionDenied(_("Only the new hire's manager or a program admin chooses the buddy."))
    suggestions, left_out = suggest_buddies(onboarding)
    best = suggestions[0].score if suggestions else None
    proposed = suggestions[0].candidate.user if suggestions else None
    if onboarding.is_draft and onboarding.suggested_buddy_id in {s.candidate.user_id for s in suggestions}:
        proposed = onboarding.suggested_buddy
    form = AssignForm(request.POST or None, initial={"buddy": proposed})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            choice = {
                "onboarding": onboarding,
                "buddy": form.cleaned_data["buddy"],
                "by": request.user,
                "reason": form.cleaned_data["reason"],
                "best_score": best,
            }
            try:
                if onboarding.is_draft:
                    drafts.confirm_draft(**choice)
                else:
                    pairing.assign_buddy(**choice)
            except ValidationError as error:
                add_errors_to_form(form, error)
            else:
                onboarding.refresh_from_db()
                network.build_network(onboarding)
                messages.success(
                    request, _("%(name)s is now the buddy.") % {"name": form.cleaned_data["buddy"].get_full_name()}
                )
                return redirect("buddies:onboarding", pk=onboarding.pk)
        status = 400
    return render(
        request,
        "buddies/choose_buddy.html",
        {"onboarding": onboarding, "suggestions": suggestions, "left_out": sorted(left_out.items()), "form": form},
        status=status,
    )


def cohort_match(request, pk: int):
    if not access.is_program_admin(request.user):
        raise PermissionDenied(_("Matching a whole cohort is for program admins."))
    cohort = get_object_or_404(Cohort, pk=pk)
    if request.method == "POST":
        pairs = []
        for value in request.POST.getlist("pair"):
            onboarding_part, _colon, buddy_part = value.partition(":")
            onboarding_id, buddy_id = parse_id(onboarding_part), parse_id(buddy_part)
            if onboarding_id is None or buddy_id is None:
                messages.error(request, _("The preview could not be read: run the match again."))
                return redirect("buddies:cohort_match", pk=cohort.pk)
            pairs.append((onboarding_id, buddy_id))
        try:
            saved = pairing.save_cohort_match(cohort=cohort, pairs=pairs, by=request.user)
        except ValidationError as error:
            messages.error(request, error_message(error))
            return redirect("buddies:cohort_match", pk=cohort.pk)
        network.build_cohort_network(list(cohort.onboardings.filter(status__in=OPEN_STATUSES)))
        messages.success(
            request,
            _("Saved: %(count)s new hires paired with a buddy in %(cohort)s.")
            % {"count": saved, "cohort": cohort.name},
        )
        return redirect("buddies:program")
    return render(request, "buddies/cohort_match.html", {"cohort": cohort, "match": match_cohort(cohort)})


def back_to_onboarding(request, target, succeeded: bool):
    """Back where the person came from (a local `next`), else to the onboarding; after a refusal, to their own."""
    if back := local_path(request.POST.get("next", "")):
        return redirect(back)
    if not succeeded:
        return redirect("buddies:mine")
    return redirect("buddies:onboarding", pk=target.pk if isinstance(target, Onboarding) else target.onboarding_id)


def onboarding_action(load):
    """A POST by the hire, buddy or manager about an onboarding (or one of its milestones, go-to people or
    check-ins, as `load` fetches it): run the rule, say what happened, go back."""
    return post_action(load=load, back=back_to_onboarding)


def day_month_year(day) -> str:
    return format(day, "%-d %b %Y")


@onboarding_action(load=access.visible_milestone)
def tick_milestone(request, milestone: Milestone):
    done = request.POST.get("done") != "0"
    plans.tick_milestone(milestone=milestone, by=request.user, done=done)
    if done:
        return _("“%(title)s” marked done.") % {"title": milestone.title}
    return _("“%(title)s” marked not done.") % {"title": milestone.title}


@onboarding_action(load=access.visible_go_to)
def mark_introduced(request, go_to: GoToPerson):
    introduced = request.POST.get("introduced") != "0"
    network.mark_introduced(go_to=go_to, by=request.user, introduced=introduced)
    name = go_to.person.get_full_name() or go_to.person.get_username()
    if introduced:
        return _("%(name)s: introduced, under every topic.") % {"name": name}
    return _("%(name)s: not introduced yet.") % {"name": name}


@onboarding_action(load=access.visible_onboarding)
def add_check_in(request, onboarding: Onboarding):
    form = AddCheckInForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    check_in = checkins.add_check_in(onboarding=onboarding, on=form.cleaned_data["scheduled_for"], by=request.user)
    return _("Check-in planned for %(date)s.") % {"date": day_month_year(check_in.scheduled_for)}


@onboarding_action(load=access.visible_check_in)
def cancel_check_in(request, check_in: CheckIn):
    checkins.cancel_check_in(check_in=check_in, by=request.user)
    return _("The check-in of %(date)s is cancelled.") % {"date": day_month_year(check_in.scheduled_for)}


@onboarding_action(load=access.visible_onboarding)
def end(request, onboarding: Onboarding):
    if not access.can_manage(request.user, onboarding):
        raise PermissionDenied(_("Only the new hire's manager or a program admin ends an onboarding."))
    form = EndOnboardingForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    completed = form.cleaned_data["outcome"] == "completed"
    pairing.end_onboarding(onboarding=onboarding, completed=completed, on=form.cleaned_data["end_date"])
    return _("The onboarding is completed.") if completed else _("The onboarding is ended.")


@onboarding_action(load=access.visible_onboarding)
def self_assess(request, onboarding: Onboarding):
    if request.user.pk != onboarding.hire_id:
        raise PermissionDenied(_("You can only assess yourself."))
    topics = Topic.objects.filter(
        pk__in=Milestone.topics.through.objects.filter(milestone__onboarding=onboarding).values("topic_id")
    )
    form = PlanSelfAssessForm(request.POST, topics=topics)
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    data = form.cleaned_data
    record_self_assessment(person=request.user, topic=data["topic"], level=data["level"], note=data["note"])
    return _("Saved: %(topic)s at level %(level)s/5.") % {"topic": data["topic"].name, "level": data["level"]}


def record_check_in(request, pk: int):
    check_in = access.visible_check_in(request, pk)
    onboarding = check_in.onboarding
    checkins.require_recorder(request.user, onboarding)
    form = CheckInForm(request.POST or None, initial=checkins.record_so_far(check_in))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                checkins.record_check_in(check_in=check_in, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors_to_form(form, error)
            else:
                messages.success(request, _("Check-in recorded."))
                return redirect("buddies:onboarding", pk=onboarding.pk)
        status = 400
    notes = checkins.private_notes_for(request.user, [check_in])
    return render(
        request,
        "buddies/check_in.html",
        {
            "check_in": check_in,
            "onboarding": onboarding,
            "form": form,
            "my_notes": notes,
            "questions": questions.with_gaps(check_in.questions.all()),
            "can_record": True,
        },
        status=status,
    )


def survey(request, pk: int, day: int):
    onboarding = access.visible_onboarding(request, pk)
    if request.user.pk != onboarding.hire_id:
        raise PermissionDenied(_("Only the new hire answers their survey."))
    form = SurveyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                surveys.submit_survey(onboarding=onboarding, by=request.user, day=day, **form.cleaned_data)
            except ValidationError as error:
                add_errors_to_form(form, error)
            else:
                messages.success(request, _("Thank you: your day %(day)s survey is saved.") % {"day": day})
                return redirect("buddies:mine")
        status = 400
    return render(request, "buddies/survey.html", {"onboarding": onboarding, "form": form, "day": day}, status=status)


def raise_question_as_gap(request, pk: int):
    """A check-in question becomes a gap in two steps: the topics its words suggest are shown ticked, and the
    hire or buddy confirms or changes them, since only the experts on them hear of the gap."""
    question = get_object_or_404(CheckInQuestion.objects.select_related("check_in__onboarding"), pk=pk)
    onboarding = access.visible_onboarding(request, question.check_in.onboarding_id)
    questions.require_raiser(request.user, onboarding)
    if (gap := questions.with_gaps([question])[0].gap) is not None:
        return redirect(gap)
    form = GapTopicsForm(request.POST or None, suggested=questions.suggested_topics(question))
    if request.method == "POST" and form.is_valid():
        try:
            gap = questions.raise_question_as_gap(question, by=request.user, topics=form.cleaned_data["topics"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The question is in the trainers' gap queue; you will hear when it is answered.")
            )
            return redirect(gap)
    return render(
        request,
        "buddies/raise_question.html",
        {"question": question, "onboarding": onboarding, "form": form},
        status=400 if form.errors else 200,
    )
