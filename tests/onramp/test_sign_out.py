"""Only a POST signs out: a GET of a sign-out address (a link, an image in a page) leaves the session alone."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/admin/logout/", "/accounts/logout/"])
def test_a_get_of_a_sign_out_address_is_refused_and_keeps_the_session(client, admin_user, address):
    client.force_login(admin_user)
    assert client.get(address).status_code == 405
    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200


def test_the_admin_s_sign_out_button_still_signs_out(client, admin_user):
    client.force_login(admin_user)
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302
