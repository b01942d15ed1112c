"""A figure that says why it is empty, instead of a blank chart."""
from __future__ import annotations

from components.theme import Theme, get_theme, layout_dict

from .plain import FigureDict, figure

NO_MATCH = "No countries match these filters"


def empty_figure(message: str = NO_MATCH, theme: Theme | str = "light", *,
                 title: str | None = None, subtitle: str | None = None) -> FigureDict:
    """A figure with hidden axes and ``message`` centred in large type."""
    theme = get_theme(theme)
    note = dict(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                font={"size": round(theme.font_size * 1.4), "color": theme.muted_text_color},
                name="empty-message")
    layout = layout_dict([], theme, title=title, subtitle=subtitle, axis_space=False, annotations=[note],
                         extra={"xaxis": {"visible": False}, "yaxis": {"visible": False}, "showlegend": False})
    return figure([], layout)
