"""Type sizes for dense chart text on a projected screen."""
from __future__ import annotations

from components.theme import Theme

#: Smallest text on a projected chart (px): presentation rule for projector and presenter modes.
PROJECTED_MIN = 18


def projected_size(theme: Theme) -> int:
    """Font size for dense chart text (segment counts, row labels): a little below the theme's size,
    never under :data:`PROJECTED_MIN` on the projector theme."""
    if theme.name == "projector":
        return max(PROJECTED_MIN, theme.font_size - 4)
    return theme.font_size
