"""Where the shipped data lives. A leaf module: the readers and the loader both need it, and
neither may import the other for it (that was the data.load <-> data.readers import cycle)."""
from __future__ import annotations

from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parent / "sources"
