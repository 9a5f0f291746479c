from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from expertise.factories import ExpertiseScoreFactory, TopicFactory, UserFactory
from tests.permissions import grant
from tests.services.conftest import celery_worker, services  # noqa: F401
from tests.shared_worlds import built_once, for_this_test
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory


@pytest.fixture
def org(db, org_once):
    """The organisation as this test gets it (see make_org)."""
    return for_this_test(org_once, make_org)


@pytest.fixture(scope="module")
def org_once(request, django_db_setup, django_db_blocker):
    """Built once for a module whose every test asks for the organisation (tests.shared_worlds)."""
    yield from built_once(request, django_db_blocker, make_org)


def make_org() -> dict:
    """A process with an article owned by an expert, a training material on the process, and the people
    of the scenario: Jill (new hire), Ben (a colleague), Jim (expert) and Carrie (trainer)."""
    moderators = Group.objects.get(name="Moderators")
    jill = UserFactory(username="jill.hartmann", first_name="Jill", last_name="Hartmann")
    ben = UserFactory(username="ben.ashworth", first_name="Ben", last_name="Ashworth")
    jim = UserFactory(username="jim.okafor", first_name="Jim", last_name="Okafor")
    jim.groups.add(moderators)
    carrie = UserFactory(username="carrie.lindqvist", first_name="Carrie", last_name="Lindqvist")
    carrie.groups.add(moderators)
    grant(carrie, "forums.triage_gap", "wiki.change_trainingmaterial", "wiki.add_trainingmaterial")
    topic = TopicFactory(name="Payment runs")
    process = ProcessPageFactory(title="Payments", page_owner=jim, topics=[topic])
    article = ArticlePageFactory(title="Run the payment proposal", parent=process, page_owner=jim, topics=[topic])
    material = TrainingMaterialFactory(title="Payables course", trainer=carrie)
    material.processes.set([process])
    material.topics.set([topic])
    material.last_reviewed = timezone.localdate() - timedelta(days=100)
    material.save()
    ExpertiseScoreFactory(person=jim, topic=topic)
    return {
        "jill": jill,
        "ben": ben,
        "jim": jim,
        "carrie": carrie,
        "topic": topic,
        "process": process,
        "article": article,
        "material": material,
    }
