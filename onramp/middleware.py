from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Onramp is an internal tool: every page needs a signed-in person.

    The Wagtail admin is left to guard itself (it has its own sign-in and permissions), and static files
    and health checks stay open.
    """

    open_prefixes = ("/admin/", "/static/", "/health/")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(self.open_prefixes) or request.path.startswith(settings.STATIC_URL):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
