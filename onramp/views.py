import sys

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

from wagtail.admin.views import account as wagtail_account
from wagtail.api.v3.errors import problem_response

from onramp import database, throttling
from onramp.health import run_checks


def csrf_failure(request, reason: str = ""):
    """Shown instead of Django's debug page when a form arrives without a valid CSRF token."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def bad_request(request, exception):
    """The 400 page; under /api/ a problem document, as the API answers every refusal. Only a BadRequest's own
    message is shown (Onramp raises it with one written for people); other 400s may carry internals."""
    if request.path.startswith("/api/"):
        return problem_response(status=400, detail=str(exception) if type(exception) is BadRequest else "")
    return defaults.bad_request(request, exception)


def server_error(request):
    """The 500 page, or a 503 that asks to try again shortly when the database was busy (SQLite's write lock
    held by an import) outside a view; `BusyDatabaseMiddleware` answers for views, with DEBUG on too."""
    if database.is_busy(sys.exc_info()[1]):
        return database.busy_response()
    return defaults.server_error(request)


def health(request):
    """For load balancers and monitoring: 200 when every required service answers, 503 when one does not."""
    checks = run_checks()
    healthy = all(check.ok for check in checks if check.required)
    body = {"status": "ok" if healthy else "failing", "checks": {check.name: check.as_dict() for check in checks}}
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


class AdminLogoutView(wagtail_account.LogoutView):
    """Wagtail's sign-out, which deletes the session cookie even on the GET it refuses with 405: a link or an
    image pointing at /admin/logout/ would sign people out. Only a POST signs out."""

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(wagtail_account.PasswordResetView):
    """The admin's "forgot password", with at most SIGN_IN_ADDRESS_FAILURE_LIMIT emails asked for per address
    in each lockout period."""

    def post(self, request, *args, **kwargs):
        if not throttling.allow_password_reset(request):
            return throttling.locked_out(request)
        return super().post(request, *args, **kwargs)


class LoginView(auth_views.LoginView):
    """The sign-in page: a password, and the organisation's single sign-on when it is configured."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        single_sign_on = settings.OIDC_PROVIDER_NAME if settings.OIDC_ENABLED else None
        return super().get_context_data(**kwargs, single_sign_on=single_sign_on)
