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
)
