"""The API's docs page renders under our Content-Security-Policy: Swagger UI comes from our own static files,
with no script inline or from another origin, and everything the page loads answers from our origin."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("docs", ["/api/v1/docs/", "/api/v3/docs/"])
def test_the_docs_page_loads_only_from_our_own_origin(client, docs):
    response = client.get(docs)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert any(asset.endswith("swagger-ui-init.js") for asset in assets)
    assert any(asset.endswith("swagger-ui.css") for asset in assets)
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} is not served from our origin"
        assert client.get(asset).status_code == 200, asset
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts == [' type="application/json" id="swagger-settings"'], "only data, which CSP leaves alone"
    settings = re.search(r'id="swagger-settings">(.*?)</script>', html, re.S).group(1)
    assert f'"url": "{docs.replace("docs/", "openapi.json")}"' in settings


def test_the_schema_the_docs_read_lists_the_ask_who_knows_and_gaps_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/ask/", "/api/v1/people/who-knows/", "/api/v1/gaps/", "/api/v1/gaps/{gap_id}/me-too/"} <= set(paths)
    assert paths["/api/v1/gaps/"]["post"]["security"] == [{"PersonTokenAuth": []}]
