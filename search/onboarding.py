"""Questions about onboarding itself ("I'm new, where do I start"): the answer is the asker's own plan, not a
wiki page. Ask points a new hire to My onboarding and the pages of their plan's next milestones; anyone else to
where onboarding starts (their manager sets it up) and the wiki's process areas."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Prefetch
from django.http import HttpRequest

from wagtail.models import Page

from buddies.access import own_onboarding
from search.normalise import normalise
from wiki.models import ArticlePage, ProcessPage
from wiki.visibility import viewable

PLAN_PAGES = 5
AREAS = 6
# Phrases that make a question about starting out here (matched on the normalised question, whole words).
ONBOARDING_PHRASES = (
    "onboarding",
    "onboard",
    "new hire",
    "new starter",
    "new joiner",
    "new here",
    "new employee",
    "i m new",
    "im new",
    "just joined",
    "just started",
    "first day",
    "first days",
    "first week",
    "getting started",
    "get started",
    "where do i start",
    "where should i start",
    "where to start",
    "where do i begin",
    "where to begin",
    "what should i do first",
    "what do i do first",
)


@dataclass
class OnboardingPointer:
    """Where to go for a question about onboarding: `has_plan` says whether the asker has one of their own."""

    has_plan: bool
    pages: list[Page] = field(default_factory=list)


def is_about_onboarding(text: str) -> bool:
    question = f" {normalise(text)} "
    return any(f" {phrase} " in question for phrase in ONBOARDING_PHRASES)


def plan_pages(user: AbstractBaseUser, request: HttpRequest) -> tuple[bool, list[Page]]:
    """Whether `user` has an onboarding, and the pages of its milestones they may open, the milestones not done
    yet first (by due date), each page once."""
    onboarding = own_onboarding(user)
    if onboarding is None:
        return False, []
    readable = Prefetch("pages", queryset=viewable(ArticlePage.objects.live(), request).order_by("title"))
    milestones = sorted(
        onboarding.milestones.prefetch_related(readable), key=lambda m: (m.done_at is not None, m.due_on, m.pk)
    )
    pages = list({page.pk: page for m in milestones for page in m.pages.all()}.values())
    return True, pages[:PLAN_PAGES]


def onboarding_pointer(text: str, request: HttpRequest, *, site_root: Page | None) -> OnboardingPointer | None:
    """The pointer for a question about onboarding itself, or None for any other question."""
    if not is_about_onboarding(text):
        return None
    user = request.user
    if user.is_authenticated:
        has_plan, pages = plan_pages(user, request)
        if has_plan:
            return OnboardingPointer(has_plan=True, pages=pages)
    areas = ProcessPage.objects.none()
    if site_root is not None:
        areas = viewable(ProcessPage.objects.child_of(site_root).live(), request).order_by("path")
    return OnboardingPointer(has_plan=False, pages=list(areas[:AREAS]))
