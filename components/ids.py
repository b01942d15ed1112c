"""Every component id in one place, so layout, callbacks and tests agree."""

URL = "url"
PAGE = "page"
NOTICE = "link-notice"
CONTENT = "view-content"
VIEW_TABS = "view-tabs"
COPY_LINK = "copy-link"
COPY_STATUS = "copy-link-status"
RESET = "reset-filters"
SUMMARY = "view-summary"

INDICATOR = "filter-indicator"
YEAR = "filter-year"
REGION = "filter-region"
SUBREGION = "filter-subregion"
COMMISSION = "filter-commission"
INCOME = "filter-income"
FLAG = "filter-flag"
CHAMPION = "filter-champion"
OBJECTIVE = "filter-objective"
PRINCIPLE = "filter-principle"
COUNTRY = "filter-country"
SORT = "matrix-sort"
UNEVEN_MODE = "uneven-mode"
THEME = "theme-switch"
PRESENTER = "presenter-toggle"
HIGHLIGHT = "spotlight-countries"
SLIDES = "slides-panel"
PRESENTER_BAR = "presenter-bar"

MAP_GRAPH = "map-graph"
UNEVEN_GRAPH = "uneven-graph"
MATRIX = "matrix-table"
MATRIX_DONE = "matrix-loaded"
PROFILE = "country-profile"

#: Option panels shown only on their view: view name -> container id.
VIEW_PANELS = {
    "matrix": "matrix-options",
    "uneven": "uneven-options",
}

#: Filter controls in the order the sync callback lists them (and FilterState field they feed).
FILTER_CONTROLS = (
    (INDICATOR, "indicator"),
    (YEAR, "year"),
    (REGION, "region"),
    (SUBREGION, "subregion"),
    (COMMISSION, "commission"),
    (INCOME, "income_group"),
    (FLAG, "flag"),
    (CHAMPION, "champion"),
    (OBJECTIVE, "objective"),
    (PRINCIPLE, "principle"),
    (COUNTRY, "country"),
    (SORT, "sort"),
    (UNEVEN_MODE, "uneven"),
    (THEME, "theme"),
    (PRESENTER, "presenter"),
    (HIGHLIGHT, "highlight"),
)

# Analysis views (change, gap, compare, regions, corridors, table, methodology).
CHANGE_POLICY = "change-policy"
CHANGE_COMPARE = "change-compare"
GAP_POLICY = "gap-policy"
GAP_OUTCOME = "gap-outcome"
GAP_SINCE = "gap-since"
GAP_COMPARE = "gap-compare"
COMPARE_COUNTRIES = "compare-countries"
REGIONS_POLICY = "regions-policy"
CORRIDOR_ROLE = "corridor-role"
CORRIDOR_COUNTRY = "corridor-country"
DOWNLOAD_DISPLAYED = "download-displayed"
DOWNLOAD_FULL = "download-full"
DOWNLOAD_STATUS = "download-status"
CHANGE_GRAPH = "change-graph"
CHANGE_COUNTS = "change-counts"
CHANGE_SERIES_GRAPH = "change-series-graph"
CHANGE_MAP_GRAPH = "change-map-graph"
GAP_GRAPH = "gap-graph"
COMPARE_GRAPH = "compare-graph"
REGIONS_GRAPH = "regions-graph"
COMMISSION_GRAPH = "commission-graph"
CORRIDOR_GRAPH = "corridor-graph"
DATA_TABLE = "data-table"
METHODOLOGY = "methodology"

VIEW_PANELS.update({
    "change": "change-options", "gap": "gap-options", "compare": "compare-options",
    "regions": "regions-options", "corridors": "corridors-options", "table": "table-options",
})
# Several controls may feed one field (each panel has its own); the one operated wins.
FILTER_CONTROLS = FILTER_CONTROLS + (
    (CHANGE_POLICY, "policy"), (CHANGE_COMPARE, "compare"),
    (GAP_POLICY, "policy"), (GAP_OUTCOME, "outcome"), (GAP_SINCE, "since"), (GAP_COMPARE, "compare"),
    (COMPARE_COUNTRIES, "compare"), (REGIONS_POLICY, "policy"),
    (CORRIDOR_ROLE, "corridor_role"), (CORRIDOR_COUNTRY, "country"),
)
