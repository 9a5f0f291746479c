""" "Was this helpful?": one vote per person and version of a page; voting again on the same version replaces
the earlier vote, so the not-helpful counts and the trainers' candidate gaps count people, not clicks."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from wiki.models import PageFeedback


@transaction.atomic
def record_feedback(
    *, page: Page, user: AbstractBaseUser, helpful: bool, reason: str = "", comment: str = ""
) -> PageFeedback:
    """Records `user`'s vote on the live version of `page`, replacing their earlier vote on that version."""
    vote = PageFeedback(
        page=page,
        user=user if user.is_authenticated else None,
        revision_id=page.live_revision_id,
        helpful=helpful,
        reason=reason,
        comment=comment,
        created_at=timezone.now(),
    )
    # The one-vote-per-version constraint is not an error here: update_or_create settles it.
    vote.full_clean(validate_constraints=False)
    if vote.user is None:
        vote.save()
        return vote
    vote, _ = PageFeedback.objects.update_or_create(
        page=page,
        user=vote.user,
        revision_id=vote.revision_id,
        defaults={
            "helpful": vote.helpful,
            "reason": vote.reason,
            "comment": vote.comment,
            "created_at": vote.created_at,
        },
    )
    return vote
