"""Who knows X over the API: the people the who-knows page and `manage.py whoknows --json` list, ranked by
`expertise.ranking.rank_people_for` for the caller, so a raw self-assessment shows only to those
`expertise.privacy` names (the person, their manager, their buddy)."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from django.http import HttpRequest

from wagtail.utils.forms import FormValidationError

from api.ask import PersonOut
from api.pagination import LimitOffsetPages
from expertise.forms import WhoKnowsForm
from expertise.ranking import rank_people_for
from wiki.topics import topics_for_text

# The ranking reorders its best candidates by availability and closeness; past this many it is a directory.
MAX_RANKED = 50

router = Router(tags=["people"])


class WhoKnowsParams(Schema):
    q: str = Field(description="What you need to know: a question or a topic's name.")


@router.get(
    "/who-knows/",
    response=list[PersonOut],
    summary="Who knows about something",
    operation_id="people_who_knows",
)
@paginate(LimitOffsetPages)
def who_knows(request: HttpRequest, params: Query[WhoKnowsParams], **kwargs):
    """The people who know the topics the question is about, best first, available people before those who are
    away or at capacity, with the reasons the caller may read; never the caller."""
    form = WhoKnowsForm({"q": params.q})
    if not form.is_valid():
        raise FormValidationError.from_form(form)
    topics = topics_for_text(form.cleaned_data["q"])
    return [suggestion.as_dict() for suggestion in rank_people_for(topics=topics, asker=request.user, limit=MAX_RANKED)]
