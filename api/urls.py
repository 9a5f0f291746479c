"""Where the APIs are mounted: Onramp's own at /api/v1/ and Wagtail's API v3 (pages) at /api/v3/."""

from django.urls import path

from wagtail.api.v3.urls import api as wagtail_api

from api.site import api

urlpatterns = [
    path("v1/", api.urls),
    path("v3/", wagtail_api.urls),
]
