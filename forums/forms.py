from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from expertise.models import Topic
from forums import gaps
from forums.assignees import eligible_assignees
from forums.gap_topics import suggest_gap_topics
from forums.gaps import TITLE_MAX
from forums.models import Gap, GapSource, TaskKind
from onramp.fields import DateField, SingleLineField
from wiki.models import ArticlePage, ProcessPage, TrainingMaterial
from wiki.visibility import viewable


def _person_name(person) -> str:
    return person.get_full_name() or person.get_username()


def first_then_rest(
    field: forms.ModelChoiceField,
    first_label: str,
    first: list,
    rest_label: str,
    label=str,
    *,
    rest_only: set[str] | None = None,
) -> bool:
    """Shows `first` of the field's choices in a group of their own ahead of the others; with `rest_only` (the
    pks, as text, of what is already chosen) the others are left out but for those, so the picker is narrowed
    to `first`. Only the display changes: what may be chosen, and the rules' messages for a poor choice, stay
    the field's own. False, and the field left as it was, when there is nothing to put first."""
    first_pks = {item.pk for item in first}
    rest = [item for item in field.queryset if item.pk not in first_pks]
    if not first_pks:
        return False
    if rest_only is not None:
        rest = [item for item in rest if str(item.pk) in rest_only]
    groups = [(first_label, [(item.pk, label(item)) for item in first])]
    if rest:
        groups.append((rest_label, [(item.pk, label(item)) for item in rest]))
    field.choices = [("", field.empty_label or "")] + groups
    return True


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def active_people():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def wiki_pages(request: HttpRequest):
    """The pages a form offers to choose from: only those the person filling it in may open."""
    return viewable(Page.objects.live().type(ArticlePage, ProcessPage), request).order_by("title")


def suggested_first(field: forms.ModelMultipleChoiceField, topics: list[Topic]) -> None:
    """Shows the suggested topics in a group of their own ahead of the others (the choice stays the field's)."""
    if not topics:
        return
    first = {topic.pk for topic in topics}
    rest = [(topic.pk, topic.name) for topic in field.queryset if topic.pk not in first]
    field.choices = [(_("Suggested"), [(topic.pk, topic.name) for topic in topics])] + (
        [(_("Other topics"), rest)] if rest else []
    )


def topics_field() -> forms.ModelMultipleChoiceField:
    field = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        help_text=_("Only the experts on these topics hear of the gap."),
    )
    field.widget.attrs["data-filter"] = _("Type to filter")
    return field


class GapTopicsForm(forms.Form):
    """The topics of a gap about to be raised from something else (a check-in question), as its raiser
    confirms them: the suggested ones come ticked."""

    topics = topics_field()

    def __init__(self, *args, suggested: list[Topic] = (), **kwargs):
        super().__init__(*args, **kwargs)
        suggested = list(suggested)
        if not self.is_bound:
            self.initial.setdefault("topics", [topic.pk for topic in suggested])
        suggested_first(self.fields["topics"], suggested)


class GapForm(forms.Form):
    """A gap flagged on the site or through the API. The topics decide which experts hear of it: the site
    suggests them from the words and the page and asks the raiser to confirm them (`topics_checked`); through
    the API, topics left out are the suggested ones."""

    title = SingleLineField(
        label=_("What is missing or wrong?"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Say in a few words what is missing or wrong.")},
    )
    description = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What were you trying to do, and where did you look?"),
    )
    topics = topics_field()
    related_page = forms.ModelChoiceField(
        label=_("Page it is about (optional)"), queryset=Page.objects.none(), required=False
    )
    topics_checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_page"].queryset = wiki_pages(request)

    def suggested_topics(self) -> list[Topic]:
        """What the valid form's words and page suggest (forums.gap_topics)."""
        data = self.cleaned_data
        return suggest_gap_topics(text=f"{data['title']}\n{data['description']}", related_page=data["related_page"])

    def topics_to_check(self) -> list[Topic]:
        """Suggested topics the raiser has not seen yet: the chosen ones and these, for a second look. Empty
        once they confirmed, or when the suggestion adds nothing."""
        if self.cleaned_data.get("topics_checked"):
            return []
        chosen = list(self.cleaned_data["topics"])
        missing = [topic for topic in self.suggested_topics() if topic not in chosen]
        return chosen + missing if missing else []

    def show_suggested(self, topics: list[Topic]) -> None:
        suggested_first(self.fields["topics"], topics)

    def raise_gap(self, raised_by) -> Gap | None:
        """The valid form's gap, raised as flagged on the site by `raised_by`; None, with the reason among the
        form's errors, when the rules refuse it (forums.gaps.raise_gap)."""
        data = self.cleaned_data
        topics = list(data["topics"])
        try:
            return gaps.raise_gap(
                title=data["title"],
                description=data["description"],
                topics=topics if topics or data.get("topics_checked") else None,
                source=GapSource.DIRECT,
                raised_by=raised_by,
                related_page=data["related_page"],
            )
        except ValidationError as error:
            self.add_error(None, error)
            return None


class QuickGapForm(forms.Form):
    """One row of the "record gaps during the meeting" table on a session page."""

    title = SingleLineField(label=_("Gap"), max_length=TITLE_MAX, required=False)
    description = forms.CharField(label=_("Notes"), required=False, max_length=2000)
    raised_by = PersonChoiceField(
        label=_("Raised by"), queryset=active_people(), required=False, empty_label=_("Me (who records it)")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raised_by"].queryset = people if people is not None else active_people()

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("description") or data.get("raised_by")):
            self.add_error("title", _("Give the gap a title, or clear this row."))
        return data


QuickGapFormSet = formset_factory(QuickGapForm, extra=5, max_num=20)


class TriageForm(forms.Form):
    page = forms.ModelChoiceField(label=_("Page to revise"), queryset=Page.objects.none(), required=False)
    new_page_title = SingleLineField(label=_("…or title of a new page to write"), max_length=255, required=False)
    new_page_parent = forms.ModelChoiceField(
        label=_("New page goes under"), queryset=Page.objects.none(), required=False
    )
    page_assignee = PersonChoiceField(label=_("Page task assignee"), queryset=active_people(), required=False)
    page_due_date = DateField(label=_("Page task due"), required=False)
    material = forms.ModelChoiceField(
        label=_("Training material to revise"), queryset=TrainingMaterial.objects.order_by("title"), required=False
    )
    material_assignee = PersonChoiceField(label=_("Material task assignee"), queryset=active_people(), required=False)
    material_due_date = DateField(label=_("Material task due"), required=False)
    instructions = forms.CharField(
        label=_("Instructions for the assignees (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, request: HttpRequest, gap: Gap | None = None, everyone: bool = False, **kwargs):
        """With a `gap`, the pickers offer its process's pages and materials and the people who may do each
        task (and whatever is already chosen); `everyone` offers every choice, the gap's first. Either way
        anything the rules allow may be posted."""
        super().__init__(*args, **kwargs)
        self.everyone = everyone
        self.narrowed = False  # whether any picker leaves choices out (the page then offers "show everything")
        self.fields["page"].queryset = wiki_pages(request)
        self.fields["new_page_parent"].queryset = viewable(ProcessPage.objects.live(), request).order_by("path")
        self.fields["page_assignee"].queryset = active_people()
        self.fields["material_assignee"].queryset = active_people()
        self.suggested_materials: list[TrainingMaterial] = []
        for name in ("page", "new_page_parent", "page_assignee", "material", "material_assignee"):
            # pickers.js adds a search box above these long lists; without it they are plain selects.
            self.fields[name].widget.attrs["data-filter"] = _("Type to filter")
        if gap is not None:
            self._put_the_gap_s_process_first(gap)

    def _chosen(self, name: str) -> set[str]:
        value = self.data.get(name) if self.is_bound else self.initial.get(name)
        return {str(value)} if value not in (None, "") else set()

    def _first(self, name: str, first_label: str, first: list, rest_label: str, label=str) -> None:
        rest_only = None if self.everyone else self._chosen(name)
        narrowed = first_then_rest(self.fields[name], first_label, first, rest_label, label, rest_only=rest_only)
        self.narrowed |= narrowed and not self.everyone

    def _put_the_gap_s_process_first(self, gap: Gap) -> None:
        """The pages, materials and people of the gap's process come first in each picker, or alone."""
        process = gap.process
        people = list(active_people())
        if process is not None:
            area = [page for page in self.fields["page"].queryset if page.path.startswith(process.path)]
            self._first(
                "page",
                _("In “%(process)s”") % {"process": process.title},
                area,
                _("Other pages"),
                label=lambda page: page.title,
            )
            self.suggested_materials = list(process.training_materials.order_by("title"))
            self._first(
                "material",
                _("Attached to “%(process)s”") % {"process": process.title},
                self.suggested_materials,
                _("Other materials"),
            )
        page = gap.related_page or process
        if page is not None:
            self._first(
                "page_assignee",
                _("May edit “%(page)s”") % {"page": page.title},
                eligible_assignees(people, kind=TaskKind.PAGE, page=page),
                _("Others"),
                label=_person_name,
            )
        material = gap.related_material
        if material is None and len(self.suggested_materials) == 1:
            material = self.suggested_materials[0]
        if material is not None:
            revisers = eligible_assignees(people, kind=TaskKind.MATERIAL, material=material)
            heading = _("May revise “%(material)s”") % {"material": material}
        else:
            trainers = set(TrainingMaterial.objects.values_list("trainer_id", flat=True))
            revisers = [p for p in people if p.pk in trainers or p.has_perm("wiki.change_trainingmaterial")]
            heading = _("Trainers")
        self._first("material_assignee", heading, revisers, _("Others"), label=_person_name)

    def clean(self):
        data = super().clean()
        wants_page = data.get("page") or data.get("new_page_title")
        if data.get("page") and data.get("new_page_title"):
            self.add_error("new_page_title", _("Choose a page to revise or a new page to write, not both."))
        if wants_page and not data.get("page_assignee"):
            self.add_error("page_assignee", _("Choose who will revise or write the page."))
        if data.get("new_page_title") and not data.get("new_page_parent"):
            self.add_error("new_page_parent", _("Choose where the new page goes."))
        if data.get("material") and not data.get("material_assignee"):
            self.add_error("material_assignee", _("Choose who will revise the material."))
        if not wants_page and not data.get("material") and not self.errors:
            raise forms.ValidationError(
                _("Choose at least one task: a page to revise or write, or a training material.")
            )
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it declined?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the gap is declined: the people who raised it will read it.")},
    )


class MergeSearchForm(forms.Form):
    """The search, sent by GET, that lists the open gaps a duplicate can be merged into."""

    merge_q = SingleLineField(
        label=_("Find the gap it duplicates"),
        max_length=200,
        required=False,
        help_text=_("Words from its title, or its number."),
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(
        label=_("Merge into"),
        min_value=1,
        error_messages={"required": _("Find and choose the gap to merge into."), "invalid": _("Choose a gap.")},
    )


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("open", "Open"), ("in-progress", "In progress"), ("in-review", "In review")]
    )


class CompleteTaskForm(forms.Form):
    new_page = forms.ModelChoiceField(label=_("The page you wrote"), queryset=Page.objects.none(), required=False)

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_page"].queryset = wiki_pages(request)
