"""The single sign-on round trip without a browser: Onramp answered by the Django test client, the test
provider's pages by a requests session with its own cookies, its forms read from their HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

CALLBACK = "http://testserver/oidc/callback/"  # the Django test client's requests are addressed to testserver


class Forms(HTMLParser):
    """The forms of a page: each one's action and the names and values of its inputs."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def only_form(page: requests.Response) -> dict:
    parser = Forms()
    parser.feed(page.text)
    assert len(parser.forms) == 1, f"expected one form at {page.url}:\n{page.text[:2000]}"
    return parser.forms[0]


def until_back_at_onramp(browser: requests.Session, response: requests.Response) -> requests.Response | str:
    """Follows the provider's redirects; stops at a page of the provider's, or returns the address it sends
    the browser back to Onramp at (which the Django test client then opens)."""
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(CALLBACK):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    return response


@dataclass
class Journey:
    """One sign-in through the provider, as a browser would make it: Onramp's client (the Django test client)
    for Onramp, a requests session with its own cookies for the provider."""

    client: object
    start: object  # Onramp's redirect to the provider
    callback_url: str  # where the provider sends the browser back, with the code and state

    def finish(self, callback_url: str | None = None):
        parts = urlsplit(callback_url or self.callback_url)
        return self.client.get(parts.path, parse_qs(parts.query))


def through_provider(client, login: str, *, next_url: str = "") -> Journey:
    """Starts the sign-in at Onramp, signs in on the provider's development page as `login`, gives consent,
    and stops where the provider sends the browser back to Onramp."""
    start = client.get("/oidc/authenticate/", {"next": next_url} if next_url else {})
    assert start.status_code == 302, start
    browser = requests.Session()
    page = until_back_at_onramp(browser, browser.get(start["Location"], allow_redirects=False, timeout=10))
    for _ in range(3):  # the sign-in page, then the consent page
        if isinstance(page, str):
            return Journey(client=client, start=start, callback_url=page)
        assert page.status_code == 200, page.text[:2000]
        form = only_form(page)
        fields = dict(form["fields"])
        if fields.get("prompt") == "login":
            fields.update(login=login, password="any password")  # noqa: S106 - the provider's dev page takes any
        response = browser.post(urljoin(page.url, form["action"]), data=fields, allow_redirects=False, timeout=10)
        page = until_back_at_onramp(browser, response)
    raise AssertionError(f"the provider never sent the browser back to Onramp: {page}")


def cancel_at_provider(client):
    """Starts the sign-in at Onramp and, on the provider's sign-in page, follows its Cancel link (the abort of
    the interaction); returns Onramp's answer to the provider's redirect back, which carries error=access_denied."""
    start = client.get("/oidc/authenticate/")
    browser = requests.Session()
    page = until_back_at_onramp(browser, browser.get(start["Location"], allow_redirects=False, timeout=10))
    abort = next(href for href in re.findall(r'href="([^"]+)"', page.text) if href.endswith("/abort"))
    back = until_back_at_onramp(browser, browser.get(urljoin(page.url, abort), allow_redirects=False, timeout=10))
    assert isinstance(back, str) and "error=access_denied" in back, back
    return Journey(client=client, start=start, callback_url=back).finish()


def sign_in(client, login: str, *, next_url: str = ""):
    """The whole round trip; returns Onramp's answer to the provider's redirect back."""
    return through_provider(client, login, next_url=next_url).finish()
