"""A person's own API tokens (Wagtail's `APIToken`): listing, making and revoking them. The plaintext of a token
exists only in what `make_token` returns; revoking keeps the token, marked revoked, so the list stays a record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.models import APIToken

NAME_MAX_LENGTH = APIToken._meta.get_field("name").max_length


def tokens_of(user) -> QuerySet[APIToken]:
    """The person's tokens, revoked ones included, newest first."""
    return APIToken.objects.filter(user=user).order_by("-created", "-pk")


def token_of(user, token_id: int | None) -> APIToken:
    """One of the person's tokens; Http404 for anyone else's token, as for one that does not exist."""
    token = tokens_of(user).filter(pk=token_id).first() if token_id is not None else None
    if token is None:
        raise Http404(_("No such API token of yours."))
    return token


def make_token(user, name: str) -> tuple[APIToken, str]:
    """A new token for the person, as `(token, plaintext)`: the plaintext is not stored and cannot be read again."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("The name is required: one you will recognise the token by later.")})
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            {
                "name": _("The name is at most %(limit)d characters long; this one has %(length)d.")
                % {"limit": NAME_MAX_LENGTH, "length": len(name)}
            }
        )
    return APIToken.create_token(user=user, name=name)


def revoke_token(user, token_id: int | None) -> APIToken:
    """Revoke one of the person's tokens: the API refuses it from now on. Revoking a revoked one is refused."""
    with transaction.atomic():
        token = token_of(user, token_id)
        token = APIToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise ValidationError(_("The token “%(name)s” was already revoked.") % {"name": token.name})
        token.revoke()
    return token
