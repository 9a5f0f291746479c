"""The refusals of the API declared in its OpenAPI schema, so a client (and the fuzzing of tests/browser/) knows
every status an operation may answer.

A router declares what an operation returns; its refusals come from the machinery every router shares and are
declared here once: no valid bearer token (401), input that fails validation (422), a request that cannot be
read (400: a NUL in the address, a body that is not JSON, a page size above the maximum), an id in the path
that names nothing the caller may see (404) and a write that a rule refuses to this caller (403). Each is an
RFC 7807 problem document (`application/problem+json`, Wagtail's ProblemDetail), and so is any other 4xx a
router declares itself, e.g. `response={200: Out, 404: None}`. An address too long for the web server (414) is
answered by gunicorn, before Onramp sees the request.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

WRITES = {"post", "put", "patch", "delete"}
FROM_THE_WEB_SERVER = {414}  # answered before Django sees the request
PROBLEM_SCHEMA = {"$ref": "#/components/schemas/ProblemDetail"}


def refusals(path: str, method: str, operation: dict[str, Any]) -> dict[int, str]:
    """The refusals the shared machinery may answer for one operation, with their descriptions."""
    answers = {
        400: "A request Onramp cannot read: a NUL character in the address, a body that is not JSON, or a page "
        "size (`limit`) above the maximum.",
        414: "The address is longer than the web server takes (the web server's own page, not a problem document).",
    }
    if operation.get("security"):
        answers[401] = "No valid bearer token (missing, unknown, revoked, or its person is inactive)."
    if method in WRITES:
        answers[403] = "A rule refuses this write to the caller; `detail` says which."
    if "{" in path:
        answers[404] = "Nothing the caller may see has this id."
    if operation.get("parameters") or operation.get("requestBody"):
        answers[422] = "Validation failed; `errors` names each failing field (`loc`)."
    return answers


def declare_refusals(schema: dict[str, Any]) -> dict[str, Any]:
    """Adds each operation's refusals to `schema` (an OpenAPI document of ninja's) as problem documents."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ProblemDetail"] = ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}")
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in refusals(path, method, operation).items():
                if status not in responses and str(status) not in responses:
                    responses[status] = {"description": description}
            for status, response in responses.items():
                if str(status).startswith("4") and int(status) not in FROM_THE_WEB_SERVER:
                    response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}}
            operation["responses"] = dict(sorted(responses.items(), key=lambda item: str(item[0])))
    return schema


class ProblemDeclaringAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI schema declares every operation's refusals (declare_refusals)."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None):
        return declare_refusals(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))
