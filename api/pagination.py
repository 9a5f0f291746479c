"""The pages of the API's lists: Wagtail's limit and offset (`{"count": N, "items": [...]}`, a `limit` above
WAGTAILAPI_LIMIT_MAX refused with 400), with an offset no larger than the database can take."""

from ninja import Field

from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from onramp.params import LARGEST_ID


class LimitOffsetPages(WagtailLimitOffsetPagination):
    class Input(WagtailLimitOffsetPagination.Input):
        # Beyond a 64-bit integer PostgreSQL refuses the OFFSET (a server error): refused as invalid input (422).
        offset: int = Field(default=0, ge=0, le=LARGEST_ID)
