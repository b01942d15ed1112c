"""dash-ag-grid's bundle (1.3 MB, 0.32 MB compressed) loads when a data table first renders.

Dash puts the main bundle of every imported component library into every page, as a blocking
script, although only the data table view uses AG Grid. ``load_grid_on_demand`` marks that bundle
``async: "lazy"`` in the library's resource list: Dash's own flag for a file that is registered
and served but left out of the page. assets/lazy_grid.js stands in for ``dash_ag_grid.AgGrid``
until then: on its first render it fetches the real bundle from the same URL and draws the real
grid with the same props.
"""
from __future__ import annotations

import dash_ag_grid

#: The library's main bundle, as named in its resource list.
MAIN_BUNDLE = "dash_ag_grid.min.js"


def load_grid_on_demand() -> None:
    """Leave dash-ag-grid's main bundle out of the page (idempotent; process-wide, as Dash's
    resource lists are). Fails loudly if a new dash-ag-grid renames the bundle."""
    # _js_dist is the documented place where a Dash component library lists its files.
    bundles = [r for r in dash_ag_grid._js_dist if r.get("relative_package_path") == MAIN_BUNDLE]
    if not bundles:
        raise RuntimeError(f"dash-ag-grid {dash_ag_grid.__version__} has no {MAIN_BUNDLE}: "
                           "update components/grid_loading.py and assets/lazy_grid.js")
    for bundle in bundles:
        bundle["async"] = "lazy"
