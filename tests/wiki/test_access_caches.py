"""The article page caches who may open and do what (view restrictions, the sections closed to each reader,
page and model permissions: onramp.page_generation.ACCESS) and whether a page has open problems
(onramp.page_generation.PROBLEMS). Every change shows on the reader's next request, and nothing one reader may
see reaches another through a cache."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, PageViewRestriction

from expertise.factories import TopicFactory, UserFactory
from forums.gaps import decline_gap, raise_gap
from forums.models import GapSource, RevisionTask, TaskKind
from wiki.factories import ArticlePageFactory, ProcessPageFactory

pytestmark = pytest.mark.django_db

EDIT_BUTTON = '<a class="button button--secondary" href="/admin/pages/{pk}/edit/">Edit'
VERIFY_FORM = 'class="form verify-form"'


@pytest.fixture
def payroll(home):
    """An open article beside a section that will be closed to all but the payroll team."""
    topic = TopicFactory(name="Payroll")
    staff = ProcessPageFactory(title="Staff matters")
    closed = ProcessPageFactory(title="Payroll and pensions")
    article = ArticlePageFactory(parent=staff, title="Change your bank details", topics=[topic])
    secret = ArticlePageFactory(parent=closed, title="Executive salary adjustments", topics=[topic])
    return article, secret, closed


def restrict_to(page, group: Group) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    return restriction


def html_of(client, page) -> str:
    response = client.get(page.url)
    return response.content.decode() if response.status_code == 200 else ""


def test_a_section_restricted_after_a_reader_opened_it_is_closed_to_them_at_once(client, payroll):
    article, secret, closed = payroll
    reader = UserFactory(username="olive.outside")
    client.force_login(reader)
    assert "Executive salary adjustments" in html_of(client, secret)
    assert "Executive salary adjustments" in html_of(client, article)  # a related page, and in the cache

    restrict_to(closed, Group.objects.create(name="Payroll team"))

    assert client.get(secret.url).status_code != 200
    html = html_of(client, article)
    assert "Executive salary adjustments" not in html and "Payroll and pensions" not in html


def test_someone_who_leaves_the_group_loses_the_section_at_once_and_who_joins_gains_it(client, payroll):
    article, secret, closed = payroll
    team = Group.objects.create(name="Payroll team")
    restrict_to(closed, team)
    pat = UserFactory(username="pat.payne")
    pat.groups.add(team)
    client.force_login(pat)
    assert "Executive salary adjustments" in html_of(client, secret)
    assert "Executive salary adjustments" in html_of(client, article)

    pat.groups.remove(team)
    assert client.get(secret.url).status_code != 200
    assert "Executive salary adjustments" not in html_of(client, article)

    team.user_set.add(pat)
    assert "Executive salary adjustments" in html_of(client, secret)
    assert "Executive salary adjustments" in html_of(client, article)


def test_a_group_added_to_a_restriction_opens_the_section_to_its_members_at_once(client, payroll):
    article, secret, closed = payroll
    restriction = restrict_to(closed, Group.objects.create(name="Payroll team"))
    auditors = Group.objects.create(name="Auditors")
    auditor = UserFactory(username="aud.itor")
    auditor.groups.add(auditors)
    client.force_login(auditor)
    assert client.get(secret.url).status_code != 200
    assert "Executive salary adjustments" not in html_of(client, article)

    restriction.groups.add(auditors)
    assert "Executive salary adjustments" in html_of(client, secret)
    assert "Executive salary adjustments" in html_of(client, article)

    restriction.delete()
    client.force_login(UserFactory(username="olive.outside"))
    assert "Executive salary adjustments" in html_of(client, secret)


def test_a_reader_who_passed_a_password_sees_the_section_and_others_do_not(client, payroll):
    article, secret, closed = payroll
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="payday"
    )
    client.force_login(UserFactory(username="pat.payne"))
    assert "Executive salary adjustments" not in html_of(client, article)
    assert 'name="password"' in client.get(secret.url).content.decode()
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, secret.pk]),
        {"password": "payday", "return_url": secret.url},
    )
    assert "Executive salary adjustments" in html_of(client, secret)
    assert "Executive salary adjustments" in html_of(client, article)

    client.force_login(UserFactory(username="olive.outside"))
    assert "Executive salary adjustments" not in html_of(client, article)
    assert 'name="password"' in client.get(secret.url).content.decode()  # asked for the password again


def test_an_editor_sees_edit_and_the_verify_form_once_given_the_page_and_not_after(client, payroll):
    article, _, _ = payroll
    editors = Group.objects.create(name="Staff matters editors")
    eddie = UserFactory(username="eddie.editor")
    eddie.groups.add(editors)
    client.force_login(eddie)
    html = html_of(client, article)
    assert EDIT_BUTTON.format(pk=article.pk) not in html and VERIFY_FORM not in html

    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    permissions = [
        GroupPagePermission.objects.create(group=editors, page=article.get_parent(), permission_type=kind)
        for kind in ("change", "publish")
    ]
    html = html_of(client, article)
    assert EDIT_BUTTON.format(pk=article.pk) in html and VERIFY_FORM in html

    for permission in permissions:
        permission.delete()
    html = html_of(client, article)
    assert EDIT_BUTTON.format(pk=article.pk) not in html and VERIFY_FORM not in html


def test_a_reader_never_gets_an_editors_edit_button_or_verify_form_through_the_cache(client, payroll):
    article, _, _ = payroll
    editors = Group.objects.create(name="Staff matters editors")
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for kind in ("change", "publish"):
        GroupPagePermission.objects.create(group=editors, page=article, permission_type=kind)
    eddie = UserFactory(username="eddie.editor")
    eddie.groups.add(editors)
    client.force_login(eddie)
    assert EDIT_BUTTON.format(pk=article.pk) in html_of(client, article)

    client.force_login(UserFactory(username="nina.newhire"))
    html = html_of(client, article)
    assert "/edit/" not in html and VERIFY_FORM not in html and 'href="/admin/"' not in html


def test_a_permission_granted_or_withdrawn_shows_in_the_header_at_once(client, payroll):
    article, _, _ = payroll
    trainers = Group.objects.create(name="Trainers")
    tara = UserFactory(username="tara.trainer")
    tara.groups.add(trainers)
    client.force_login(tara)
    assert "Gap queue" not in html_of(client, article)

    trainers.permissions.add(Permission.objects.get(content_type__app_label="forums", codename="triage_gap"))
    assert "Gap queue" in html_of(client, article)

    tara.groups.remove(trainers)
    assert "Gap queue" not in html_of(client, article)

    tara.user_permissions.add(Permission.objects.get(content_type__app_label="forums", codename="triage_gap"))
    assert "Gap queue" in html_of(client, article)


def test_a_gap_or_task_opened_after_a_view_shows_as_a_known_issue_at_once_until_closed(client, payroll, person):
    article, _, _ = payroll
    client.force_login(person)
    assert "Known issue" not in html_of(client, article)

    gap = raise_gap(title="The form moved", source=GapSource.DIRECT, raised_by=person, related_page=article)
    html = html_of(client, article)
    assert "Known issue" in html and f'<a href="{gap.get_absolute_url()}">The form moved</a>' in html

    decline_gap(gap=gap, by=UserFactory(is_superuser=True), reason="The form is where it was.")
    assert "Known issue" not in html_of(client, article)

    task = RevisionTask.objects.create(kind=TaskKind.PAGE, page=article, subject_title=article.title)
    assert "Known issue" in html_of(client, article)
    task.delete()
    assert "Known issue" not in html_of(client, article)
