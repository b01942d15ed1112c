"""The URL vocabulary's building blocks: a field with its default and parser, and the shared fields.

Every value a link can carry is a :class:`UrlField`. The page-wide fields (view, indicator,
year, the filters, theme, presenter mode, spotlight) are listed here in :data:`CORE_FIELDS`;
each view declares the fields it owns in its own module. :class:`components.registry.Registry`
joins them into one state class, so a field without a parser cannot exist.

Parsers never raise: each returns ``(value, problem)``, where ``value`` is None when the text
is rejected and ``problem`` is the sentence the page shows the user.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from data.vocabulary import FLAGS, Vocabulary
from data.years import LATEST

from .theme import THEME_NAMES

MAX_QUERY_LENGTH = 2000
MAX_LIST_ITEMS = 300
MAX_COMPARE = 6
#: Spotlit countries a screen can show apart (and the most a cached matrix or figure carries).
MAX_HIGHLIGHT = 20
DEFAULT_INDICATOR = "sdg10_7_2_all"

#: Parameter names used by earlier links, mapped to today's names.
OLD_NAMES = {"ind": "indicator", "yr": "year", "iso": "country", "iso3": "country", "c": "country",
             "tab": "view", "regions": "region", "obj": "objective", "income": "income_group"}

#: Values used by earlier links, per parameter.
OLD_VALUES = {"view": {"choropleth": "map", "heatmap": "matrix", "country": "profile", "inequality": "uneven"}}

Parser = Callable[[str, Vocabulary], "tuple[Any, str | None]"]


@dataclass(frozen=True)
class UrlField:
    """One link parameter: its name, its default (left out of links) and its parser."""

    name: str
    default: Any
    parse: Parser
    help: str = ""

    @property
    def is_list(self) -> bool:
        """List fields are written comma-separated."""
        return isinstance(self.default, tuple)


class StateBase:
    """Base of the generated, frozen ``FilterState`` classes (see components.registry)."""

    def with_changes(self, **changes):
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


def encode(state) -> str:
    """The query string (with leading '?', or '' for the default state) for ``state``.

    Works for any state class the registry builds: defaults are read off the class itself."""
    pairs = []
    # With objectives or principles chosen, a link without an indicator stands for the one they
    # measure (Registry.decode); so the indicator is written even when it is the default one.
    scoped = bool(getattr(state, "objective", ()) or getattr(state, "principle", ()))
    for f in fields(state):
        value = getattr(state, f.name)
        if value == f.default and not (scoped and f.name == "indicator"):
            continue
        if isinstance(f.default, tuple):
            pairs.append((f.name, ",".join(str(v) for v in value)))
        elif isinstance(value, bool):
            pairs.append((f.name, "1"))
        else:
            pairs.append((f.name, str(value)))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def short(text: str) -> str:
    """``text`` cut to 40 characters for notices (links can carry anything)."""
    return text if len(text) <= 40 else text[:37] + "…"


def choice(name: str, allowed_of: Callable[[Vocabulary], Any]) -> Parser:
    """A parser accepting one of ``allowed_of(vocab)``, case-insensitively."""
    def parse(value: str, vocab: Vocabulary):
        value_l = OLD_VALUES.get(name, {}).get(value.lower(), value)
        for option in allowed_of(vocab):
            if str(option).lower() == str(value_l).lower():
                return option, None
        return None, f"“{short(value)}” is not a known {name.replace('_', ' ')}; using the default."
    return parse


def many(name: str, allowed_of: Callable[[Vocabulary], Any], convert=str, limit: int | None = None) -> Parser:
    """A parser for a comma-separated list; unknown items are dropped and named, and at most
    ``limit`` are kept (saying so)."""
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
                    + ", ".join(short(d) for d in dropped[:5]) + ("…" if len(dropped) > 5 else "") + ".")
        unique = tuple(dict.fromkeys(convert(k) for k in kept))
        if limit is not None and len(unique) > limit:
            unique = unique[:limit]
            note = ((note + " ") if note else "") + (f"The spotlight shows at most {limit} countries; "
                                                      f"the first {limit} are kept.")
        return unique, note
    return parse


def yes_no(name: str) -> Parser:
    """A parser for an on/off switch."""
    def parse(value: str, vocab: Vocabulary):
        if value.lower() in ("1", "true", "yes", "on"):
            return True, None
        if value.lower() in ("0", "false", "no", "off", ""):
            return False, None
        return None, f"“{short(value)}” is not yes or no for {name}; ignored."
    return parse


def parse_year(value: str, vocab: Vocabulary):
    """A year with data, or the latest available."""
    if value.lower() in (LATEST, "", "last"):
        return LATEST, None
    if value.isdigit() and int(value) in vocab.years:
        return value, None
    return None, f"“{short(value)}” is not a year in the data; showing the latest available."


def parse_countries(value: str, vocab: Vocabulary):
    """Up to :data:`MAX_COMPARE` countries, in the order given."""
    countries, note = many("country to compare", lambda v: v.countries)(value, vocab)
    if len(countries) > MAX_COMPARE:
        note = ((note + " " if note else "")
                + f"At most {MAX_COMPARE} countries can be compared; kept the first {MAX_COMPARE}.")
        countries = countries[:MAX_COMPARE]
    return countries, note


#: The page-wide fields, in link order. The view field's parser is set by the registry.
CORE_FIELDS = (
    UrlField("indicator", DEFAULT_INDICATOR, choice("indicator", lambda v: v.indicators)),
    UrlField("year", LATEST, parse_year),
    UrlField("region", (), many("region", lambda v: v.regions)),
    UrlField("subregion", (), many("subregion", lambda v: v.subregions)),
    UrlField("commission", (), many("commission", lambda v: v.commissions)),
    UrlField("income_group", (), many("income group", lambda v: v.income_groups)),
    UrlField("flag", (), many("flag", lambda v: FLAGS)),
    UrlField("champion", False, yes_no("the Champion filter")),
    UrlField("objective", (), many("objective", lambda v: v.objectives, int)),
    UrlField("principle", (), many("principle", lambda v: v.principles, int)),
    UrlField("country", "", choice("country", lambda v: v.countries)),
    UrlField("theme", "light", choice("theme", lambda v: THEME_NAMES)),
    UrlField("highlight", (), many("highlight", lambda v: v.countries, limit=MAX_HIGHLIGHT)),
    UrlField("presenter", False, yes_no("presenter mode")),
)
