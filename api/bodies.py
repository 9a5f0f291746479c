"""What a caller sends in a request body: a JSON object, whose fields each router's schema names."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import model_validator

from django.utils.translation import gettext as _


class RequestBody(Schema):
    """The base of every body schema. ninja's Schema is made for reading model instances, so it reads the fields
    of whatever it is given as attributes: a JSON string `"abc"` would flag a gap titled "Abc" (`str.title()`),
    and a JSON list would record a check-in with nothing in it. Anything but a JSON object is refused (422)."""

    @model_validator(mode="before")
    @classmethod
    def only_a_json_object(cls, value: Any) -> Any:
        # Schema's own validator has already wrapped the value in ninja's DjangoGetter (`_obj` is what came in).
        if not isinstance(getattr(value, "_obj", value), dict):
            raise ValueError(_("The body must be a JSON object."))
        return value
