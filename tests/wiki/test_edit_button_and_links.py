"""Wiki pages show an Edit button (and Wagtail's userbar) only to people who may edit that page, and name
topics and people as links rather than dead text."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from expertise.factories import TopicFactory, UserFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory, TrainingMaterialFactory

pytestmark = pytest.mark.django_db

USERBAR = 'id="wagtail-userbar-template"'


def editors_of(page, name: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    return group


@pytest.fixture
def areas(db):
    payables = ProcessPageFactory(title="Accounts payable")
    article = ArticlePageFactory(parent=payables, title="Park an invoice")
    billing = ProcessPageFactory(title="Billing")
    return payables, article, billing


def test_a_new_hire_sees_no_edit_button_admin_link_or_userbar(client, areas):
    _, article, _ = areas
    client.force_login(UserFactory(username="nina.newhire"))
    html = client.get(article.url).content.decode()
    assert f'href="/admin/pages/{article.pk}/edit/"' not in html
    assert 'href="/admin/"' not in html
    assert USERBAR not in html


def test_an_editor_of_the_area_sees_edit_linking_to_the_pages_edit_view(client, areas):
    payables, article, _ = areas
    editor = UserFactory(username="eddie.editor")
    editor.groups.add(editors_of(payables, "Accounts payable editors"))
    client.force_login(editor)
    for page in (article, payables):
        html = client.get(page.url).content.decode()
        assert f'<a class="button button--secondary" href="/admin/pages/{page.pk}/edit/">Edit' in html
        assert USERBAR in html


def test_an_editor_of_another_area_sees_no_edit_button_or_userbar_here(client, areas):
    _, article, billing = areas
    other = UserFactory(username="olive.other")
    other.groups.add(editors_of(billing, "Billing editors"))
    client.force_login(other)
    html = client.get(article.url).content.decode()
    assert "/edit/" not in html
    assert USERBAR not in html
    assert f'href="/admin/pages/{billing.pk}/edit/"' in client.get(billing.url).content.decode()


def test_topic_chips_and_owners_link_to_topic_pages_and_profiles(signed_in):
    topic = TopicFactory(name="Three-way match", slug="three-way-match")
    process_owner = UserFactory(username="pia.process", first_name="Pia", last_name="Process")
    owner = UserFactory(username="owen.owner", first_name="Owen", last_name="Owner")
    trainer = UserFactory(username="tara.trainer", first_name="Tara", last_name="Trainer")
    area = ProcessPageFactory(title="Accounts payable", process_owner=process_owner, page_owner=owner)
    material = TrainingMaterialFactory(trainer=trainer)
    material.processes.add(area)
    material.save()  # a ParentalManyToManyField is written on save
    article = ArticlePageFactory(parent=area, title="Match an invoice", page_owner=owner, topics=[topic])
    html = signed_in.get(article.url).content.decode()
    assert '<li><a href="/topics/three-way-match/">Three-way match</a></li>' in html
    assert 'href="/people/owen.owner/"' in html and "Owen Owner</a>" in html
    assert '<span class="avatar avatar--small" aria-hidden="true">OO</span> Owen Owner' in html
    process_html = signed_in.get(area.url).content.decode()
    assert 'href="/people/pia.process/"' in process_html
    assert 'href="/people/tara.trainer/"' in process_html


def test_who_to_ask_links_topics_and_the_people_who_own_their_pages(signed_in):
    topic = TopicFactory(name="GR/IR clearing", slug="gr-ir-clearing")
    owner = UserFactory(username="gina.grir", first_name="Gina", last_name="Grir")
    area = ProcessPageFactory(title="Record to report")
    ArticlePageFactory(parent=area, title="Clear GR/IR", page_owner=owner, topics=[topic])
    article = ArticlePageFactory(parent=area, title="Month end")
    article.body.append(("who_to_ask", {"topics": [topic], "note": "for old lines"}))
    article.save_revision().publish()
    html = signed_in.get(article.url).content.decode()
    block = html.split('class="who-to-ask"')[1].split("</aside>")[0]
    assert '<a href="/topics/gr-ir-clearing/">GR/IR clearing</a>' in block
    assert '<a class="person" href="/people/gina.grir/">Gina Grir</a>' in block


def test_a_leaver_who_owns_a_page_is_named_but_not_linked(signed_in):
    leaver = UserFactory(username="lee.leaver", first_name="Lee", last_name="Leaver")
    article = ArticlePageFactory(title="Old process", page_owner=leaver)
    leaver.profile.active = False
    leaver.profile.save()
    html = signed_in.get(article.url).content.decode()
    assert "Lee Leaver" in html
    assert 'href="/people/lee.leaver/"' not in html
