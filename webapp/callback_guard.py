"""Reject malformed callback requests before Dash parses them.

Dash trusts the shape of a ``/_dash-update-component`` body: an unknown output, a list where
an object belongs or a missing key raises deep inside Dash and becomes a 500. The browser only
ever sends bodies built from ``/_dash-dependencies``, so anything else is refused here with a
400 and a short message. Values are not checked here: every callback re-validates its own
input values against the data's allow-lists (``components.url_state.decode``).
"""
from __future__ import annotations

MAX_CHANGED = 64


def _is_pattern(component_id) -> bool:
    return isinstance(component_id, str) and component_id.startswith("{")


def _matches(item, spec: dict) -> bool:
    """Does one input/state/output entry of the body fit its registered ``spec``?"""
    if _is_pattern(spec["id"]):  # pattern-matching ids: a dict id, or a list of them (ALL)
        items = item if isinstance(item, list) else [item]
        return all(isinstance(i, dict) and isinstance(i.get("id"), dict)
                   and i.get("property") == spec["property"] for i in items)
    return isinstance(item, dict) and item.get("id") == spec["id"] and item.get("property") == spec["property"]


def _output_specs(output: str) -> list[dict]:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    specs = []
    for part in parts:
        cid, _, prop = part.rpartition(".")
        specs.append({"id": cid, "property": prop})
    return specs


def check_callback_body(body, callback_map: dict) -> str | None:
    """``None`` if ``body`` is a well-formed call of a server-side callback, else the reason."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "unknown callback output"
    entry = callback_map[output]
    if "callback" not in entry:
        return "this callback runs in the browser"
    for key in ("inputs", "state"):
        items = body.get(key, [])
        specs = entry.get(key, [])
        if not isinstance(items, list) or len(items) != len(specs):
            return f"{key} do not match the callback"
        if not all(_matches(i, s) for i, s in zip(items, specs)):
            return f"{key} do not match the callback"
    specs = _output_specs(output)
    outputs = body.get("outputs")
    if output.startswith(".."):
        if not isinstance(outputs, list) or len(outputs) != len(specs):
            return "outputs do not match the callback"
        if not all(_matches(o, s) for o, s in zip(outputs, specs)):
            return "outputs do not match the callback"
    elif not _matches(outputs, specs[0]):
        return "outputs do not match the callback"
    changed = body.get("changedPropIds", [])
    known = {f"{s['id']}.{s['property']}" for s in entry.get("inputs", [])}
    patterns = any(_is_pattern(s["id"]) for s in entry.get("inputs", []))
    if not isinstance(changed, list) or len(changed) > MAX_CHANGED:
        return "changedPropIds must be a short list"
    for prop in changed:
        if not isinstance(prop, str) or (prop not in known and not (patterns and prop.startswith("{"))):
            return "changedPropIds name an unknown input"
    return None
