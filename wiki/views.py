from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from wiki.forms import VerifyForm
from wiki.freshness import can_verify, verify_page
from wiki.models import OwnedPage
from wiki.problems import open_problems


@login_required
@require_POST
def verify(request, page_id: int):
    """The page's "Still correct" form. Refused input shows the page again, the form's errors on it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, OwnedPage) or not can_verify(page, request.user):
        raise PermissionDenied(_("Only the page's owner or an editor who can publish it may verify it."))
    form = VerifyForm(request.POST, note_required=bool(open_problems(page, request)))
    if form.is_valid():
        try:
            verify_page(page=page, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: “%(title)s” is marked as still correct.") % {"title": page.title})
            return redirect(page.url)
    messages.error(request, " ".join(form.errors.get("note", [])) or _("The page was not marked as verified."))
    context = page.get_context(request)
    context["verify_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=400)
