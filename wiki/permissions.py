"""What a person may do with a page (Wagtail's page permissions: edit it, publish it), read from their group
page permissions, which are cached per person on the wiki's generation and the access generation
(`onramp.page_generation.ACCESS`, moved on by any group, permission or membership change): the article page
asks for every reader whether they may verify or edit it, which would otherwise read them on each request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.permissions import page_permission_policy

from onramp import page_generation
from onramp.page_generation import ACCESS
from onramp.wagtail_compat import use_page_permissions

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

    from wagtail.models import Page, PagePermissionTester


def page_permissions(page: Page, user: AbstractBaseUser) -> PagePermissionTester:
    """`page.permissions_for_user(user)`, its group page permissions read from the cache."""
    if user.is_authenticated and user.is_active and not user.is_superuser:
        use_page_permissions(
            user,
            lambda: page_generation.cached(
                f"wiki:page-permissions:{user.pk}:access={ACCESS.current()}",
                lambda: list(page_permission_policy.get_all_permissions_for_user(user)),
            ),
        )
    return page.permissions_for_user(user)
