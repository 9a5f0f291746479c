"""The caller's inbox over the API, on inbox.notifications as the inbox page uses it: their own notifications
only (another person's is a 404), filtered as the page filters them (inbox.filters), the unread count in the
header, marking one or all read."""

from datetime import datetime
from typing import Literal

from ninja import Router, Schema
from ninja.pagination import paginate

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from api.pagination import LimitOffsetPages
from api.refusals import ObjectId
from inbox.filters import InboxFilter
from inbox.models import Notification
from inbox.notifications import mark_all_read, mark_read, unread_count

router = Router(tags=["Notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    subject: str
    body: str
    url: str
    created_at: datetime
    read: bool
    read_at: datetime | None

    @staticmethod
    def resolve_read(obj: Notification) -> bool:
        return obj.is_read


class UnreadCount(Schema):
    unread: int


class MarkedRead(Schema):
    marked: int


@router.get("/notifications/", response=list[NotificationOut], summary="My notifications")
@paginate(LimitOffsetPages)
def notification_list(request: HttpRequest, show: Literal["all", "unread"] = "all"):
    """The caller's notifications, newest first: all, or the unread ones."""
    mine = Notification.objects.filter(recipient=request.user)
    return InboxFilter({"show": show}, queryset=mine, request=request).qs


@router.get("/notifications/unread-count/", response=UnreadCount, summary="How many are unread")
def notification_unread_count(request: HttpRequest):
    return {"unread": unread_count(request.user)}


@router.post("/notifications/{notification_id}/read/", response=NotificationOut, summary="Mark one read")
def notification_read(request: HttpRequest, notification_id: ObjectId):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    mark_read(notification=notification, user=request.user)
    return notification


@router.post("/notifications/read-all/", response=MarkedRead, summary="Mark all read")
def notification_read_all(request: HttpRequest):
    """Marks every unread notification of the caller's read; answers how many were."""
    return {"marked": mark_all_read(user=request.user)}
