import pytest

from django.contrib.auth.models import Group, Permission

from expertise.factories import ExpertiseScoreFactory, TopicFactory, UserFactory
from expertise.models import ExpertiseScore
from tests.shared_worlds import built_once, for_this_test
from wiki.factories import ArticlePageFactory, ProcessPageFactory


@pytest.fixture
def people(db, people_once):
    """The people as this test gets them (see make_people)."""
    return for_this_test(people_once, make_people)


@pytest.fixture(scope="module")
def people_once(request, django_db_setup, django_db_blocker):
    """Built once for a module whose every test asks for the people (tests.shared_worlds)."""
    yield from built_once(request, django_db_blocker, make_people)


def make_people() -> dict:
    """Jill asks; Jim (expert) and Pat (practitioner) know payment runs, Lea is still learning it; Ben is a
    colleague who knows nothing; Carrie is a trainer. Jim owns the payments area and its article."""
    moderators = Group.objects.get(name="Moderators")
    jill = UserFactory(username="jill.hartmann", first_name="Jill", last_name="Hartmann")
    jim = UserFactory(username="jim.okafor", first_name="Jim", last_name="Okafor")
    jim.groups.add(moderators)
    pat = UserFactory(username="pat.moreau", first_name="Pat", last_name="Moreau")
    lea = UserFactory(username="lea.novak", first_name="Lea", last_name="Novak")
    ben = UserFactory(username="ben.ashworth", first_name="Ben", last_name="Ashworth")
    carrie = UserFactory(username="carrie.lindqvist", first_name="Carrie", last_name="Lindqvist")
    carrie.groups.add(moderators)
    carrie.user_permissions.add(Permission.objects.get(content_type__app_label="forums", codename="triage_gap"))
    topic = TopicFactory(name="Payment runs")
    process = ProcessPageFactory(title="Payments", page_owner=jim, topics=[topic])
    article = ArticlePageFactory(title="Run the payment proposal", parent=process, page_owner=jim, topics=[topic])
    ExpertiseScoreFactory(person=jim, topic=topic, level=ExpertiseScore.Level.EXPERT, score=8.0)
    ExpertiseScoreFactory(person=pat, topic=topic, level=ExpertiseScore.Level.PRACTITIONER, score=3.0)
    ExpertiseScoreFactory(person=lea, topic=topic, level=ExpertiseScore.Level.LEARNING, score=1.0)
    return {
        "jill": jill,
        "jim": jim,
        "pat": pat,
        "lea": lea,
        "ben": ben,
        "carrie": carrie,
        "topic": topic,
        "process": process,
        "article": article,
    }
