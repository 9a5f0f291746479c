"""The query log, "did this answer your question?", clicks, miss grouping and the gap queue."""

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse

from expertise.factories import UserFactory
from forums.candidates import candidate_sources, raise_candidate
from forums.models import Gap, GapSource
from search.misses import SearchMisses, miss_groups
from search.models import AskedText, LoggedQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    user = UserFactory(username="carrie", first_name="Carrie", last_name="Lindqvist", is_staff=True)
    for codename in ("triage_gap", "access_admin"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def search(client, text: str, **params):
    return client.get(reverse("search:ask"), {"q": text, **params})


def test_each_search_is_logged_with_its_normalised_text_and_counts(signed_in, corpus, person):
    search(signed_in, "  Supplier INVOICE?? ")
    logged = LoggedQuery.objects.get()
    assert logged.text == "Supplier INVOICE??"
    assert logged.asked.normalised == "supplier invoice"
    assert logged.user == person
    assert logged.page_count >= 1
    assert logged.backend == "database"
    search(signed_in, "supplier   invoice")
    assert AskedText.objects.count() == 1
    assert LoggedQuery.objects.count() == 2


def test_empty_searches_are_not_logged(signed_in, corpus):
    search(signed_in, "")
    search(signed_in, "?!*")
    assert not LoggedQuery.objects.exists()


def test_a_click_is_recorded_once_and_follows_the_link(signed_in, corpus):
    search(signed_in, "supplier invoice")
    logged = LoggedQuery.objects.get()
    url = corpus["post_invoice"].url
    response = signed_in.get(reverse("search:go", args=[logged.pk]), {"url": url, "kind": "page"})
    assert response.status_code == 302 and response.url == url
    signed_in.get(reverse("search:go", args=[logged.pk]), {"url": "/other/", "kind": "page"})
    logged.refresh_from_db()
    assert logged.clicked_url == url
    assert logged.clicked_kind == "page"


def test_clicks_never_redirect_off_site_nor_log_another_persons_search(client, signed_in, corpus, editor):
    search(signed_in, "supplier invoice")
    logged = LoggedQuery.objects.get()
    response = signed_in.get(
        reverse("search:go", args=[logged.pk]), {"url": "https://evil.example.com/", "kind": "page"}
    )
    assert response.url == reverse("search:ask")
    response = signed_in.get(reverse("search:go", args=[logged.pk]), {"url": "//evil.example.com/", "kind": "page"})
    assert response.url == reverse("search:ask")
    client.force_login(editor)
    client.get(reverse("search:go", args=[logged.pk]), {"url": "/x/", "kind": "page"})
    logged.refresh_from_db()
    assert logged.clicked_url == ""


def test_did_this_answer_your_question(signed_in, corpus, editor, client):
    search(signed_in, "supplier invoice")
    logged = LoggedQuery.objects.get()
    response = signed_in.post(reverse("search:answered", args=[logged.pk]), {"answered": "no"}, follow=True)
    assert "did not answer your question" in response.content.decode()
    assert LoggedQuery.objects.count() == 1  # coming back to the results is not a new search
    assert '<details class="ask-raise" open>' in response.content.decode()  # offered to raise a gap
    logged.refresh_from_db()
    assert logged.answered is False
    response = signed_in.post(reverse("search:answered", args=[logged.pk]), {"answered": "maybe"}, follow=True)
    assert "Choose yes or no" in response.content.decode()
    logged.refresh_from_db()
    assert logged.answered is False
    client.force_login(editor)
    client.post(reverse("search:answered", args=[logged.pk]), {"answered": "yes"})
    logged.refresh_from_db()
    assert logged.answered is False  # someone else cannot answer for you


def test_misses_are_grouped_by_normalised_text(signed_in, corpus, person):
    search(signed_in, "Where is the canteen?")
    search(signed_in, "where is the CANTEEN")
    search(signed_in, "supplier invoice")  # found pages but nobody clicked: a miss too
    answered = LoggedQuery.objects.create(
        asked=AskedText.objects.create(normalised="ok", example="ok"), text="ok", page_count=3
    )
    answered.answered = True
    answered.save()
    groups = {group.normalised: group.misses for group in miss_groups()}
    assert groups["where is the canteen"] == 2
    assert groups["supplier invoice"] == 1
    assert "ok" not in groups
    clicked = LoggedQuery.objects.filter(asked__normalised="supplier invoice").get()
    clicked.clicked_url = "/x/"
    clicked.save()
    assert "supplier invoice" not in {group.normalised for group in miss_groups()}


def test_misses_are_candidates_in_the_gap_queue_and_one_click_makes_the_gap(client, signed_in, corpus, trainer):
    assert any(isinstance(source, SearchMisses) for source in candidate_sources())
    search(signed_in, "Where is the canteen?")
    search(signed_in, "where is the canteen")
    asked = AskedText.objects.get(normalised="where is the canteen")
    client.force_login(trainer)
    html = client.get(reverse("forums:dashboard")).content.decode()
    assert "where is the canteen" in html
    response = client.post(reverse("forums:raise_candidate"), {"key": f"search:{asked.pk}"})
    gap = Gap.objects.get()
    assert response.url == reverse("forums:gap", args=[gap.pk])
    assert gap.source == GapSource.SEARCH
    assert gap.source_object == asked
    assert "where is the canteen" in gap.title
    # The same question never becomes a second gap, and it leaves the queue.
    assert raise_candidate(key=f"search:{asked.pk}", by=trainer) == gap
    assert SearchMisses().count() == 0


def test_nothing_found_offers_a_gap_prefilled_with_the_question(signed_in, corpus, person):
    html = search(signed_in, "canteen menu").content.decode()
    assert "Nothing in the wiki answers this" in html
    assert 'value="canteen menu"' in html
    found = search(signed_in, "supplier invoice").content.decode()
    assert "Nothing in the wiki answers this" not in found
    assert "Not answered? Tell the trainers" in found
    response = signed_in.post(reverse("search:raise_gap"), {"title": "canteen menu", "q": "canteen menu"})
    gap = Gap.objects.get()
    assert response.url == reverse("forums:gap", args=[gap.pk])
    assert gap.source == GapSource.SEARCH
    assert gap.raised_by == person
    assert gap.source_object == AskedText.objects.get(normalised="canteen menu")


def test_a_second_person_raising_the_same_miss_joins_the_gap(client, signed_in, corpus, editor):
    signed_in.post(reverse("search:raise_gap"), {"title": "Canteen hours", "q": "canteen hours"})
    client.force_login(editor)
    client.post(reverse("search:raise_gap"), {"title": "Canteen hours?", "q": "Canteen  hours"})
    gap = Gap.objects.get()
    assert {raiser.person for raiser in gap.raisers.all()} >= {editor}


def test_raising_a_gap_needs_a_title_and_a_question(signed_in, corpus):
    response = signed_in.post(reverse("search:raise_gap"), {"title": "", "q": "canteen"})
    assert response.status_code == 400
    assert "Say in a few words what is missing" in response.content.decode()
    response = signed_in.post(reverse("search:raise_gap"), {"title": "x" * 201, "q": "canteen"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = signed_in.post(reverse("search:raise_gap"), {"title": "Canteen", "q": "?!"})
    assert response.status_code == 400
    assert not Gap.objects.exists()


def test_the_unanswered_report_shows_who_asked_to_admins_only(client, signed_in, corpus, person, trainer, admin_user):
    search(signed_in, "where is the canteen")
    client.force_login(trainer)
    response = client.get(reverse("search_reports:unanswered"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "where is the canteen" in html
    assert person.username not in html
    assert "Asked by" not in html
    csv = client.get(reverse("search_reports:unanswered") + "?export=csv")
    exported = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert "where is the canteen" in exported.decode()
    assert person.username not in exported.decode()
    client.force_login(admin_user)
    html = client.get(reverse("search_reports:unanswered")).content.decode()
    assert "Asked by" in html
    assert person.username in html


def test_the_unanswered_report_is_closed_to_people_who_cannot_triage(client, signed_in, corpus, person):
    person.is_staff = True
    person.save()
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get(reverse("search_reports:unanswered"))
    assert response.status_code in (302, 403)
    client.force_login(person)
    response = client.get(reverse("search_reports:unanswered"))
    assert response.status_code in (302, 403)


def test_the_reports_menu_lists_the_report_only_for_triagers(client, trainer, editor):
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(trainer)
    assert reverse("search_reports:unanswered") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert reverse("search_reports:unanswered") not in client.get(reverse("wagtailadmin_home")).content.decode()
