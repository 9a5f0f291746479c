"""Ask from Slack and Microsoft Teams. Each endpoint is off (404) until its secret is set, refuses a request
whose signature does not hold before reading anything in it, and answers as the person it matched, or tells
someone Onramp does not know that it does not know them, and nothing more."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from chat import slack, teams
from chat.answers import answer_for, not_known_text


def refused(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def post_only(request) -> HttpResponse | None:
    if request.method != "POST":
        response = refused(_("Only POST is answered here."), 405)
        response["Allow"] = "POST"
        return response
    return None


@csrf_exempt
@login_not_required
@never_cache
def slack_ask(request):
    if not settings.SLACK_SIGNING_SECRET:
        raise Http404("Ask in Slack is not set up.")
    if wrong_method := post_only(request):
        return wrong_method
    try:
        slack.verify(request)
    except slack.Refused as refusal:
        return refused(refusal.message, refusal.status)
    try:
        person = slack.asker(request.POST.get("user_id", ""))
    except slack.LookupFailed as failure:
        return JsonResponse(slack.text_message(str(failure)))
    if person is None:
        return JsonResponse(slack.text_message(not_known_text()))
    question = request.POST.get("text", "").strip()
    if not question:
        return JsonResponse(slack.usage_message())
    return JsonResponse(slack.answer_message(answer_for(question=question, person=person, incoming=request)))


@csrf_exempt
@login_not_required
@never_cache
def teams_ask(request):
    if not settings.TEAMS_WEBHOOK_SECRET:
        raise Http404("Ask in Teams is not set up.")
    if wrong_method := post_only(request):
        return wrong_method
    try:
        activity = teams.verify(request)
    except teams.Refused as refusal:
        return refused(refusal.message, refusal.status)
    person = teams.asker(activity)
    if person is None:
        return JsonResponse(teams.text_message(not_known_text()))
    question = teams.question_of(activity)
    if not question:
        return JsonResponse(teams.usage_message())
    # Teams posts the answer in the channel, where others read it too.
    answer = answer_for(question=question, person=person, incoming=request, shared=True)
    return JsonResponse(teams.answer_message(answer))
