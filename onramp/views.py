from django.http import JsonResponse
from django.shortcuts import render

from onramp.health import run_checks


def csrf_failure(request, reason: str = ""):
    """Shown instead of Django's debug page when a form arrives without a valid CSRF token."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def health(request):
    """For load balancers and monitoring: 200 when every required service answers, 503 when one does not."""
    checks = run_checks()
    healthy = all(check.ok for check in checks if check.required)
    body = {"status": "ok" if healthy else "failing", "checks": {check.name: check.as_dict() for check in checks}}
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
