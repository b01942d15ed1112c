"""Static HTML: serialise ``dash.html`` components or light :class:`Element` trees to one
escaped HTML string.

Why: the Dash 4 renderer costs roughly 2 ms per component in the browser. The full
implementation matrix has ~6,000 cells (~12,000 components) and took over 20 s to appear;
the same markup sent as static HTML renders in about 2 s. Building the matrix as Dash
components on the server also cost ~160 ms (their constructors check every prop), so it is
built from :class:`Element`, which holds the same props for a fraction of that.

Every text node and attribute value is HTML-escaped, so data (country names from user
files, for instance) cannot inject markup even though the Markdown block allows raw HTML.
"""
from __future__ import annotations

import html as _html

from dash import dcc
from dash.development.base_component import Component

#: React prop names that differ from their HTML attribute names.
_ATTRIBUTES = {"className": "class", "colSpan": "colspan", "rowSpan": "rowspan",
               "tabIndex": "tabindex", "htmlFor": "for"}
#: Props that exist only for Dash and have no meaning in static HTML.
_SKIP = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "style"}


class Element:
    """One HTML element: ``tag``, ``children`` and props named as ``dash.html`` names them
    (``className``, ``colSpan``, ``aria-label``), readable as attributes like a component's."""

    __slots__ = ("tag", "children", "props")

    def __init__(self, tag: str, children=None, **props):
        self.tag, self.children, self.props = tag, children, props

    def __getattr__(self, name: str):
        try:
            return self.props[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Element({self.tag!r}, {self.children!r}, **{self.props!r})"


def _attributes(props: dict) -> str:
    return "".join(f' {_ATTRIBUTES.get(k, k)}="{_html.escape(str(v), quote=True)}"'
                   for k, v in props.items() if k not in _SKIP and v is not None)


def _component_props(node: Component) -> dict:
    """The props set on a component, in a stable order (declared props, then data-/aria-).

    A component keeps its set props in its instance dict; reading them there is ~8x cheaper
    than ``to_plotly_json()``, which matters for big tables.
    """
    held = vars(node)
    named = [k for k in node._prop_names if k in held]
    wildcard = sorted(k for k in held if k.startswith(("data-", "aria-")))
    return {k: held[k] for k in named + wildcard}


def to_html(node) -> str:
    """HTML for ``node`` (an :class:`Element`, a ``dash.html`` component, a string, number,
    list or None); every text and attribute value escaped."""
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return _html.escape(str(node))
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if isinstance(node, Element):
        return f"<{node.tag}{_attributes(node.props)}>{to_html(node.children)}</{node.tag}>"
    if not isinstance(node, Component) or node._namespace != "dash_html_components":
        raise TypeError(f"only dash.html components can be serialised, not {type(node).__name__}")
    tag = node._type.lower()
    props = _component_props(node)
    return f"<{tag}{_attributes(props)}>{to_html(props.get('children'))}</{tag}>"


def static_block(node, class_name: str = "static-html") -> dcc.Markdown:
    """``node`` as a single ``dcc.Markdown`` component holding its escaped HTML."""
    return dcc.Markdown(to_html(node), dangerously_allow_html=True, className=class_name)
