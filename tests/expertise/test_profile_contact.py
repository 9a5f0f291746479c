"""Profiles show initials (hidden from screen readers, the name is next to them) and a way to get in touch;
people are reached by links, and a leaver is not offered as a contact."""

import pytest

from expertise.factories import UserFactory, make_person
from expertise.templatetags.people_tags import initials

pytestmark = pytest.mark.django_db


def test_initials_take_the_first_and_last_words():
    assert initials("Jill M. Hartmann") == "JH"
    assert initials("cher") == "C"
    assert initials("  ") == "?"


def test_a_profile_shows_an_initials_avatar_and_an_email_link(signed_in):
    colleague = make_person("amara.okafor", title="AP lead")
    html = signed_in.get(f"/people/{colleague.username}/").content.decode()
    assert '<span class="avatar avatar--large" aria-hidden="true">AO</span>' in html
    assert "<h1>Amara Okafor</h1>" in html
    assert f'href="mailto:{colleague.email}"' in html


def test_a_leavers_profile_offers_no_email(signed_in):
    leaver = make_person("lee.leaver", active=False)
    html = signed_in.get(f"/people/{leaver.username}/").content.decode()
    assert "mailto:" not in html
    assert "Left" in html


def test_directory_and_who_knows_cards_carry_avatars_next_to_the_linked_name(signed_in):
    make_person("amara.okafor")
    html = signed_in.get("/people/").content.decode()
    assert '<span class="avatar" aria-hidden="true">AO</span> <a href="/people/amara.okafor/">Amara Okafor</a>' in html


def test_endorsers_link_to_their_profiles(signed_in, person):
    from expertise.factories import TopicFactory
    from expertise.recording import endorse

    topic = TopicFactory(name="Payment runs")
    expert = UserFactory(username="ed.expert", first_name="Ed", last_name="Expert")
    endorse(endorser=person, person=expert, topic=topic, reason="Ran the payment run alone")
    html = signed_in.get("/people/ed.expert/").content.decode()
    assert f'<a class="person" href="/people/{person.username}/">Jill Hartmann</a>' in html


def test_a_chat_handle_set_on_ones_own_profile_shows_to_colleagues(client, person):
    client.force_login(person)
    response = client.post(
        "/people/me/edit/",
        {
            "display_name": "Jill Hartmann",
            "time_zone": "Europe/London",
            "chat_handle": "@jill.hartmann",
            "question_capacity": 5,
        },
    )
    assert response.status_code == 302, response.content.decode()
    colleague = UserFactory()
    client.force_login(colleague)
    html = client.get(f"/people/{person.username}/").content.decode()
    assert "<dt>Chat</dt><dd>@jill.hartmann</dd>" in html
