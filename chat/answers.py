"""Ask's answer for a chat: who is asking, and the pages, people and open gaps Ask finds for them.

The answer is computed by `search.ask.ask` as the asker, exactly as on the Ask page, so a chat never shows
anyone a page, person or gap that Ask would not show them there."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import PageViewRestriction

from expertise.models import Profile
from search.ask import ask
from search.querylog import log_results
from search.results_json import results_as_dict
from wiki.visibility import request_of

CHAT_PAGES = 5
# What a request carries that Wagtail needs to tell which site it is for.
SITE_HEADERS = ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "wsgi.url_scheme")


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    detail: str = ""


@dataclass
class ChatAnswer:
    question: str
    ask_url: str
    pages: list[Link] = field(default_factory=list)
    page_count: int = 0
    people: list[Link] = field(default_factory=list)
    gaps: list[Link] = field(default_factory=list)
    definition: str = ""
    did_you_mean: str = ""
    notice: str = ""
    message: str = ""
    left_out: int = 0
    nothing_answers: bool = False  # Ask's verdict: the pages found are only weaker matches


def person_by_email(email: str) -> AbstractBaseUser | None:
    """The one active person with this email; nobody when none, several, or they are not active."""
    email = (email or "").strip()
    if not email:
        return None
    matches = list(get_user_model()._default_manager.filter(email__iexact=email).select_related("profile")[:2])
    return matches[0] if len(matches) == 1 and is_active(matches[0]) else None


def person_by_external_id(external_id: str) -> AbstractBaseUser | None:
    """The active person whose profile holds this id (their HR id, or the directory's id for them)."""
    external_id = (external_id or "").strip()
    if not external_id:
        return None
    profile = Profile.objects.filter(external_id=external_id).select_related("user").first()
    return profile.user if profile and is_active(profile.user) else None


def is_active(person: AbstractBaseUser) -> bool:
    profile = getattr(person, "profile", None)
    return person.is_active and (profile is None or profile.active)


def absolute(url: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)


def asking_request(person: AbstractBaseUser, incoming: HttpRequest) -> HttpRequest:
    """A request by `person` to the site the chat called, without a session: pages behind a password stay
    closed, since nobody typed it in the chat."""
    request = request_of(person)
    request.META = {key: incoming.META[key] for key in SITE_HEADERS if key in incoming.META}
    return request


def answer_for(*, question: str, person: AbstractBaseUser, incoming: HttpRequest, shared: bool = False) -> ChatAnswer:
    """Ask's top pages, people and open gaps for `question`, as `person` would see them on the Ask page; the
    question is logged like one asked there, so the trainers' search reports include it.

    A `shared` answer is posted where others read it too (a Teams channel): it leaves out the pages only some
    people may open (saying how many, with the link to Ask) and the reasons behind each person, which may
    carry what only the asker may read (their reports' self-assessments); the level stays, as everyone sees it.
    """
    results = ask(text=question, request=asking_request(person, incoming), per_page=CHAT_PAGES)
    data = results_as_dict(results)
    answer = ChatAnswer(
        question=" ".join(question.split()),
        ask_url=absolute(reverse("search:ask") + "?" + urlencode({"q": " ".join(question.split())})),
        message=data.get("message", ""),
        notice=str(data.get("notice", "")),
        did_you_mean=data.get("did_you_mean", ""),
    )
    if results.query is None:
        return answer
    log_results(results, user=person, filters={})
    if "definition" in data:
        answer.definition = f"{data['definition']['term']}: {data['definition']['expansion']}"
    answer.page_count = results.page_count
    answer.nothing_answers = data["nothing_answers"]
    hits = zip(results.pages.object_list, data["pages"], strict=True)
    closed = restricted_sections() if shared else []
    answer.pages = [
        Link(title=page["title"], url=absolute(page["url"]))
        for hit, page in hits
        if not any(hit.page.path.startswith(path) for path in closed)
    ]
    answer.left_out = len(data["pages"]) - len(answer.pages)
    answer.people = [
        Link(
            title=someone["name"],
            url=absolute(reverse("expertise:profile", args=[someone["person"]])),
            detail="; ".join([str(suggestion.level_label), *([] if shared else someone["reasons"])]),
        )
        for suggestion, someone in zip(results.people, data["people"], strict=True)
    ]
    answer.gaps = [Link(title=gap["title"], url=absolute(gap["url"])) for gap in data["gaps"]]
    return answer


def restricted_sections() -> list[str]:
    """The paths of the sections closed to some signed-in people (to groups, or behind a password); a section
    that only asks for signing in is open to every colleague."""
    return list(
        PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.LOGIN).values_list(
            "page__path", flat=True
        )
    )


def sections(answer: ChatAnswer) -> list[tuple[str, list[Link], str]]:
    """Each part of the answer: its heading, its links, and what to say when it has none."""
    pages_heading = _("Nothing in the wiki answers this. Weaker matches") if answer.nothing_answers else _("Pages")
    return [
        (pages_heading, answer.pages, _("No page matches.")),
        (_("People who know"), answer.people, _("Nobody stands out for this yet.")),
        (_("Open gaps"), answer.gaps, _("No open gap matches.")),
    ]


def not_known_text() -> str:
    return _(
        "Sorry, Onramp does not know you, so it cannot answer here. "
        "Ask a program admin to add you to Onramp with the email address your chat account uses."
    )


def left_out_text(answer: ChatAnswer) -> str:
    return ngettext(
        "%(count)s page only some people may open is left out here: open the question in Ask to see it.",
        "%(count)s pages only some people may open are left out here: open the question in Ask to see them.",
        answer.left_out,
    ) % {"count": answer.left_out}


def more_text(answer: ChatAnswer) -> str:
    if answer.nothing_answers:
        return _("Nothing in the wiki answers this: open the question in Ask to raise a gap")
    if answer.page_count > len(answer.pages):
        return ngettext(
            "See the %(count)s matching page in Ask", "See all %(count)s matching pages in Ask", answer.page_count
        ) % {"count": answer.page_count}
    return _("Open this question in Ask")
