"""Where the APIs are mounted: Onramp's own at /api/v1/ and Wagtail's API v3 (pages) at /api/v3/,
reading pages by Onramp's visibility rules (api/pages.py)."""

from django.urls import path

from wagtail.api.v3.urls import api as wagtail_api

from api.pages import use_onramp_page_rules
from api.site import api

use_onramp_page_rules()

urlpatterns = [
    path("v1/", api.urls),
    path("v3/", wagtail_api.urls),
]
