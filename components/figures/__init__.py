"""Pure figure builders: frames in, plain plotly figure dicts out (see plain.py; no Dash).

Every colour and font comes from :mod:`components.theme`; nothing here keeps global
mutable state, so one figure per request is safe across users and workers.
"""
from .empty import empty_figure
from .geo_config import GRAPH_CONFIG, graph_config
from .map import make_map
from .uneven import make_distribution, make_status_shares, status_shares_with_world

__all__ = ["empty_figure", "GRAPH_CONFIG", "graph_config", "make_map", "make_distribution",
           "make_status_shares", "status_shares_with_world"]
