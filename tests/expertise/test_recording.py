import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from expertise.factories import TopicFactory, UserFactory, make_person
from expertise.models import Evidence, EvidenceKind, ExpertiseScore, SelfAssessment
from expertise.people import manager_chain_loops
from expertise.recording import confirm_by_manager, endorse, self_assess
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.freshness import verify_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(db):
    return TopicFactory(name="Vendor master data")


def test_endorsing_yourself_is_refused(topic):
    person = UserFactory()
    with pytest.raises(ValidationError, match="cannot endorse yourself"):
        endorse(endorser=person, person=person, topic=topic, reason="I am great")
    assert not Evidence.objects.exists()


def test_a_second_endorsement_updates_the_first(topic):
    person, colleague = UserFactory(), UserFactory()
    endorse(endorser=colleague, person=person, topic=topic, reason="Helped with a vendor merge")
    endorse(endorser=colleague, person=person, topic=topic, reason="Helped with two vendor merges")
    endorsement = Evidence.objects.get(kind=EvidenceKind.ENDORSED)
    assert endorsement.reason == "Helped with two vendor merges"
    assert ExpertiseScore.objects.get(person=person).facts["total"][EvidenceKind.ENDORSED] == 1


@pytest.mark.parametrize("level", [0, 6, -1])
def test_a_self_assessment_outside_one_to_five_is_refused(topic, level):
    person = UserFactory()
    with pytest.raises(ValidationError, match="A level runs from 1 to 5"):
        self_assess(person=person, topic=topic, level=level)
    assert not SelfAssessment.objects.exists() and not Evidence.objects.exists()


def test_self_assessments_keep_their_history_and_the_latest_counts(topic):
    person = UserFactory()
    self_assess(person=person, topic=topic, level=2)
    self_assess(person=person, topic=topic, level=4)
    assert list(SelfAssessment.objects.filter(person=person).values_list("level", flat=True)) == [4, 2]
    assert Evidence.objects.filter(kind=EvidenceKind.SELF_ASSESSED).count() == 1
    assert ExpertiseScore.objects.get(person=person).facts["self_level"] == 4


def test_only_the_manager_may_confirm(topic):
    manager = make_person("marty.keller")
    person = make_person("jim.okafor", manager=manager)
    with pytest.raises(ValidationError, match="Only the person's manager"):
        confirm_by_manager(manager=UserFactory(), person=person, topic=topic)
    confirm_by_manager(manager=manager, person=person, topic=topic)
    assert Evidence.objects.get().kind == EvidenceKind.MANAGER_CONFIRMED


def test_a_manager_chain_that_loops_is_refused():
    top = make_person("marty.keller")
    lead = make_person("nadia.kowalska", manager=top)
    analyst = make_person("jim.okafor", manager=lead)
    assert manager_chain_loops(person_id=top.pk, manager_id=analyst.pk)
    top.profile.manager = analyst
    with pytest.raises(ValidationError) as error:
        top.profile.full_clean()
    assert "reporting chain loop" in str(error.value.message_dict["manager"])
    assert not manager_chain_loops(person_id=analyst.pk, manager_id=top.pk)


def test_publishing_a_page_records_authorship_and_ownership(topic):
    owner = UserFactory()
    page = ArticlePageFactory(parent=ProcessPageFactory(title="Vendors"), page_owner=owner, topics=[topic])
    kinds = set(Evidence.objects.filter(person=owner, topic=topic).values_list("kind", flat=True))
    assert kinds == {EvidenceKind.PAGE_EDITED, EvidenceKind.PAGE_OWNED}
    assert Evidence.objects.get(kind=EvidenceKind.PAGE_EDITED).source == page


def test_a_small_edit_does_not_count_a_substantial_one_does(topic):
    owner, editor = UserFactory(), UserFactory()
    page = ArticlePageFactory(parent=ProcessPageFactory(title="Vendors"), page_owner=owner, topics=[topic])
    page.summary = page.summary + " Typo."
    page.save_revision(user=editor).publish()
    assert not Evidence.objects.filter(person=editor).exists()
    page.body = [("text", "<p>" + "A whole new section about merging duplicate vendors. " * 10 + "</p>")]
    page.save_revision(user=editor).publish()
    assert Evidence.objects.get(person=editor).kind == EvidenceKind.PAGE_EDITED


def test_a_new_owner_takes_over_the_ownership_evidence(topic):
    first, second = UserFactory(), UserFactory()
    page = ArticlePageFactory(parent=ProcessPageFactory(title="Vendors"), page_owner=first, topics=[topic])
    page.page_owner = second
    page.save_revision(user=second).publish()
    owners = Evidence.objects.filter(kind=EvidenceKind.PAGE_OWNED).values_list("person", flat=True)
    assert list(owners) == [second.pk]


def test_verifying_a_page_is_evidence(topic):
    owner = UserFactory()
    page = ArticlePageFactory(parent=ProcessPageFactory(title="Vendors"), page_owner=owner, topics=[topic])
    verify_page(page=page, user=owner)
    assert Evidence.objects.filter(person=owner, kind=EvidenceKind.PAGE_VERIFIED).count() == 1


def test_endorse_view_refuses_bad_input_with_messages(client, topic):
    person, colleague = make_person("jim.okafor"), make_person("jill.hartmann")
    client.force_login(colleague)
    url = reverse("expertise:endorse", args=[person.username])
    unknown = client.post(url, {"topic": 99999, "reason": "x"}, follow=True).content.decode()
    assert "not in Onramp&#x27;s vocabulary" in unknown or "not in Onramp's vocabulary" in unknown
    empty = client.post(url, {"topic": topic.pk, "reason": ""}, follow=True).content.decode()
    assert "Say in a few words why" in empty
    assert not Evidence.objects.exists()
    client.post(url, {"topic": topic.pk, "reason": "Cleaned up 40 duplicate vendors with me"})
    assert Evidence.objects.get().given_by == colleague


def test_endorsing_yourself_through_the_view_is_refused(client, topic):
    person = make_person("jim.okafor")
    client.force_login(person)
    response = client.post(
        reverse("expertise:endorse", args=[person.username]), {"topic": topic.pk, "reason": "me"}, follow=True
    )
    assert "You cannot endorse yourself." in response.content.decode()
    assert not Evidence.objects.exists()


def test_self_assess_view_refuses_another_person_and_bad_levels(client, topic):
    person, other = make_person("jim.okafor"), make_person("jill.hartmann")
    client.force_login(person)
    assert (
        client.post(
            reverse("expertise:self_assess", args=[other.username]), {"topic": topic.pk, "level": 3}
        ).status_code
        == 403
    )
    response = client.post(
        reverse("expertise:self_assess", args=[person.username]), {"topic": topic.pk, "level": 7}, follow=True
    )
    assert "A level runs from 1 to 5." in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_profile_edit_refuses_an_unknown_time_zone(client):
    top = make_person("marty.keller")
    lead = make_person("nadia.kowalska", manager=top)
    client.force_login(lead)
    response = client.post(reverse("expertise:edit_profile"), {"time_zone": "Mars/Olympus", "question_capacity": 5})
    assert response.status_code == 400
    assert "is not a time zone Onramp knows" in response.content.decode()
    lead.profile.refresh_from_db()
    assert lead.profile.time_zone == "Europe/London"


def test_the_admin_refuses_a_manager_that_makes_a_loop(client, admin_user):
    top = make_person("marty.keller")
    lead = make_person("nadia.kowalska", manager=top)
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_expertise_profile:edit", args=[top.profile.pk]),
        {
            "display_name": "",
            "manager": lead.pk,
            "time_zone": "Europe/London",
            "question_capacity": 5,
            "ask_me_about": "",
        },
    )
    assert response.status_code == 200
    assert "reporting chain loop" in response.content.decode()
    top.profile.refresh_from_db()
    assert top.profile.manager is None
