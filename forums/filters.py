"""The filters of the forum's lists, read from their query strings: the gap list, the trainers' queue and a
person's revision tasks."""

import django_filters

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from forums.models import CLOSED_GAP_STATUSES, OPEN_GAP_STATUSES, OPEN_TASK_STATUSES, GapStatus
from onramp.filters import FallbackChoiceFilter
from onramp.params import parse_id


class GapListFilter(django_filters.FilterSet):
    """Open gaps unless the person asks for the closed ones or the ones they hit."""

    show = FallbackChoiceFilter(
        choices=[("open", _("Open")), ("closed", _("Closed")), ("mine", _("Ones I hit"))],
        fallback="open",
        method="filter_show",
    )

    def filter_show(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "closed":
            return queryset.filter(status__in=CLOSED_GAP_STATUSES)
        if value == "mine":
            return queryset.filter(raisers__person=self.request.user)
        return queryset.filter(status__in=OPEN_GAP_STATUSES)


class GapQueueFilter(django_filters.FilterSet):
    """The trainers' queue of open gaps, narrowed by status, process area (by id, or `none` for the gaps
    without one) and topic slug. An unknown status or a process that is not an id is ignored; an id or a slug
    that names nothing leaves the queue empty."""

    status = django_filters.ChoiceFilter(
        choices=[(status.value, status.label) for status in (GapStatus.NEW, GapStatus.TRIAGED, GapStatus.IN_REVISION)]
    )
    process = django_filters.CharFilter(method="filter_process", strip=False)
    topic = django_filters.CharFilter(field_name="topic_links__tag__slug", strip=False)

    def filter_process(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if (process_id := parse_id(value)) is not None:
            return queryset.filter(process_id=process_id)
        if value == "none":
            return queryset.filter(process__isnull=True)
        return queryset


class TaskListFilter(django_filters.FilterSet):
    """A person's open revision tasks, or the done and cancelled ones."""

    show = FallbackChoiceFilter(
        choices=[("open", _("Open")), ("closed", _("Done and cancelled"))], fallback="open", method="filter_show"
    )

    def filter_show(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "closed":
            return queryset.exclude(status__in=OPEN_TASK_STATUSES)
        return queryset.filter(status__in=OPEN_TASK_STATUSES)
