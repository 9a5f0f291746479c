"""Signed requests as Slack and Teams send them, a real HTTP server standing in for Slack's Web API, and a
small wiki with an expert and an open gap about supplier invoices."""

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import PageViewRestriction

from expertise.factories import ExpertiseScoreFactory, UserFactory
from expertise.models import Topic
from forums.factories import GapFactory
from wiki.factories import ArticlePageFactory, ProcessPageFactory

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAMS_TOKEN = base64.b64encode(b"the webhook's own security token").decode()
SLACK_PATH = "/chat/slack/ask/"
TEAMS_PATH = "/chat/teams/ask/"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Replays are remembered in the cache, and the glossary is cached: each test starts from nothing."""
    cache.clear()
    yield
    cache.clear()


class SlackUsers:
    """What the stand-in Slack API knows: user id → users.info's `user`, and each call it answered."""

    def __init__(self):
        self.users: dict[str, dict] = {}
        self.calls: list[dict] = []

    def add(self, user_id: str, email: str, **fields) -> None:
        self.users[user_id] = {"id": user_id, "deleted": False, "is_bot": False, "profile": {"email": email}, **fields}


@pytest.fixture
def slack_api(settings):
    """A real HTTP server answering users.info as Slack's Web API does; the SDK calls it over HTTP."""
    known = SlackUsers()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            # The SDK posts every Web API method, with its arguments in the query or the form body.
            address = urlparse(self.path)
            form = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            params = {key: values[0] for key, values in parse_qs(f"{address.query}&{form}").items()}
            known.calls.append({"path": address.path, "params": params, "auth": self.headers.get("Authorization")})
            if address.path != "/api/users.info":
                body = {"ok": False, "error": "unknown_method"}
            elif self.headers.get("Authorization") != f"Bearer {settings.SLACK_BOT_TOKEN}":
                body = {"ok": False, "error": "invalid_auth"}
            elif params.get("user") in known.users:
                body = {"ok": True, "user": known.users[params["user"]]}
            else:
                body = {"ok": False, "error": "user_not_found"}
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SLACK_SIGNING_SECRET = SLACK_SECRET
    settings.SLACK_BOT_TOKEN = "xoxb-test-token"
    settings.SLACK_API_URL = f"http://127.0.0.1:{server.server_port}/api/"
    yield known
    server.shutdown()
    server.server_close()
    thread.join()


def slack_form(*, user_id: str, text: str) -> bytes:
    return urlencode(
        {
            "token": "deprecated-verification-token",
            "team_id": "T0001",
            "team_domain": "example",
            "channel_id": "C2147483705",
            "user_id": user_id,
            "user_name": "someone",
            "command": "/ask",
            "text": text,
            "response_url": "https://hooks.slack.com/commands/1234/5678",
            "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        }
    ).encode()


def slack_headers(body: bytes, *, timestamp: int | None = None, secret: str = SLACK_SECRET) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"HTTP_X_SLACK_REQUEST_TIMESTAMP": str(timestamp), "HTTP_X_SLACK_SIGNATURE": f"v0={digest}"}


@pytest.fixture
def slack_post(client):
    def post(body: bytes, headers: dict):
        return client.post(SLACK_PATH, body, content_type="application/x-www-form-urlencoded", **headers)

    return post


@pytest.fixture
def teams_on(settings):
    settings.TEAMS_WEBHOOK_SECRET = TEAMS_TOKEN


def teams_activity(*, text: str, aad_object_id: str = "", email: str = "", sent=None) -> bytes:
    sender = {
        "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
        "name": "Someone Asking",
    }
    if aad_object_id:
        sender["aadObjectId"] = aad_object_id
    if email:
        sender["email"] = email
    sent = sent or timezone.now()
    activity = {
        "type": "message",
        "id": "1485983408511",
        "timestamp": sent.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z",
        "localTimestamp": sent.isoformat(),
        "serviceUrl": "https://smba.trafficmanager.net/amer/",
        "channelId": "msteams",
        "from": sender,
        "conversation": {
            "isGroup": True,
            "id": "19:253b1f341670408fb6fe9b9f7be8c8b5@thread.skype;messageid=1485983408511",
        },
        "textFormat": "plain",
        "text": f"<at>Onramp</at>&nbsp;{text}\n",
        "entities": [{"type": "clientInfo", "locale": "en-GB", "country": "GB", "platform": "Web"}],
        "channelData": {
            "teamsChannelId": "19:253b1f341670408fb6fe9b9f7be8c8b5@thread.skype",
            "tenant": {"id": "72f988bf-86f1-41af-91ab-2d7cd011db47"},
        },
    }
    return json.dumps(activity).encode()


def teams_signature(body: bytes, token: str = TEAMS_TOKEN) -> dict:
    digest = hmac.new(base64.b64decode(token), body, hashlib.sha256).digest()
    return {"HTTP_AUTHORIZATION": "HMAC " + base64.b64encode(digest).decode()}


@pytest.fixture
def teams_post(client):
    def post(body: bytes, headers: dict):
        return client.post(TEAMS_PATH, body, content_type="application/json", **headers)

    return post


@pytest.fixture
def invoices(db, home):
    """A finance area with a page on supplier invoices, an expert on them and an open gap; and a private
    section (Moderators only) with its own page on supplier invoices."""
    topic = Topic.objects.create(name="Supplier invoices", slug="supplier-invoices")
    finance = ProcessPageFactory(title="Finance", summary="<p>Money in and money out.</p>", parent=home)
    public = ArticlePageFactory(
        title="Posting a supplier invoice",
        summary="Enter the supplier invoice against its purchase order.",
        body=[("text", "<p>Open the invoice queue, match the purchase order and post the supplier invoice.</p>")],
        parent=finance,
        topics=[topic],
        kind="procedure",
    )
    audit = ProcessPageFactory(title="Audit room", summary="<p>For the audit team.</p>", parent=home)
    private = ArticlePageFactory(
        title="Supplier invoice fraud signals",
        summary="What a forged supplier invoice looks like.",
        body=[("text", "<p>Every supplier invoice with a changed bank account is checked twice.</p>")],
        parent=audit,
        topics=[topic],
        kind="reference",
    )
    restriction = PageViewRestriction.objects.create(page=audit, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Moderators"))
    expert = UserFactory(username="paula.payables", first_name="Paula", last_name="Payables")
    ExpertiseScoreFactory(person=expert, topic=topic)
    gap = GapFactory(title="Supplier invoice without a purchase order", topics=[topic])
    return {"topic": topic, "public": public, "private": private, "expert": expert, "gap": gap}
