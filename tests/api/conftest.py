"""Calling the API as a person: a real APIToken (Wagtail's) sent as a bearer token through Django's test client."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from django.test import Client

from wagtail.models import APIToken

from tests.api.roles import roles, roles_once  # noqa: F401  (the people and pages of the Ask, gaps and pages tests)


class APIClient:
    """A test client whose every request carries one person's bearer token (or none, for `anonymous`)."""

    def __init__(self, token: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, data: dict | None = None):
        return self.client.get(path, data or {}, headers=self.headers)

    def post(self, path: str, data: dict | None = None):
        return self.client.post(path, data or {}, content_type="application/json", headers=self.headers)

    def patch(self, path: str, data: dict | None = None):
        return self.client.patch(path, data or {}, content_type="application/json", headers=self.headers)

    def delete(self, path: str):
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def api_as(db) -> Callable:
    """`api_as(user)` is an APIClient with a fresh token of that user's; `api_as(None)` sends no token."""

    def client_for(user) -> APIClient:
        if user is None:
            return APIClient(None)
        _, plaintext = APIToken.create_token(user=user, name="tests")
        return APIClient(plaintext)

    return client_for
