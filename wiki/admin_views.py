"""Wagtail admin screens of the wiki that are not reports: verifying a page, the owner's dashboard panel."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from wiki.forms import VerifyForm
from wiki.freshness import can_verify, pages_due, verification_state, verify_page
from wiki.models import OwnedPage
from wiki.problems import mark_known_issues, open_problems


def verify_page_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, OwnedPage) or not can_verify(page, request.user):
        raise PermissionDenied
    problems = open_problems(page, request)
    form = VerifyForm(request.POST or None, note_required=bool(problems))
    if request.method == "POST" and form.is_valid():
        try:
            verify_page(page=page, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("“%(title)s” is marked as still correct.") % {"title": page.get_admin_display_title()}
            )
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
            return redirect(next_url)
    return TemplateResponse(
        request,
        "wiki/admin/verify.html",
        {
            "page": page,
            "form": form,
            "open_problems": problems,
            "freshness": page.freshness,
            "history": page.verifications.select_related("verified_by")[:10],
            "header_icon": "tick",
            "page_title": _("Verify a page"),
            "page_subtitle": page.get_admin_display_title(),
        },
        status=400 if form.errors else 200,
    )


class VerifyButton(PageMenuItem):
    label = gettext_lazy("Verify: still correct")
    icon_name = "tick"
    url_name = "wiki_admin_verify"
    priority = 12


class MyPagesDuePanel(Component):
    """Dashboard panel: the signed-in user's pages whose verification is due within two weeks."""

    name = "my_pages_due"
    order = 90
    template_name = "wiki/admin/my_pages_due_panel.html"
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from django.conf import settings

        due = pages_due(within_days=settings.WIKI_DUE_SOON_DAYS, owner=self.user)
        pages = mark_known_issues(due[: self.limit])
        for page in pages:
            page.freshness_state = verification_state(
                due_at=page.due_at, last_verified_at=page.verified_at, known_issue=page._known_issue
            )
        return {"pages": pages, "total": due.count(), "report_url": reverse("wiki_reports:pages_due")}
