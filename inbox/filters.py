"""The inbox's filter, read from its query string."""

import django_filters

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from onramp.filters import FallbackChoiceFilter


class InboxFilter(django_filters.FilterSet):
    """Every notification, or the unread ones only."""

    show = FallbackChoiceFilter(
        choices=[("all", _("All")), ("unread", _("Unread"))], fallback="all", method="filter_show"
    )

    def filter_show(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(read_at__isnull=True) if value == "unread" else queryset
