"""Sign-in throttling, on django-axes: guessing passwords pauses sign-in, on both sign-in pages.

Two limits, counted over the last SIGN_IN_LOCKOUT_MINUTES: `AXES_FAILURE_LIMIT` wrong passwords for one
account from one address (a person who mistypes pauses only themselves), and
`SIGN_IN_ADDRESS_FAILURE_LIMIT` from one address over all accounts (one machine trying many accounts).
Requests for a password reset (by email) are counted per address against the second limit.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes compares one count with one limit; this count reaches `AXES_FAILURE_LIMIT` when either limit is
    reached. Reads `AXES_LOCKOUT_PARAMETERS` as [account and address, address]."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        account_from_address, address = (
            failures(attempts) for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT:
            return max(account_from_address, settings.AXES_FAILURE_LIMIT)
        return account_from_address

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        # Only password attempts are counted. A refusal by single sign-on carries no username (the provider
        # checked the password): counting it would pause sign-in for an office address after a few refusals.
        if not (credentials or {}).get("username"):
            return
        super().user_login_failed(sender, credentials, request, **kwargs)


def failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def client_address(request: HttpRequest) -> str | None:
    """The address sign-in attempts are counted by. Behind TRUSTED_PROXY_COUNT proxies (each adding the
    address it was called from to X-Forwarded-For) it is the one the outermost proxy added: anything left of it
    came from the client and may be made up."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [address.strip() for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_minutes() -> int:
    return int(get_cool_off().total_seconds() // 60)


def locked_out(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The page shown instead of the sign-in form once a limit is reached (AXES_LOCKOUT_CALLABLE)."""
    minutes = lockout_minutes()
    response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def allow_password_reset(request: HttpRequest) -> bool:
    """Counts a request for a password reset email from this address; False once there were too many."""
    key, period = f"password-reset-requests:{client_address(request)}", lockout_minutes() * 60
    cache.add(key, 0, timeout=period)
    try:
        requests = cache.incr(key)
    except ValueError:  # the period ended between the two calls
        cache.set(key, requests := 1, timeout=period)
    return requests <= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
