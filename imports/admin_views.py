"""The admin's side of imports: upload a zipped Markdown tree, watch it run, read its report."""

import zipfile
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from imports.checks import cache_is_process_local
from imports.history import HistoryFormatError, read_history
from imports.models import ImportRun
from imports.runs import fail_stalled_runs, linked_report
from imports.sources import ArchiveRefused, ZipSource
from imports.tasks import progress_key, run_markdown_import
from wiki.models import HomePage, ProcessPage

MAX_UPLOAD = 100 * 1024 * 1024
WRITTEN_PER_SCREEN = 100  # pages listed per screen of a run's report


class UploadForm(forms.Form):
    archive = forms.FileField(
        label=gettext_lazy("Zip of Markdown files"), help_text=gettext_lazy("Folders become processes, files articles.")
    )
    under = forms.ModelChoiceField(
        queryset=Page.objects.none(),
        label=gettext_lazy("Import under"),
        help_text=gettext_lazy("The page the tree's top folders go under."),
    )
    history = forms.FileField(label=gettext_lazy("Edit history (optional CSV)"), required=False)
    dry_run = forms.BooleanField(label=gettext_lazy("Dry run: report only, save nothing"), required=False)
    unpublish_missing = forms.BooleanField(
        label=gettext_lazy("Unpublish pages of earlier imports here that this archive does not contain"),
        required=False,
        help_text=gettext_lazy(
            "Left unticked, those pages stay published and the report lists them. "
            "Pages edited in Onramp since they were imported are never unpublished."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["under"].queryset = Page.objects.type(HomePage, ProcessPage).order_by("path")

    def clean_archive(self):
        archive = self.cleaned_data["archive"]
        if archive.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The archive is larger than 100 MB; split the tree or import it from the command line.")
            )
        if not zipfile.is_zipfile(archive):
            raise forms.ValidationError(_("That file is not a zip archive."))
        try:
            with zipfile.ZipFile(archive) as opened:
                ZipSource(opened, name=archive.name)  # refuses what must not be extracted, from its contents list
        except ArchiveRefused as error:
            raise forms.ValidationError(str(error)) from error
        except Exception as error:  # noqa: BLE001 - a malformed archive makes zipfile raise errors of many kinds
            raise forms.ValidationError(
                _("The zip archive is damaged or cannot be read: %(error)s.") % {"error": error}
            ) from error
        archive.seek(0)
        return archive

    def clean_history(self):
        history = self.cleaned_data.get("history")
        if not history:
            return None
        if history.size > settings.IMPORT_MAX_HISTORY_BYTES:
            raise forms.ValidationError(
                _(
                    "The history is larger than %(size)s (IMPORT_MAX_HISTORY_BYTES); "
                    "import it with the import_markdown command's --history."
                )
                % {"size": filesizeformat(settings.IMPORT_MAX_HISTORY_BYTES)}
            )
        try:
            text = history.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("The history is not UTF-8 text (byte %(byte)s).") % {"byte": error.start}
            ) from error
        try:
            read_history(text)
        except HistoryFormatError as error:
            raise forms.ValidationError(_("The history cannot be read: %(error)s.") % {"error": error}) from error
        history.seek(0)
        return history


def superusers_only(view):
    """Imports create pages and people in bulk: only superusers may run or read them."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@superusers_only
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = ImportRun(
            kind=ImportRun.Kind.MARKDOWN,
            source=data["archive"].name,
            dry_run=data["dry_run"],
            started_by=request.user,
            summary={"options": {"under": data["under"].pk, "unpublish_missing": data["unpublish_missing"]}},
        )
        run.upload.save(data["archive"].name, data["archive"], save=False)
        if data["history"]:
            run.history.save(data["history"].name, data["history"], save=False)
        run.save()
        transaction.on_commit(lambda: run_markdown_import.delay(run.pk))
        return redirect("imports_run", run_id=run.pk)
    fail_stalled_runs()
    return TemplateResponse(
        request,
        "imports/upload.html",
        {
            "form": form,
            "page_title": _("Import Markdown"),
            "header_icon": "upload",
            "runs": ImportRun.objects.all()[:20],
        },
        status=400 if form.errors else 200,
    )


@superusers_only
def run_detail(request, run_id: int):
    fail_stalled_runs()
    run = get_object_or_404(ImportRun, pk=run_id)
    progress = cache.get(progress_key(run.pk)) if run.status in {"queued", "running"} else None
    # A worker in another process can only report progress through a cache both processes share.
    progress_visible = not (settings.CELERY_BROKER_URL and cache_is_process_local())
    report = linked_report(run) if run.status == ImportRun.Status.DONE else None
    written = Paginator(report.written, WRITTEN_PER_SCREEN).get_page(request.GET.get("page")) if report else None
    return TemplateResponse(
        request,
        "imports/run.html",
        {
            "run": run,
            "progress": progress,
            "progress_visible": progress_visible,
            "report": report,
            "written": written,
            "page_title": _("Import"),
            "page_subtitle": run.source,
            "header_icon": "upload",
        },
    )
