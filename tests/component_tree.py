"""Read rendered component trees the way a person reads the page: by id, type and visible text.

Callback responses and ``to_plotly_json()`` both give nested ``{"type", "namespace", "props"}``
dicts. Asserting on these, rather than on substrings of a JSON dump, says what is meant: "the
summary says X", "the notice names Y", and fails with the part of the page that differs.
"""
from __future__ import annotations

from collections.abc import Iterator


def plain(node):
    """A component tree (Dash components or their JSON) as plain dicts and lists."""
    if hasattr(node, "to_plotly_json"):
        node = node.to_plotly_json()
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [plain(v) for v in node]
    return node


def walk(node) -> Iterator[dict]:
    """Every component in the tree, depth first."""
    node = plain(node)
    if isinstance(node, list):
        for child in node:
            yield from walk(child)
    elif isinstance(node, dict):
        if "props" in node and "type" in node:
            yield node
            yield from walk(node["props"].get("children"))
        else:  # a response: {"output-id": {"prop": value}}
            for value in node.values():
                yield from walk(value)


def by_id(tree, component_id: str) -> dict:
    """The one component with ``component_id`` (fails when there is none or several)."""
    found = [c for c in walk(tree) if c["props"].get("id") == component_id]
    assert len(found) == 1, f"{len(found)} components with id {component_id!r}"
    return found[0]


def of_type(tree, type_name: str) -> list[dict]:
    """Every component of one type ("Graph", "P", "AgGrid", …)."""
    return [c for c in walk(tree) if c["type"] == type_name]


def text(tree) -> str:
    """The visible text of the tree, children in order, separated by spaces."""
    node = plain(tree)
    if isinstance(node, str):
        return node
    if isinstance(node, (int, float)):
        return str(node)
    if isinstance(node, list):
        return " ".join(t for t in (text(c) for c in node) if t)
    if isinstance(node, dict) and "props" in node:
        return text(node["props"].get("children"))
    if isinstance(node, dict):
        return " ".join(t for t in (text(v) for v in node.values()) if t)
    return ""


def links(tree) -> list[str]:
    """The href of every link."""
    return [c["props"]["href"] for c in walk(tree) if c["type"] == "A" and c["props"].get("href")]
