import logging
from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import BadRequest
from django.db import DatabaseError, connection
from django.utils import timezone

from onramp.database import busy_response, connection_was_dropped, is_busy
from onramp.zones import zone_of

logger = logging.getLogger(__name__)


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Onramp is an internal tool: every page needs a signed-in person.

    The Wagtail admin is left to guard itself (it has its own sign-in and permissions), the API answers 401
    itself to a request without a bearer token (api/site.py), Slack and Teams sign their own requests to Ask in
    chat (chat/views.py), and static files and health checks stay open.
    """

    open_prefixes = ("/admin/", "/static/", "/health/", "/api/", "/chat/slack/ask/", "/chat/teams/ask/")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(self.open_prefixes) or request.path.startswith(settings.STATIC_URL):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PersonTimeZoneMiddleware:
    """Dates and times in a request follow the signed-in person's zone (their profile's), so "today", "due
    today" and "overdue" are their day rather than the server's; anonymous visitors get settings.TIME_ZONE.
    Comes after AuthenticationMiddleware. The profile it reads stays cached on `request.user` for the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.activate(zone_of(getattr(request, "user", None)))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class RefuseNullCharactersMiddleware:
    """Answers 400 to an address with a NUL character in its path or query string. No page of Onramp has one,
    and PostgreSQL refuses NUL in any text it is given, so a username or a filter with %00 would otherwise end
    in a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            raise BadRequest("The address contains a NUL character.")
        return self.get_response(request)


class BusyDatabaseMiddleware:
    """Answers a view that failed on a busy database (SQLite's write lock held by an import) with the 503 page,
    rather than a 500 or, with DEBUG on (`make run`), a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return busy_response() if is_busy(exception) else None


class ContentSecurityPolicyMiddleware:
    """Sends the CONTENT_SECURITY_POLICY setting (a dict of directive → sources) on every response.

    The Wagtail admin still writes a few inline scripts (date pickers, inline panels), so under /admin/ the
    sources in CONTENT_SECURITY_POLICY_ADMIN_EXTRA are added. With CONTENT_SECURITY_POLICY_REPORT_ONLY the
    browser reports violations instead of blocking them: how a new policy is tried on a running site."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        extra = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_EXTRA", None) or {}
        admin_policy = {
            directive: [*policy.get(directive, []), *extra.get(directive, [])] for directive in policy | extra
        }
        self.site_value, self.admin_value = header_value(policy), header_value(admin_policy)
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
        self.header_name = "Content-Security-Policy-Report-Only" if report_only else "Content-Security-Policy"

    def __call__(self, request):
        response = self.get_response(request)
        value = self.admin_value if request.path.startswith("/admin/") else self.site_value
        if value and self.header_name not in response:
            response[self.header_name] = value
        return response


def header_value(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{directive} {' '.join(sources)}".strip() for directive, sources in policy.items())


class RetryReadsOnDroppedConnectionMiddleware:
    """Runs a GET or HEAD once more, on a new connection, when the database connection drops under it (a
    PostgreSQL restart or a killed backend): reading twice changes nothing. Writes are never retried.

    It calls the view itself and renders a template response before returning it, so that queries made while
    rendering are covered too; hence it comes last in MIDDLEWARE, after every other `process_view`, and no
    middleware may need a template response unrendered (none of ours has `process_template_response`)."""

    retried_methods = ("GET", "HEAD")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in self.retried_methods:
            return None
        try:
            return rendered(view_func(request, *view_args, **view_kwargs))
        except DatabaseError as error:
            if not connection_was_dropped(error):
                raise
            logger.warning("Database connection dropped during %s %s; running it again", request.method, request.path)
            connection.close()
        return rendered(view_func(request, *view_args, **view_kwargs))


def rendered(response):
    if hasattr(response, "render") and callable(response.render):
        response.render()
    return response
