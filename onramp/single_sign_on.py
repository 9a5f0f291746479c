"""Single sign-on with an OpenID Connect provider, on mozilla-django-oidc: the provider's endpoints and the two
views of the sign-in round trip. Who a signed-in person is in Onramp is decided in expertise/single_sign_on.py.

The endpoints are read from settings (OIDC_OP_*_ENDPOINT) or, when only OIDC_ISSUER is set, from the issuer's
/.well-known/openid-configuration, fetched once per process at the first sign-in. With single sign-on off
(settings.OIDC_ENABLED false) both views answer 404.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import requests
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import View

logger = logging.getLogger(__name__)

# Each endpoint setting of mozilla-django-oidc and its name in a provider's discovery document.
DISCOVERED_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


@functools.cache
def discovery_document(issuer: str) -> dict[str, Any]:
    """The issuer's OpenID configuration. A failed fetch raises and is tried again at the next sign-in."""
    response = requests.get(f"{issuer.rstrip('/')}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    document = response.json()
    if document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        # OpenID Connect Discovery 1.0, section 4.3: a document naming another issuer is not to be used.
        raise requests.RequestException(f"{issuer} published the configuration of {document.get('issuer')!r}")
    if missing := [key for key in DISCOVERED_ENDPOINTS.values() if not document.get(key)]:
        raise requests.RequestException(f"{issuer} publishes no {', '.join(missing)}")
    return document


def oidc_setting(name: str, *default: Any) -> Any:
    """A setting for mozilla-django-oidc (its `get_settings`): an endpoint not set is discovered from the issuer."""
    if name in DISCOVERED_ENDPOINTS and not getattr(settings, name, None) and settings.OIDC_ISSUER:
        return discovery_document(settings.OIDC_ISSUER)[DISCOVERED_ENDPOINTS[name]]
    return import_from_settings(name, *default)


def provider_unreachable(request: HttpRequest, error: Exception) -> HttpResponse:
    logger.warning("Single sign-on: the provider did not answer as expected: %s", error)
    messages.error(
        request, _("The sign-in service is not answering. Try again in a moment, or sign in with a password.")
    )
    return HttpResponseRedirect(settings.LOGIN_REDIRECT_URL_FAILURE)


class SignInView(OIDCAuthenticationRequestView):
    """Sends the person to the provider's sign-in page (the `next` address is kept for their return)."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        # mozilla-django-oidc reads the endpoint here, before dispatch can answer 404 when single sign-on is off.
        View.__init__(self, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except requests.RequestException as error:
            return provider_unreachable(request, error)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().dispatch(request, *args, **kwargs)


class CallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the person back: the code is exchanged for their claims and they are signed in
    as the person those claims name (expertise.single_sign_on.PeopleOIDCBackend), or sent back to the sign-in
    page with the reason. A state this session did not start is refused (400)."""

    get_settings = staticmethod(oidc_setting)

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        if error := request.GET.get("error"):
            # The provider sends an error back instead of a code: say what happened (mozilla-django-oidc only
            # redirects). The description is the provider's text, so only the standard error code is told.
            logger.info("Single sign-on: the provider answered %s: %s", error, request.GET.get("error_description"))
            if error == "access_denied":
                text = _("You cancelled signing in with %(provider)s.")
            else:
                text = _("%(provider)s did not sign you in. Try again, or sign in with a password.")
            messages.error(request, text % {"provider": settings.OIDC_PROVIDER_NAME})
        try:
            return super().dispatch(request, *args, **kwargs)
        except requests.RequestException as error:
            return provider_unreachable(request, error)
