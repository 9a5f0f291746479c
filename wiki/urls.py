"""Wagtail's front-end URLs, its pages served through wiki.sites.serve (the request's site from the cache)."""

from django.urls import re_path

from wagtail import urls as wagtail_urls

from wiki.sites import serve

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
