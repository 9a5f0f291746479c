"""Ask's results as plain data, for `manage.py search --json` and for scripts that evaluate search."""

from __future__ import annotations

from django.urls import reverse

from search.ask import AskResults


def results_as_dict(results: AskResults) -> dict:
    if results.query is None:
        return {"pages": [], "people": [], "gaps": [], "nothing_answers": False, "message": results.message}
    data = {
        "pages": [
            {"url": hit.page.url or hit.page.url_path, "title": hit.page.title, "score": round(hit.score, 4)}
            for hit in results.pages.object_list
        ],
        "people": [suggestion.as_dict() for suggestion in results.people],
        "gaps": [{"url": gap.get_absolute_url(), "title": gap.title, "status": gap.status} for gap in results.gaps],
        # Whether no page of the wiki answers the question; the pages listed are then only weaker matches.
        "nothing_answers": results.nothing_answers,
    }
    if results.onboarding:
        data["onboarding"] = {
            "url": reverse("buddies:mine"),
            "has_plan": results.onboarding.has_plan,
            "pages": [{"url": page.url or page.url_path, "title": page.title} for page in results.onboarding.pages],
        }
    if results.definition:
        data["definition"] = {"term": results.definition.term, "expansion": results.definition.expansion}
    if results.did_you_mean:
        data["did_you_mean"] = results.did_you_mean
    if results.notice:
        data["notice"] = results.notice
    return data
