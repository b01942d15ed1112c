"""Fast row iteration over DataFrame columns, for loops that build text per country."""
from __future__ import annotations

import pandas as pd


def column_rows(frame: pd.DataFrame, *names: str):
    """The named columns of ``frame``, row by row, as tuples of plain Python values.

    Iterating a pandas column boxes one value at a time (~5 us per string in pandas 3, a tenth
    of a second for a 100x-size selection); ``.tolist()`` converts each column in bulk.
    """
    return zip(*(frame[name].tolist() for name in names))
