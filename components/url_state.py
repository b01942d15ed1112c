"""The dashboard's link vocabulary: FilterState and its query-string codec, from the view registry.

Defaults are left out of the query string so links stay short. Decoding never raises: every
unknown or malformed parameter falls back to its default and adds a notice that the page shows.
An app built with another registry (tests do this) uses that registry's state class and codec.
"""
from __future__ import annotations

from .url_fields import MAX_COMPARE, MAX_HIGHLIGHT, MAX_QUERY_LENGTH, encode
from .views import REGISTRY

FilterState = REGISTRY.state_class
DEFAULT_STATE = REGISTRY.default_state
decode = REGISTRY.decode

__all__ = ["DEFAULT_STATE", "FilterState", "MAX_COMPARE", "MAX_HIGHLIGHT", "MAX_QUERY_LENGTH", "decode", "encode"]
