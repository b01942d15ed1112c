"""Ids of the page shell and the page-wide controls; each view declares its own in its module."""

URL = "url"
#: The controls write the address through this second location, so the view (which reads URL)
#: never waits for the controls on a first load; see components/callbacks.py.
URL_WRITE = "url-write"
PAGE = "page"
NOTICE = "link-notice"
CONTENT = "view-content"
VIEW_TABS = "view-tabs"
COPY_LINK = "copy-link"
COPY_STATUS = "copy-link-status"
RESET = "reset-filters"
SUMMARY = "view-summary"
FRAGMENTS_DONE = "fragments-loaded"  # dummy output of the fragment loader

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
THEME = "theme-switch"
PRESENTER = "presenter-toggle"
HIGHLIGHT = "spotlight-countries"
SLIDES = "slides-panel"
PRESENTER_BAR = "presenter-bar"
MENU_TOGGLE = "banner-menu-toggle"  # phones: folds the banner's actions
BANNER_ACTIONS = "banner-actions"
FILTERS_TOGGLE = "filters-toggle"  # phones: opens the sidebar as a drawer
FILTERS_CLOSE = "filters-close"
SIDEBAR = "sidebar"
