from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
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
        raise PermissionDenied("This page has no owner to verify it.")
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["note"]))
        return redirect(page.url)
    verify_page(page=page, user=request.user, note=form.cleaned_data["note"])
    messages.success(request, f"Thank you: “{page.title}” is marked as still correct.")
    return redirect(page.url)
