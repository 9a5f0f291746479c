"""The demo's people edit the process areas their teams run, not the whole wiki; a page restricted to a
group stays closed, in the admin and in every listing, to demo people outside the group."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from wiki.models import ArticlePage, ProcessPage

pytestmark = pytest.mark.django_db

OUTSIDERS = ["jill.hartmann", "jim.okafor", "carrie.lindqvist", "marty.keller"]


def people(*usernames: str):
    users = get_user_model().objects.in_bulk(usernames, field_name="username")
    return [users[name] for name in usernames]


def test_demo_people_edit_their_teams_areas_and_owners_publish_their_own_pages():
    assert not GroupPagePermission.objects.filter(page__depth=1).exists(), "nobody edits the whole tree"
    for page in Page.objects.type(ArticlePage, ProcessPage).specific():
        assert page.permissions_for_user(page.page_owner).can_publish(), f"{page.page_owner} owns {page.title}"

    jill, jim, carrie = people("jill.hartmann", "jim.okafor", "carrie.lindqvist")
    procure_to_pay = ProcessPage.objects.get(slug="procure-to-pay")
    record_to_report = ProcessPage.objects.get(slug="record-to-report")
    assert all(page.permissions_for_user(jim).can_publish() for page in procure_to_pay.get_descendants(True))
    assert not any(page.permissions_for_user(jim).can_edit() for page in record_to_report.get_descendants(True))
    for reader in (jill, carrie):
        assert not any(page.permissions_for_user(reader).can_edit() for page in Page.objects.filter(depth__gt=2))


def test_a_restricted_page_is_closed_to_demo_people_outside_its_group(client):
    article = ArticlePage.objects.get(slug="reconcile-the-bank-statement")
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.GROUPS)
    treasury = Group.objects.create(name="Treasury")
    treasury.user_set.add(*people("yusuf.demir", "helen.brooks"))
    restriction.groups.add(treasury)
    listings = [
        *[reverse("expertise:topic", args=[topic.slug]) for topic in article.topics.all()],
        reverse("expertise:profile", args=[article.page_owner.username]),
        reverse("forums:flag_gap") + f"?page={article.pk}",
    ]
    admin = [reverse(f"wagtailadmin_pages:{view}", args=[article.pk]) for view in ("edit", "view_draft")]

    for outsider in people(*OUTSIDERS):
        client.force_login(outsider)
        for url in admin:
            response = client.get(url)
            assert response.status_code in (302, 403), (outsider, url)
            assert article.title not in response.content.decode()
        for url in listings:
            assert article.title not in client.get(url).content.decode(), (outsider, url)

    client.force_login(article.page_owner)
    for url in admin:
        response = client.get(url)
        assert response.status_code == 200 and article.title in response.content.decode()
    for url in listings:
        assert article.title in client.get(url).content.decode(), url
