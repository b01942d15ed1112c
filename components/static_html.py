"""Serialise a tree of ``dash.html`` components to one escaped HTML string.

Why: the Dash 4 renderer costs roughly 2 ms per component in the browser. The full
implementation matrix has ~6,000 cells (~12,000 components) and took over 20 s to appear;
the same markup sent as one ``dcc.Markdown`` block renders in about 2 s. The tree stays the
tested source of truth; this module only changes how it is shipped.

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


def to_html(node) -> str:
    """HTML for ``node`` (a ``dash.html`` component, string, number, list or None)."""
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return _html.escape(str(node))
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if not isinstance(node, Component) or node._namespace != "dash_html_components":
        raise TypeError(f"only dash.html components can be serialised, not {type(node).__name__}")
    props = node.to_plotly_json()["props"]
    tag = node._type.lower()
    attrs = "".join(f' {_ATTRIBUTES.get(k, k)}="{_html.escape(str(v), quote=True)}"'
                    for k, v in props.items() if k not in _SKIP and v is not None)
    return f"<{tag}{attrs}>{to_html(props.get('children'))}</{tag}>"


def static_block(node, class_name: str = "static-html") -> dcc.Markdown:
    """``node`` as a single ``dcc.Markdown`` component holding its escaped HTML."""
    return dcc.Markdown(to_html(node), dangerously_allow_html=True, className=class_name)
