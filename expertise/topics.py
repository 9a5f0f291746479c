"""How topics are typed in a tag field: most are phrases ("vendor master data"), so only commas separate them.
And who may add to the vocabulary: people pick existing topics; naming a new one needs the permission to add
topics, so one person cannot fill the shared vocabulary by typing."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from expertise.models import Topic

ADD_TOPIC_PERMISSION = "expertise.add_topic"
ASK_ME_ABOUT_LIMIT = 20


def parse_topics(text: str) -> list[str]:
    names = {name.strip().strip('"').strip() for name in text.split(",")}
    return sorted(name for name in names if name)


def format_topics(topics) -> str:
    return ", ".join(sorted(topic.name for topic in topics))


def unknown_topic_names(names: list[str]) -> list[str]:
    """The names that match no topic, ignoring case as the tag fields do."""
    if not names:
        return []
    matching = reduce(or_, (Q(name__iexact=name) for name in names))
    known = {name.casefold() for name in Topic.objects.filter(matching).values_list("name", flat=True)}
    return [name for name in names if name.casefold() not in known]


def check_ask_me_about(names: list[str], *, by: AbstractBaseUser) -> None:
    """The topics someone lists under "ask me about", typed by `by` (the person or an admin): at most
    ASK_ME_ABOUT_LIMIT, and new ones only from someone who may add topics. Raises ValidationError naming
    what is wrong."""
    if len(names) > ASK_ME_ABOUT_LIMIT:
        raise ValidationError(
            _("List at most %(limit)d topics; this names %(count)d.")
            % {"limit": ASK_ME_ABOUT_LIMIT, "count": len(names)}
        )
    longest = Topic._meta.get_field("name").max_length
    too_long = [name for name in names if len(name) > longest]
    if too_long:
        raise ValidationError(
            _("A topic name has at most %(count)d characters: %(names)s.")
            % {"count": longest, "names": ", ".join(name[:40] + "…" for name in too_long)}
        )
    unknown = unknown_topic_names(names)
    if unknown and not by.has_perm(ADD_TOPIC_PERMISSION):
        raise ValidationError(
            _(
                "Not topics in Onramp yet: %(names)s. Pick topics from the vocabulary; "
                "a moderator can add a missing one."
            )
            % {"names": ", ".join(unknown)}
        )
