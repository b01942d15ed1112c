"""Analysis views (change between rounds, policy-practice gap, compare, regions, corridors,
methodology, data table). Each module exposes a ``render_<view>(state, dataset)``; RENDERERS maps
view names to them and is merged into components.views.RENDERERS."""
from .change import render_change
from .compare import render_compare
from .corridors import render_corridors
from .gap import render_gap
from .methodology import render_methodology
from .regions import render_regions
from .table import render_table

RENDERERS: dict = {
    "change": render_change, "gap": render_gap, "compare": render_compare, "regions": render_regions,
    "corridors": render_corridors, "table": render_table, "methodology": render_methodology,
}
