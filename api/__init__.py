"""Onramp's HTTP API: routers over the same rules the views call, with Wagtail's API v3 for pages."""
