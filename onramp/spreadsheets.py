"""Spreadsheet exports that a spreadsheet program will not run: a text cell starting like a formula (=, +, -,
@, a tab or a carriage return) is written with a leading apostrophe, so it opens as the text it is.

Every CSV Onramp writes passes its cells through `safe_cell`: the admin reports through `SafeReportView`, our
own views through `SafeCsvWriter`. (Wagtail's XLSX export already stores such cells as text, never as
formulas.)"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a CSV cell: text that starts like a formula gets a leading apostrophe. Numbers, dates and
    empty cells are left alone, so a negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's spreadsheet export with every CSV cell passed through `safe_cell`."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value


class SafeReportView(SafeSpreadsheetExportMixin, ReportView):
    """The base of every Onramp admin report."""


class SafeCsvWriter:
    """`csv.writer` whose rows pass through `safe_cell`."""

    def __init__(self, stream, **options):
        self.writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]):
        return self.writer.writerow([safe_cell(cell) for cell in row])
