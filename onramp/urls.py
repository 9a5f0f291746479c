from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from onramp import api_token_views, password_reset
from onramp import views as onramp_views
from onramp.single_sign_on import CallbackView, SignInView
from wiki import views as wiki_views

urlpatterns = [
    path("health/", onramp_views.health, name="health"),
    # Before Wagtail's own: only a POST signs out, and password reset requests are counted.
    path("admin/logout/", onramp_views.AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/password_reset/", onramp_views.PasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/login/", onramp_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Single sign-on (onramp/single_sign_on.py); both answer 404 while it is off.
    path("oidc/authenticate/", login_not_required(SignInView.as_view()), name="oidc_authentication_init"),
    path("oidc/callback/", login_not_required(CallbackView.as_view()), name="oidc_authentication_callback"),
    path("accounts/password-reset/", include(password_reset)),
    # A person's own API tokens (onramp/api_tokens.py).
    path("accounts/api-tokens/", api_token_views.token_list, name="api_tokens"),
    path("accounts/api-tokens/<str:token_id>/revoke/", api_token_views.revoke, name="revoke_api_token"),
    path("wiki/pages/<int:page_id>/verify/", wiki_views.verify, name="wiki_verify"),
    path("", include("expertise.urls")),
    path("onboarding/", include("buddies.urls")),
    path("forums/", include("forums.urls")),
    path("questions/", include("questions.urls")),
    path("inbox/", include("inbox.urls")),
    path("ask/", include("search.urls")),
    path("api/", include("api.urls")),
    path("chat/", include("chat.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages, through wiki/urls.py (the site of a page request found in the cache).
urlpatterns += [path("", include("wiki.urls"))]

handler400 = "onramp.views.bad_request"
handler500 = "onramp.views.server_error"
