"""A figure that says why it is empty, instead of a blank chart."""
from __future__ import annotations

import plotly.graph_objects as go

from components.theme import Theme, apply_layout, get_theme

NO_MATCH = "No countries match these filters"


def empty_figure(message: str = NO_MATCH, theme: Theme | str = "light", *,
                 title: str | None = None, subtitle: str | None = None) -> go.Figure:
    """A figure with hidden axes and ``message`` centred in large type."""
    theme = get_theme(theme)
    fig = go.Figure()
    apply_layout(fig, theme, title=title, subtitle=subtitle, axis_space=False)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, showlegend=False)
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": round(theme.font_size * 1.4), "color": theme.muted_text_color},
                       name="empty-message")
    return fig
