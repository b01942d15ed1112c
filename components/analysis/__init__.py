"""Analysis views (change between rounds, policy-practice gap, compare, regions, corridors,
methodology, data table). Each module exposes a ``render_<view>(state, dataset)``; RENDERERS maps
view names to them and is merged into components.views.RENDERERS."""

RENDERERS: dict = {}
