from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """Shown instead of Django's debug page when a form arrives without a valid CSRF token."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
