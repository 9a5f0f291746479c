from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from expertise.models import Topic
from forums import candidates, dashboard, gaps, revision, triage
from forums.filters import GapListFilter, GapQueueFilter, TaskListFilter
from forums.forms import (
    CompleteTaskForm,
    DeclineForm,
    GapForm,
    MergeForm,
    MergeSearchForm,
    QuickGapFormSet,
    TaskStatusForm,
    TriageForm,
    wiki_pages,
)
from forums.gap_topics import suggest_gap_topics
from forums.models import (
    OPEN_GAP_STATUSES,
    ForumSession,
    Gap,
    GapSource,
    RevisionTask,
    TaskKind,
    UserGroup,
)
from onramp.actions import post_action
from onramp.form_messages import error_message
from onramp.params import parse_id

PER_PAGE = 25


def gap_list(request):
    chosen = GapListFilter(request.GET, queryset=Gap.objects.select_related("process"), request=request)
    found = chosen.qs.distinct().order_by("-created_at", "-pk")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = dashboard.with_people_counts(list(page.object_list))
    return render(
        request,
        "forums/gap_list.html",
        {"gaps": page, "page_obj": page, "show": chosen.form.cleaned_data["show"]},
    )


def flag_gap(request):
    """Flag a gap: the topics its words and page suggest are shown, ticked, for the raiser to confirm before
    it is raised, since only the experts on them hear of it."""
    form = GapForm(request.POST or None, initial=gap_form_initial(request), request=request)
    if request.method == "POST" and form.is_valid():
        if to_check := form.topics_to_check():
            data = request.POST.copy()
            data.setlist("topics", [str(topic.pk) for topic in to_check])
            data["topics_checked"] = "1"
            form = GapForm(data, request=request)
            form.is_valid()
            form.show_suggested(to_check)
            return render(request, "forums/gap_form.html", {"form": form, "checking_topics": True})
        gap = form.raise_gap(raised_by=request.user)
        if gap is not None:
            messages.success(
                request, _("Thank you: the gap is in the trainers' queue. You will hear when it is closed.")
            )
            return redirect(gap)
    elif request.method != "POST":
        form.show_suggested(list(Topic.objects.filter(pk__in=form.initial.get("topics", [])).order_by("name")))
    return render(request, "forums/gap_form.html", {"form": form}, status=400 if form.errors else 200)


def gap_form_initial(request) -> dict:
    """A page named by `?page=` (one the person may open) and its topics, or a topic named by `?topic=`."""
    initial: dict = {}
    topics: list[Topic] = []
    if (page_id := parse_id(request.GET.get("page"))) is not None:
        initial["related_page"] = page_id
        page = wiki_pages(request).filter(pk=page_id).first()
        topics = suggest_gap_topics(text="", related_page=page) if page is not None else []
    if request.GET.get("topic"):
        topics = list(Topic.objects.filter(slug=request.GET["topic"])) or topics
    if topics:
        initial["topics"] = [topic.pk for topic in topics]
    return initial


def live_kinds(tasks: list[RevisionTask]) -> set[str]:
    """Which of the two tasks a gap can have (page, material) it has already, cancelled ones aside."""
    return {"material" if task.kind == TaskKind.MATERIAL else "page" for task in tasks if task.status != "cancelled"}


def gap_detail(request, pk: int):
    gap = get_object_or_404(
        Gap.objects.select_related(
            "process", "related_page", "related_material", "raised_by", "duplicate_of", "session__group", "triaged_by"
        ),
        pk=pk,
    )
    raisers = list(gap.raisers.select_related("person__profile", "merged_from"))
    tasks = list(gap.tasks.select_related("assignee__profile", "page", "material").order_by("pk"))
    may_triage = gaps.can_triage(request.user, gap)
    merge_search = MergeSearchForm(request.GET if "merge_q" in request.GET else None)
    merge_matches = None
    if may_triage and gap.is_open and merge_search.is_valid():
        merge_matches = gaps.merge_targets(gap, merge_search.cleaned_data["merge_q"], by=request.user)
    return render(
        request,
        "forums/gap_detail.html",
        {
            "gap": gap,
            "raisers": raisers,
            "tasks": tasks,
            "topics": list(gap.topics.all()),
            "has_hit": any(raiser.person_id == request.user.pk for raiser in raisers),
            "may_triage": may_triage and gap.is_open,
            "may_add_task": may_triage and gap.is_open and len(live_kinds(tasks)) < 2,
            "decline_form": DeclineForm(),
            "merge_search": merge_search,
            "merge_matches": merge_matches,
            "duplicates": list(gap.duplicates.all()),
        },
    )


@require_POST
def me_too(request, pk: int):
    gap = get_object_or_404(Gap, pk=pk)
    try:
        gaps.me_too(gap=gap, person=request.user)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("Noted: you will hear when this gap is closed."))
    return redirect(gap)


def triage_view(request, pk: int):
    gap = get_object_or_404(Gap.objects.select_related("related_page", "related_material"), pk=pk)
    if not gaps.can_triage(request.user, gap):
        raise PermissionDenied(_("Only trainers and the owner of the gap's page may triage it."))
    # Suggested: the page's owner revises the page, the material's trainer the material.
    page = gap.related_page.specific_deferred if gap.related_page_id else None
    initial = {
        "page": gap.related_page_id,
        "page_assignee": getattr(page, "page_owner_id", None),
        "material": gap.related_material_id,
        "material_assignee": gap.related_material.trainer_id if gap.related_material_id else None,
    }
    everyone = request.GET.get("everyone") == "1"
    form = TriageForm(request.POST or None, initial=initial, request=request, gap=gap, everyone=everyone)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        page_plan = material_plan = None
        if data["page"] or data["new_page_title"]:
            page_plan = triage.PageTaskPlan(
                assignee=data["page_assignee"],
                due_date=data["page_due_date"],
                page=data["page"],
                new_page_title=data["new_page_title"],
                new_page_parent=data["new_page_parent"],
                instructions=data["instructions"],
            )
        if data["material"]:
            material_plan = triage.MaterialTaskPlan(
                material=data["material"],
                assignee=data["material_assignee"],
                due_date=data["material_due_date"],
                instructions=data["instructions"],
            )
        try:
            tasks = triage.triage_gap(gap=gap, by=request.user, page_plan=page_plan, material_plan=material_plan)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = len(tasks)
            messages.success(
                request,
                ngettext("Triaged into %(count)d task.", "Triaged into %(count)d tasks.", count) % {"count": count},
            )
            return redirect(gap)
    return render(
        request,
        "forums/triage.html",
        {"gap": gap, "form": form, "closed": not gap.is_open},
        status=400 if form.errors else 200,
    )


@require_POST
def decline(request, pk: int):
    gap = get_object_or_404(Gap, pk=pk)
    form = DeclineForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"][0])
        gaps.decline_gap(gap=gap, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("The gap is declined; everyone who hit it will read your reason."))
    return redirect(gap)


@require_POST
def merge(request, pk: int):
    gap = get_object_or_404(Gap, pk=pk)
    form = MergeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["into"][0])
        into = Gap.objects.filter(pk=form.cleaned_data["into"]).first()
        if into is None:
            raise ValidationError(_("There is no gap number %(number)s.") % {"number": form.cleaned_data["into"]})
        gaps.merge_gaps(duplicate=gap, into=into, by=request.user)
    except ValidationError as error:
        messages.error(request, error_message(error))
        return redirect(gap)
    messages.success(request, _("Merged into “%(gap)s”; everyone who hit this gap moved with it.") % {"gap": into})
    return redirect(into)


def require_triager(request) -> None:
    if not gaps.can_triage(request.user):
        raise PermissionDenied(_("The gap queue is for trainers."))


def trainer_dashboard(request):
    require_triager(request)
    queue = Gap.objects.filter(status__in=OPEN_GAP_STATUSES).select_related("process").order_by("created_at", "pk")
    queue = GapQueueFilter(request.GET, queryset=queue, request=request).qs
    page = Paginator(queue, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = dashboard.with_people_counts(list(page.object_list))
    bars = dashboard.gaps_per_month()
    candidate_groups = [
        (
            source,
            getattr(source, "label", source.name),
            candidates.visible_candidates(source, request, limit=10),
            source.count(),
        )
        for source in candidates.candidate_sources()
    ]
    return render(
        request,
        "forums/dashboard.html",
        {
            "queue": page,
            "page_obj": page,
            "by_process": dashboard.queue_by_process(),
            "by_topic": dashboard.queue_by_topic(),
            "tasks_by_status": dashboard.tasks_by_status(),
            "overdue": list(dashboard.overdue_tasks()[:20]),
            "months": bars,
            "chart": dashboard.month_chart(bars),
            "candidate_groups": candidate_groups,
            # As asked, to fill the filter form again: a value that names nothing is kept too.
            **{name: request.GET.get(name, "") for name in ("status", "process", "topic")},
        },
    )


@require_POST
def raise_candidate(request):
    require_triager(request)
    try:
        gap = candidates.raise_candidate(key=request.POST.get("key", ""), by=request.user)
    except ValidationError as error:
        messages.error(request, error_message(error))
        return redirect("forums:dashboard")
    messages.success(request, _("“%(gap)s” is now a gap in the queue.") % {"gap": gap})
    return redirect(gap)


@require_POST
def dismiss_candidate(request):
    require_triager(request)
    try:
        candidates.dismiss_candidate(
            key=request.POST.get("key", ""), by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("Dismissed: it stays on record but leaves the queue."))
    return redirect("forums:dashboard")


def my_tasks(request):
    mine = RevisionTask.objects.filter(assignee=request.user).select_related(
        "assignee__profile", "gap", "page", "material"
    )
    chosen = TaskListFilter(request.GET, queryset=mine, request=request)
    page = Paginator(chosen.qs.order_by("due_date", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "forums/my_tasks.html", {"tasks": page, "page_obj": page, "show": chosen.form.cleaned_data["show"]}
    )


def task_detail(request, pk: int):
    task = get_object_or_404(
        RevisionTask.objects.select_related(
            "gap", "page", "material", "assignee__profile", "new_page_parent", "trigger_revision"
        ),
        pk=pk,
    )
    return render(
        request,
        "forums/task_detail.html",
        {
            "task": task,
            "may_work": revision.can_work_on(request.user, task) and task.is_open,
            "may_cancel": gaps.can_triage(request.user, task.gap) and task.is_open,
            "status_form": TaskStatusForm(initial={"status": task.status}),
            "complete_form": CompleteTaskForm(request=request) if task.kind == TaskKind.NEW_PAGE else None,
        },
    )


def task_of(request, pk: int) -> RevisionTask:
    return get_object_or_404(RevisionTask, pk=pk)


def back_to_task(request, task: RevisionTask, succeeded: bool):
    return redirect(task)


# A POST about a revision task: run the rule, say what happened, back to the task.
task_action = post_action(load=task_of, back=back_to_task)


@task_action
def move_task(request, task):
    form = TaskStatusForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Choose open, in progress or in review."))
    task = revision.move_task(task=task, by=request.user, status=form.cleaned_data["status"])
    return _("The task is now %(status)s.") % {"status": task.get_status_display().lower()}


@task_action
def complete_task(request, task):
    form = CompleteTaskForm(request.POST, request=request)
    new_page = form.cleaned_data.get("new_page") if form.is_valid() else None
    revision.complete_task(task=task, by=request.user, new_page=new_page)
    return _("Done: thank you. Everyone who hit the gap hears about it once all its tasks are done.")


@task_action
def cancel_task(request, task):
    revision.cancel_task(task=task, by=request.user)
    return _("The task is cancelled; it stays on record.")


def group_list(request):
    groups = UserGroup.objects.select_related("facilitator__profile").annotate(
        member_count=Count("members", distinct=True), session_count=Count("sessions", distinct=True)
    )
    page = Paginator(groups.order_by("name"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "forums/group_list.html", {"groups": page, "page_obj": page})


def group_detail(request, slug: str):
    group = get_object_or_404(UserGroup.objects.select_related("facilitator__profile"), slug=slug)
    sessions = group.sessions.annotate(gap_count=Count("gaps")).order_by("-date")
    page = Paginator(sessions, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forums/group_detail.html",
        {
            "group": group,
            "sessions": page,
            "page_obj": page,
            "members": group.members.select_related("profile").order_by("first_name", "last_name"),
            "topics": group.topics.all(),
        },
    )


def may_record(user, session: ForumSession) -> bool:
    group = session.group
    return group.facilitator_id == user.pk or group.members.filter(pk=user.pk).exists() or gaps.can_triage(user)


def session_gap_topics(row: dict, session: ForumSession) -> list[Topic]:
    """A gap recorded at a session is about the topics its words name; failing those, the group's topics."""
    named = suggest_gap_topics(text=f"{row['title']}\n{row.get('description', '')}")
    return named or list(session.group.topics.all())


def session_detail(request, pk: int):
    session = get_object_or_404(ForumSession.objects.select_related("group__facilitator"), pk=pk)
    people = session.attendees.all() if session.attendees.exists() else session.group.members.all()
    people = people.filter(is_active=True).order_by("first_name", "last_name")
    allowed = may_record(request.user, session)
    formset = QuickGapFormSet(
        request.POST if request.method == "POST" else None, form_kwargs={"people": people}, prefix="gaps"
    )
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied(_("Only the group's members and facilitator record gaps at its sessions."))
        if formset.is_valid():
            rows = [row for row in formset.cleaned_data if row.get("title")]
            if not rows:
                messages.error(request, _("Write at least one gap in the table."))
            else:
                try:
                    with transaction.atomic():
                        for row in rows:
                            gaps.raise_gap(
                                title=row["title"],
                                description=row.get("description", ""),
                                topics=session_gap_topics(row, session),
                                source=GapSource.FORUM,
                                raised_by=row.get("raised_by") or request.user,
                                session=session,
                            )
                except ValidationError as error:
                    messages.error(request, error_message(error))
                else:
                    count = len(rows)
                    messages.success(
                        request,
                        ngettext("Recorded %(count)d gap.", "Recorded %(count)d gaps.", count) % {"count": count},
                    )
                    return redirect("forums:session", pk=session.pk)
    earlier = (
        Gap.objects.filter(session__group=session.group, session__date__lt=session.date)
        .select_related("session", "duplicate_of")
        .prefetch_related(Prefetch("tasks", queryset=RevisionTask.objects.select_related("page").order_by("pk")))
        .order_by("-session__date", "pk")[:50]
    )
    return render(
        request,
        "forums/session_detail.html",
        {
            "session": session,
            "gaps": session.gaps.annotate(people=Count("raisers")).order_by("pk"),
            "earlier": earlier,
            "formset": formset,
            "may_record": allowed,
            "attendees": session.attendees.select_related("profile").order_by("first_name", "last_name"),
        },
        status=400 if request.method == "POST" else 200,
    )
