import sys

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults

from onramp import database
from onramp.health import run_checks


def csrf_failure(request, reason: str = ""):
    """Shown instead of Django's debug page when a form arrives without a valid CSRF token."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def server_error(request):
    """The 500 page, or a 503 that asks to try again shortly when the database was busy (SQLite's write lock
    held by an import). Rendered without a request context: the context processors may need the database."""
    if database.is_busy(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(database.BUSY_RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


def health(request):
    """For load balancers and monitoring: 200 when every required service answers, 503 when one does not."""
    checks = run_checks()
    healthy = all(check.ok for check in checks if check.required)
    body = {"status": "ok" if healthy else "failing", "checks": {check.name: check.as_dict() for check in checks}}
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
