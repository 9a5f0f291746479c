"""A list endpoint's rows prepared for the caller one page at a time: @paginate counts and slices a `Shown`
like a queryset, and only the rows of the page asked for are read and shown."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet


class Shown:
    """`queryset` whose page, once sliced, goes through `show_page` (a list of rows in, what to answer out)."""

    def __init__(self, queryset: QuerySet, show_page: Callable[[list], list]):
        self.queryset = queryset
        self.show_page = show_page

    def all(self) -> Shown:
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> list:
        return self.show_page(list(self.queryset[page]))
