"""FilterState <-> control values. Pure; every control value is re-checked against the vocabulary."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from data.queries import indicators_for, ordered_indicators
from data.vocabulary import Vocabulary
from data.years import LATEST

from .registry import Registry

_BOOL_FIELDS = {"champion", "presenter"}


def controls_from_state(state, registry: Registry) -> dict:
    """The value each control shows for ``state``."""
    out = {}
    for cid, name in registry.controls:
        value = getattr(state, name)
        if name in _BOOL_FIELDS:
            value = ["yes"] if value else []
        elif isinstance(value, tuple):
            value = list(value)
        elif value == "":
            value = None
        out[cid] = value
    return out


def _as_text(value) -> str | None:
    """A control value as query text; None for 'not set'; anything odd becomes '' (rejected later)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool))
    if isinstance(value, (str, int)):
        return str(value)
    return ""


def state_from_controls(values: dict, vocab: Vocabulary, registry: Registry, base_query: str = "",
                        trigger: str | None = None):
    """The state after the controls changed: ``base_query`` (the current link) overlaid with
    the controls' values, validated exactly like a link (control values are untrusted input).

    When several controls feed one field, the ``trigger`` (the control just operated) wins over
    the others, which still show the previous value."""
    query = base_query if isinstance(base_query, str) else ""  # browser input: could be anything
    pairs = dict(parse_qsl(query.lstrip("?"), keep_blank_values=True))
    field_of = dict(registry.controls)
    operated = field_of.get(trigger)
    for cid, name in registry.controls:
        if cid not in values or (name == operated and cid != trigger):
            continue
        value = values[cid]
        if name in _BOOL_FIELDS:
            text = "1" if isinstance(value, list) and "yes" in value else ""
        else:
            text = _as_text(value)
        if text in (None, ""):
            pairs.pop(name, None)
        else:
            pairs[name] = text
    return registry.decode("?" + urlencode(pairs), vocab)


def indicator_for_objectives(state, indicators, vocab: Vocabulary):
    """After the objective or principle filters change, the indicator that measures them.

    An indicator whose primary objective was chosen comes first (objective 20 gives remittance
    cost, not a 10.7.2 domain that merely touches it); otherwise the chosen indicator stays if
    the filters keep it, else the first one they keep, in objective order. Says so when it
    changes; the year falls back to latest if the new indicator lacks it."""
    in_scope = ordered_indicators(indicators_for(indicators, state.objective, state.principle))
    if in_scope.empty:
        return state, None
    primary = in_scope[in_scope["primary_objective"].isin(state.objective)]
    if state.indicator in primary.index or (primary.empty and state.indicator in in_scope.index):
        return state, None
    chosen = (primary if not primary.empty else in_scope).index[0]
    year = state.year if state.year == LATEST or int(state.year) in vocab.years_for(chosen) else LATEST
    label = indicators.loc[chosen, "label"]
    why = ("measures the chosen objective" if not primary.empty
           else "is tagged with those objectives or principles")
    return (state.with_changes(indicator=chosen, year=year),
            f"The indicator changed to “{label}”, which {why}.")
