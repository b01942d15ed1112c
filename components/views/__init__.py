"""The dashboard's views, in navigation order: one module per view, one line per view here.

Each module declares a ``VIEW`` (components.view_kit.View). Labels, renderers, option panels,
URL fields, control wiring and the tests' list of views are all derived from :data:`REGISTRY`.
"""
from components.registry import Registry

from . import change, compare, corridors, gap, matrix, methodology, profile, regions, table, uneven, world_map

REGISTRY = Registry((
    world_map.VIEW,
    matrix.VIEW,
    uneven.VIEW,
    profile.VIEW,
    change.VIEW,
    gap.VIEW,
    compare.VIEW,
    regions.VIEW,
    corridors.VIEW,
    table.VIEW,
    methodology.VIEW,
))
