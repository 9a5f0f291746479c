from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    OIDC_ISSUER,
    OIDC_OP_AUTHORIZATION_ENDPOINT,
    OIDC_OP_JWKS_ENDPOINT,
    OIDC_OP_TOKEN_ENDPOINT,
    OIDC_OP_USER_ENDPOINT,
    SECRET_KEY,
    env,
    env_bool,
)

ONRAMP_PRODUCTION = True

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment to run Onramp in production.")

# The address people reach Onramp at: every link in an email (notifications, reminders, password resets) starts
# with it, so the development default would send everyone to their own machine.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
if not WAGTAILADMIN_BASE_URL or not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL in the environment to the address people reach Onramp at, "
        "e.g. https://onramp.example.com, to run Onramp in production."
    )

# HTTPS=false only for a stack on one machine over plain HTTP (`make run-stack`): cookies marked secure
# would never be sent back, and every request would be redirected to an https:// nobody serves.
HTTPS = env_bool("HTTPS", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The client secret and people's tokens travel between Onramp and the single sign-on provider: HTTPS only.
_provider_addresses = [
    OIDC_ISSUER,
    OIDC_OP_AUTHORIZATION_ENDPOINT,
    OIDC_OP_TOKEN_ENDPOINT,
    OIDC_OP_USER_ENDPOINT,
    OIDC_OP_JWKS_ENDPOINT,
]
if HTTPS and any(address and not address.startswith("https://") for address in _provider_addresses):
    raise ImproperlyConfigured(
        "The single sign-on provider's addresses (OIDC_ISSUER, OIDC_OP_*_ENDPOINT) must start with https:// "
        "in production."
    )

# One JSON object per log line unless LOG_FORMAT says otherwise.
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")  # noqa: F405
