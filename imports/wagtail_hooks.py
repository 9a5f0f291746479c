from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from imports import admin_views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("imports/", admin_views.upload, name="imports_upload"),
        path("imports/<int:run_id>/", admin_views.run_detail, name="imports_run"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return SuperuserMenuItem("Imports", reverse("imports_upload"), icon_name="upload", order=900)
