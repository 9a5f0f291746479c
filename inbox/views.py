from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from inbox.filters import InboxFilter
from inbox.models import Notification
from inbox.notifications import mark_all_read, mark_read

PER_PAGE = 25


def inbox(request):
    chosen = InboxFilter(request.GET, queryset=Notification.objects.filter(recipient=request.user), request=request)
    page = Paginator(chosen.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "inbox/inbox.html",
        {"notifications": page, "page_obj": page, "show": chosen.form.cleaned_data["show"]},
    )


@require_POST
def open_notification(request, pk: int):
    """Marks the notification read and follows its link."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(notification=notification, user=request.user)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("inbox:inbox")


@require_POST
def read_all(request):
    count = mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext("Marked %(count)d notification as read.", "Marked %(count)d notifications as read.", count)
        % {"count": count},
    )
    return redirect("inbox:inbox")
