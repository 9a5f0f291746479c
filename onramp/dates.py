"""The dates Onramp accepts from people: one range for every date anyone enters, so that a slip such as the year
9999 is refused where it is typed, and arithmetic on a stored date (a check-in plus its grace days, a start date
plus the program's length) cannot run past the calendar's end."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def check_in_range(value: date) -> None:
    """A validator: refuses a date outside EARLIEST–LATEST."""
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s.")
            % {"earliest": date_format(EARLIEST, "j F Y"), "latest": date_format(LATEST, "j F Y")},
            code="date_out_of_range",
        )
