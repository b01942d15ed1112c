"""FilterState <-> control values. Pure; every control value is re-checked against the vocabulary."""
from __future__ import annotations

from urllib.parse import urlencode

from data.vocabulary import Vocabulary

from . import ids
from .url_state import FilterState, decode

_FIELD_OF = {ids.VIEW_TABS: "view", **{cid: name for cid, name in ids.FILTER_CONTROLS}}


def controls_from_state(state: FilterState) -> dict:
    """The value each control shows for ``state``."""
    out = {}
    for cid, name in _FIELD_OF.items():
        value = getattr(state, name)
        if name == "champion":
            value = ["yes"] if value else []
        elif name == "country":
            value = value or None
        elif isinstance(value, tuple):
            value = list(value)
        out[cid] = value
    return out


def state_from_controls(values: dict, vocab: Vocabulary) -> tuple[FilterState, list[str]]:
    """Build a state from raw control values, validated exactly like a link (untrusted input)."""
    pairs = []
    for cid, name in _FIELD_OF.items():
        value = values.get(cid)
        if name == "champion":
            value = "1" if isinstance(value, list) and "yes" in value else ""
        elif isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool))
        elif value is None:
            continue
        elif not isinstance(value, (str, int)) or isinstance(value, bool):
            value = ""
        if str(value) == "" and name != "champion":
            continue
        pairs.append((name, str(value)))
    state, notices = decode("?" + urlencode(pairs), vocab)
    return state, notices
