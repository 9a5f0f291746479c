from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.whitelist import allow_without_attributes

from imports import admin_views
from onramp.wagtail_compat import editor_html_rule


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


@hooks.register("register_rich_text_features")
def register_inline_code_for_imports(features):
    """Wagtail gives inline code a rule for its Draftail editor only; imports clean HTML by the editor-HTML
    rules, so without this one `code` in a Markdown file would lose its formatting."""
    features.register_converter_rule("editorhtml", "code", [editor_html_rule("code", allow_without_attributes)])
