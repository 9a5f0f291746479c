"""The Onramp API, version 1: one NinjaAPI that every router of ours is added to (api/urls.py mounts it).

Callers authenticate with a bearer token, Wagtail's `APIToken`: people make and revoke their own at
/accounts/api-tokens/ (onramp/api_tokens.py), administrators anyone's in the admin. The token's person is
`request.user`, and every router applies that person's visibility and privacy rules exactly as the views do, in
their own time zone (api/auth.py). A session cookie never counts here, so a browser cannot be led into a write.
Errors are RFC 7807 problem documents (`application/problem+json`) in Wagtail API v3's shape; a validation error
lists each failing field under `errors`, with its `loc`.
"""

from wagtail.api.v3.errors import register_exception_handlers

from api import ask, checkins, gaps, notifications, onboarding, people, questions, tasks
from api.auth import PersonTokenAuth
from api.problems import ProblemDeclaringAPI

VERSION = "1"

api = ProblemDeclaringAPI(
    title="Onramp API",
    version=VERSION,
    description=(
        "Ask, who knows, gaps, onboarding, check-ins, tasks and notifications over Onramp's own rules. "
        "Authenticate with `Authorization: Bearer <token>`: make your own token at /accounts/api-tokens/. "
        "Pages are served by Wagtail's API v3 at /api/v3/."
    ),
    urls_namespace="onramp_api",
    auth=PersonTokenAuth(),
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
register_exception_handlers(api)

# Each router applies the pages' own rules: see its module.
api.add_router("", onboarding.router)
api.add_router("", checkins.router)
api.add_router("", tasks.router)
api.add_router("", notifications.router)
api.add_router("/ask/", ask.router)
api.add_router("/people/", people.router)
api.add_router("/gaps/", gaps.router)
api.add_router("/questions/", questions.router)
