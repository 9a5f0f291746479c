from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from wiki.forms import VerifyForm
from wiki.freshness import verify_page
from wiki.models import OwnedPage


@login_required
@require_POST
def verify(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, OwnedPage):
        raise PermissionDenied(_("This page has no owner to verify it."))
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["note"]))
        return redirect(page.url)
    verify_page(page=page, user=request.user, note=form.cleaned_data["note"])
    messages.success(request, _("Thank you: “%(title)s” is marked as still correct.") % {"title": page.title})
    return redirect(page.url)
