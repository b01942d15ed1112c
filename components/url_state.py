"""FilterState <-> URL query string. Pure, round-trip tested, tolerant of junk and old links.

Defaults are left out of the query string so links stay short. Decoding never raises:
every unknown or malformed parameter falls back to its default and adds a notice that the
page shows to the user.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from urllib.parse import parse_qsl, urlencode

from data.vocabulary import FLAGS, Vocabulary

from .view_names import VIEWS

SORTS = ("region", "name", "status")
THEMES = ("light", "dark", "projector")
CORRIDOR_ROLES = ("sending", "receiving")
POLICY_INDICATORS = ("sdg10_7_2_all", "sdg10_7_2_pd1", "sdg10_7_2_pd2", "sdg10_7_2_pd3",
                     "sdg10_7_2_pd4", "sdg10_7_2_pd5", "sdg10_7_2_pd6")
MAX_COMPARE = 6
UNEVEN_MODES = ("indicator", "all")
DEFAULT_INDICATOR = "sdg10_7_2_all"
LATEST = "latest"
MAX_QUERY_LENGTH = 2000
MAX_LIST_ITEMS = 300
#: Spotlit countries a screen can show apart (and the most a cached matrix or figure carries).
MAX_HIGHLIGHT = 20

#: Parameter names used by earlier links, mapped to today's names.
OLD_NAMES = {"ind": "indicator", "yr": "year", "iso": "country", "iso3": "country", "c": "country",
             "tab": "view", "regions": "region", "obj": "objective", "income": "income_group"}

#: Values used by earlier links, per parameter.
OLD_VALUES = {"view": {"choropleth": "map", "heatmap": "matrix", "country": "profile", "inequality": "uneven"}}


@dataclass(frozen=True)
class FilterState:
    """Everything a link restores: the view, its indicator and year, every filter, the country."""

    view: str = "map"
    indicator: str = DEFAULT_INDICATOR
    year: str = LATEST
    region: tuple[str, ...] = ()
    subregion: tuple[str, ...] = ()
    commission: tuple[str, ...] = ()
    income_group: tuple[str, ...] = ()
    flag: tuple[str, ...] = ()
    champion: bool = False
    objective: tuple[int, ...] = ()
    principle: tuple[int, ...] = ()
    country: str = ""
    sort: str = "region"
    uneven: str = "indicator"
    theme: str = "light"
    highlight: tuple[str, ...] = ()
    presenter: bool = False
    compare: tuple[str, ...] = ()
    policy: str = "sdg10_7_2_all"
    outcome: str = "sdg10_c_1_cost_to_receiving"
    since: str = ""
    corridor_role: str = "sending"

    def with_changes(self, **changes) -> "FilterState":
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


DEFAULT_STATE = FilterState()
_LIST_FIELDS = {f.name for f in fields(FilterState) if f.type.startswith("tuple")}


def encode(state: FilterState) -> str:
    """The query string (with leading '?', or '' for the default state) for ``state``."""
    pairs = []
    for f in fields(FilterState):
        value = getattr(state, f.name)
        if value == getattr(DEFAULT_STATE, f.name):
            continue
        if f.name in _LIST_FIELDS:
            pairs.append((f.name, ",".join(str(v) for v in value)))
        elif isinstance(value, bool):
            pairs.append((f.name, "1"))
        else:
            pairs.append((f.name, str(value)))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def decode(query: str | None, vocab: Vocabulary) -> tuple[FilterState, list[str]]:
    """Parse a query string into a valid state plus human notices for whatever was dropped."""
    notices: list[str] = []
    if not isinstance(query, str):  # callbacks pass browser input through: anything may arrive
        query = ""
    text = query.lstrip("?")
    if len(text) > MAX_QUERY_LENGTH:
        return DEFAULT_STATE, ["The link was too long to read, so the default view is shown."]
    raw: dict[str, str] = {}
    for key, value in parse_qsl(text, keep_blank_values=True):
        key = OLD_NAMES.get(key.strip().lower(), key.strip().lower())
        raw[key] = value.strip()
    changes: dict = {}
    for key, value in raw.items():
        parser = _PARSERS.get(key)
        if parser is None:
            notices.append(f"Ignored unknown link setting “{_short(key)}”.")
            continue
        parsed, problem = parser(value, vocab)
        if problem:
            notices.append(problem)
        if parsed is not None:
            changes[key] = parsed
    state = replace(DEFAULT_STATE, **changes)
    state, year_note = _check_year(state, vocab)
    if year_note:
        notices.append(year_note)
    if state.view == "profile" and not state.country:
        notices.append("The country profile needs a country; showing the map instead.")
        state = replace(state, view="map")
    return state, notices


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _choice(name: str, allowed_of):
    def parse(value: str, vocab: Vocabulary):
        value_l = OLD_VALUES.get(name, {}).get(value.lower(), value)
        allowed = allowed_of(vocab)
        for option in allowed:
            if str(option).lower() == str(value_l).lower():
                return option, None
        return None, f"“{_short(value)}” is not a known {name.replace('_', ' ')}; using the default."
    return parse


def _many(name: str, allowed_of, convert=str, limit: int | None = None):
    def parse(value: str, vocab: Vocabulary):
        allowed = {str(a).lower(): a for a in allowed_of(vocab)}
        items = [v.strip() for v in value.split(",") if v.strip()][:MAX_LIST_ITEMS]
        kept, dropped = [], []
        for item in items:
            match = allowed.get(item.lower())
            (kept if match is not None else dropped).append(match if match is not None else item)
        note = None
        if dropped:
            note = (f"Ignored unknown {name.replace('_', ' ')} value(s): "
                    + ", ".join(_short(d) for d in dropped[:5]) + ("…" if len(dropped) > 5 else "") + ".")
        unique = tuple(dict.fromkeys(convert(k) for k in kept))
        if limit is not None and len(unique) > limit:
            unique = unique[:limit]
            note = ((note + " ") if note else "") + (f"The spotlight shows at most {limit} countries; "
                                                      f"the first {limit} are kept.")
        return unique, note
    return parse


def _bool_of(name: str):
    def parse(value: str, vocab: Vocabulary):
        if value.lower() in ("1", "true", "yes", "on"):
            return True, None
        if value.lower() in ("0", "false", "no", "off", ""):
            return False, None
        return None, f"“{_short(value)}” is not yes or no for {name}; ignored."
    return parse


def _since(value: str, vocab: Vocabulary):
    if value == "" or (value.isdigit() and int(value) in vocab.years):
        return value, None
    return None, f"“{_short(value)}” is not a year in the data for the time window; ignored."


def _compare(value: str, vocab: Vocabulary):
    countries, note = _many("country to compare", lambda v: v.countries)(value, vocab)
    if len(countries) > MAX_COMPARE:
        note = (note + " " if note else "") + f"At most {MAX_COMPARE} countries can be compared; kept the first {MAX_COMPARE}."
        countries = countries[:MAX_COMPARE]
    return countries, note


def _year(value: str, vocab: Vocabulary):
    if value.lower() in (LATEST, "", "last"):
        return LATEST, None
    if value.isdigit() and int(value) in vocab.years:
        return value, None
    return None, f"“{_short(value)}” is not a year in the data; showing the latest available."


def _check_year(state: FilterState, vocab: Vocabulary):
    if state.year == LATEST or int(state.year) in vocab.years_for(state.indicator):
        return state, None
    return replace(state, year=LATEST), (f"{state.indicator} has no data for {state.year}; "
                                         "showing the latest available.")


_PARSERS = {
    "view": _choice("view", lambda v: VIEWS),
    "indicator": _choice("indicator", lambda v: v.indicators),
    "year": _year,
    "region": _many("region", lambda v: v.regions),
    "subregion": _many("subregion", lambda v: v.subregions),
    "commission": _many("commission", lambda v: v.commissions),
    "income_group": _many("income group", lambda v: v.income_groups),
    "flag": _many("flag", lambda v: FLAGS),
    "champion": _bool_of("the Champion filter"),
    "presenter": _bool_of("presenter mode"),
    "compare": _compare,
    "policy": _choice("policy measure", lambda v: POLICY_INDICATORS),
    "outcome": _choice("outcome indicator", lambda v: v.indicators),
    "since": _since,
    "corridor_role": _choice("corridor role", lambda v: CORRIDOR_ROLES),
    "objective": _many("objective", lambda v: v.objectives, int),
    "principle": _many("principle", lambda v: v.principles, int),
    "country": _choice("country", lambda v: v.countries),
    "sort": _choice("sort", lambda v: SORTS),
    "uneven": _choice("uneven", lambda v: UNEVEN_MODES),
    "theme": _choice("theme", lambda v: THEMES),
    "highlight": _many("highlight", lambda v: v.countries, limit=MAX_HIGHLIGHT),
}
