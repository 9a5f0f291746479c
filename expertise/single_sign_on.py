"""Who a person signing in through the OpenID Connect provider is in Onramp, and which groups the provider
puts them in. The round trip itself is onramp/single_sign_on.py's.

A person is found by their HR id (the claim named by OIDC_EXTERNAL_ID_CLAIM, matched to Profile.external_id),
else by email, so people imported from HR sign in as themselves on their first sign-on, and no second account
is ever made for them. Someone the provider knows and Onramp does not is refused unless OIDC_CREATE_USER is on;
a person whose account or HR record is inactive is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from expertise.models import Profile
from onramp.authentication import PeopleBackend
from onramp.single_sign_on import oidc_setting

logger = logging.getLogger(__name__)


class SignInRefused(Exception):
    """The provider vouched for someone Onramp will not sign in; the message says why, to them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def person_for_claims(
    claims: Mapping[str, Any], *, external_id_claim: str | None, create_unknown: bool
) -> AbstractBaseUser:
    """The person the provider's claims name: by HR id, else by (verified) email, else a new person when
    `create_unknown`. An account found by email with no HR id takes the claim's; one with another HR id is
    someone else, and refused. Raises SignInRefused."""
    external_id = str(claims.get(external_id_claim) or "").strip() if external_id_claim else ""
    email = str(claims.get("email") or "").strip().lower()
    if claims.get("email_verified") is False:  # the provider says the address was never confirmed
        email = ""
    User = get_user_model()
    user = None
    if external_id:
        profile = Profile.objects.filter(external_id=external_id).select_related("user").first()
        user = profile.user if profile else None
    if user is None and email:
        matches = list(User._default_manager.filter(email__iexact=email).select_related("profile")[:2])
        if len(matches) > 1:
            raise SignInRefused(
                _("More than one Onramp account has the email %(email)s. Ask a program admin to merge them.")
                % {"email": email}
            )
        if matches:
            user = matches[0]
            if external_id:
                link_external_id(user.profile, external_id)
    if user is None:
        if not create_unknown or not (email or external_id):
            raise SignInRefused(
                _("Onramp has no account for %(who)s. Ask a program admin to add you.")
                % {"who": email or external_id or claims.get("sub")}
            )
        user = create_person(claims, email=email, external_id=external_id)
    if not user.is_active or not user.profile.active:
        raise SignInRefused(_("Your Onramp account is not active. Ask a program admin if you think it should be."))
    return user


def link_external_id(profile: Profile, external_id: str) -> None:
    if profile.external_id and profile.external_id != external_id:
        logger.warning(
            "Single sign-on refused: %s has HR id %s, the provider says %s",
            profile.user,
            profile.external_id,
            external_id,
        )
        raise SignInRefused(
            _("Your Onramp account belongs to another HR record. Ask a program admin to check your HR id.")
        )
    if not profile.external_id:
        profile.external_id = external_id
        profile.save(update_fields=["external_id"])


@transaction.atomic
def create_person(claims: Mapping[str, Any], *, email: str, external_id: str) -> AbstractBaseUser:
    """A new person from the provider's claims, with no usable password (they sign in through the provider)."""
    User = get_user_model()
    base = slugify(email.split("@")[0] if email else external_id)[:140] or "person"
    username, number = base, 2
    while User._default_manager.filter(username=username).exists():
        username, number = f"{base}-{number}", number + 1
    user = User(
        username=username,
        email=email,
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
    )
    user.set_unusable_password()
    user.save()
    if external_id:
        Profile.objects.filter(user=user).update(external_id=external_id)
    return User._default_manager.select_related("profile").get(pk=user.pk)


def claimed_groups(claims: Mapping[str, Any], claim: str) -> set[str] | None:
    """The provider's groups for the person; None when the claim is absent (the provider said nothing)."""
    if claim not in claims:
        return None
    value = claims[claim]
    if isinstance(value, str):
        return {value}
    return {str(group) for group in value or []}


def sync_groups(user: AbstractBaseUser, *, provider_groups: set[str], group_map: Mapping[str, str]) -> None:
    """Puts the person in each Onramp group one of their provider groups maps to, and takes them out of the
    other mapped groups. Groups no mapping names are left as they are."""
    wanted = {group_map[name] for name in provider_groups if name in group_map}
    groups = {group.name: group for group in Group.objects.filter(name__in=set(group_map.values()))}
    for name in set(group_map.values()) - groups.keys():
        logger.warning("Single sign-on: OIDC_GROUP_MAP names the group %r, which Onramp does not have", name)
    user.groups.add(*(group for name, group in groups.items() if name in wanted))
    user.groups.remove(*(group for name, group in groups.items() if name not in wanted))


class PeopleOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend (code exchange, RS256 signature against the provider's JWKS, nonce, PKCE),
    signing in the person `person_for_claims` finds. In AUTHENTICATION_BACKENDS only when single sign-on is on."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django makes a backend for every password sign-in and every request of a person signed in through the
        # provider: the endpoints (perhaps discovered over the network) are read only for a provider's answer.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs:  # not the callback (onramp.single_sign_on.CallbackView)
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued to another client.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):  # OpenID Connect Core 1.0, section 5.3.2
            logger.warning("Single sign-on refused: the userinfo subject differs from the ID token's")
            return None
        claims = {**payload, **claims}  # some providers (Entra ID) put groups in the ID token only
        try:
            user = person_for_claims(
                claims, external_id_claim=settings.OIDC_EXTERNAL_ID_CLAIM, create_unknown=settings.OIDC_CREATE_USER
            )
        except SignInRefused as refusal:
            logger.info("Single sign-on refused for subject %s: %s", claims.get("sub"), refusal.message)
            messages.error(self.request, refusal.message)
            return None
        provider_groups = claimed_groups(claims, settings.OIDC_GROUPS_CLAIM)
        if settings.OIDC_GROUP_MAP and provider_groups is not None:
            sync_groups(user, provider_groups=provider_groups, group_map=settings.OIDC_GROUP_MAP)
        return user

    def get_user(self, user_id):
        return PeopleBackend.get_user(self, user_id)
