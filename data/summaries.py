"""Plain-language sentences computed from the frames: chart captions and text alternatives.

Every number is counted from the frames passed in. Missing data is counted and stated,
never filled. No Dash imports: these are strings.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .frames import column_rows
from .formatting import areas_noun, format_value, rounds_phrase
from .labels import ORDINAL_VERBS, topic_phrase
from .status import ORDINAL_CATEGORIES, bands_of, status_labels, status_of
from .years import LATEST

_ORDINAL_BY_LABEL = {label: n for n, label in ORDINAL_CATEGORIES.items()}


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


#: Up to this many distinct years, a "latest" sentence says how many values come from each
#: (the two 10.7.2 rounds); beyond, it gives the span, which stays readable.
MAX_LISTED_YEARS = 3


def _years_phrase(values: pd.DataFrame, year_label) -> str:
    """"in 2021"; for latest values "latest data: 49 from 2019 and 89 from 2021" (few years) or
    "latest data 2011-2021", computed from the years actually present."""
    if str(year_label) != LATEST:
        return f"in {year_label}"
    years = values["year"].dropna().astype(int) if "year" in values else pd.Series(dtype=int)
    if years.empty:
        return "latest data"
    low, high = int(years.min()), int(years.max())
    if low == high:
        return f"latest data {low}"
    if years.nunique() <= MAX_LISTED_YEARS:
        return f"latest data: {rounds_phrase(years)}"
    return f"latest data {low}-{high}"


def _reported(values: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    rows = values[values["indicator_id"] == indicator_id]
    return rows[rows["value"].notna()]


def _status_phrase(indicator: pd.Series, label: str, count: int) -> str:
    """"14 fully met", or "9 were in the band 'Below 3% target'" for non-ordinal bands."""
    if label in _ORDINAL_BY_LABEL and indicator["kind"] == "ordinal_1_4":
        return f"{count} {ORDINAL_VERBS[_ORDINAL_BY_LABEL[label]]}"
    return f"{count} {_was(count)} in the band \u201c{label}\u201d"


def share_sentence(shares: pd.DataFrame, indicator: pd.Series, year, group: str | None = None,
                   values: pd.DataFrame | None = None) -> str:
    """Best and worst status counts from a :func:`data.queries.status_shares` frame.

    Counts are summed over every group in ``shares`` unless ``group`` picks one. For "latest"
    values, pass the ``values`` the shares were counted from (iso3, indicator_id, year, value) and
    the sentence says how many come from each round.
    """
    # Plain Python over the (few dozen) share rows: pandas' per-call overhead dominated here.
    reporting_by_group, counts = {}, Counter()
    for ind, grp, status, count, reporting in column_rows(shares, "indicator_id", "group", "status",
                                                          "count", "reporting"):
        if ind == indicator["indicator_id"] and (group is None or grp == group):
            reporting_by_group.setdefault(grp, int(reporting))
            counts[status] += int(count)
    topic = topic_phrase(indicator)
    when = "In the latest data" if str(year) == LATEST else f"In {year}"
    if not counts:
        return f"{when}, no country reported a status for {topic}."
    reporting = sum(reporting_by_group.values())
    labels = status_labels(indicator)
    worst, best = labels[0], labels[-1]
    n_best, n_worst = int(counts.get(best, 0)), int(counts.get(worst, 0))
    where = f" in {group}" if group else ""
    if indicator["kind"] == "ordinal_1_4":
        head = (f"{when}, {n_best} of {_plural(reporting, 'reporting country', 'reporting countries')}"
                f"{where} {ORDINAL_VERBS[4]} {topic}")
    else:
        head = (f"{when}, {n_best} of {_plural(reporting, 'reporting country', 'reporting countries')}"
                f"{where} {_was(n_best)} in the band \u201c{best}\u201d for {topic}")
    mix = ""
    if values is not None and str(year) == LATEST:
        years = _reported(values, indicator["indicator_id"])["year"]
        if years.nunique() > 1:
            mix = f" (the latest values mix rounds: {rounds_phrase(years)})"
    return f"{head}; {_status_phrase(indicator, worst, n_worst)}{mix}."


def series_overview_sentence(shares: pd.DataFrame, indicators: pd.DataFrame, year,
                             values: pd.DataFrame | None = None) -> str:
    """One sentence over several ordinal series side by side (the seven 10.7.2 series): how many
    countries report, and which series has the most and the fewest countries fully meeting it.

    Counts only, per series; nothing is added up across series. ``shares`` is a
    :func:`data.queries.status_shares` frame, ``indicators`` the catalogue rows shown.
    """
    best_label = ORDINAL_CATEGORIES[4]
    per_series = {}
    for ind, status, count, reporting, grp in column_rows(shares, "indicator_id", "status", "count",
                                                          "reporting", "group"):
        entry = per_series.setdefault(ind, {"best": 0, "reporting": {}})
        entry["reporting"].setdefault(grp, int(reporting))
        if status == best_label:
            entry["best"] += int(count)
    rows = [(indicators.loc[i], e["best"], sum(e["reporting"].values()))
            for i, e in per_series.items() if i in indicators.index and sum(e["reporting"].values())]
    when = "In the latest data" if str(year) == LATEST else f"In {year}"
    if not rows:
        return f"{when}, no country reported a status for these series."
    share = {r[0].name: r[1] / r[2] for r in rows}
    counts = {r[0].name: f"{r[1]} of {r[2]}" for r in rows}
    ranked = sorted(share, key=share.get)

    def named(ids) -> str:  # every series tied at that share, each with its count
        return " and ".join(f"{topic_phrase(indicators.loc[i])} ({counts[i]})" for i in ids)

    most = [i for i in ranked if share[i] == share[ranked[-1]]]
    fewest = [i for i in ranked if share[i] == share[ranked[0]]]
    reporting = sorted({r[2] for r in rows})
    how_many = (f"{reporting[0]} countries report" if len(reporting) == 1
                else f"{reporting[0]} to {reporting[-1]} countries report")
    mix = ""
    if values is not None and str(year) == LATEST:
        rounds = sorted(int(y) for y in values["year"].dropna().unique())
        if len(rounds) > 1:
            mix = f" (latest values mix the {', '.join(map(str, rounds[:-1]))} and {rounds[-1]} rounds)"
    return (f"{when}, {how_many} on each of these {len(rows)} series{mix}. The most countries fully meet "
            f"{named(most)}; the fewest, {named(fewest)}.")


def distribution_sentence(values: pd.DataFrame, medians: pd.DataFrame, indicator: pd.Series,
                          year_label=LATEST) -> str:
    """The world median and reporting count; for banded indicators, how many meet the target.

    ``values`` is a values frame (iso3, indicator_id, year, value); ``medians`` comes from
    :func:`data.queries.group_medians` over the same values (its ``World`` row is used).
    """
    ind_id = indicator["indicator_id"]
    rows = _reported(values, ind_id)
    topic = topic_phrase(indicator)
    when = _years_phrase(rows, year_label)
    n = int(rows["iso3"].nunique())
    if n == 0:
        return f"No country reports {topic} ({when})."
    world = medians[(medians["indicator_id"] == ind_id) & (medians["group"] == "World")]
    median = float(world["median"].iloc[0]) if not world.empty else float(rows["value"].median())
    what = "median score for" if indicator["kind"] == "ordinal_1_4" else "median of"
    scale = " of 4" if indicator["kind"] == "ordinal_1_4" else ""
    text = (f"Across {_plural(n, 'reporting country', 'reporting countries')}, the {what} {topic} "
            f"was {format_value(median, indicator)}{scale} ({when})")
    bands = bands_of(indicator)
    if bands is not None:
        best = bands.labels[0]
        hits = sum(status_of(indicator, v) == best for v in rows["value"])
        text += f"; {hits} {_was(hits)} in the band \u201c{best}\u201d"
    elif indicator["kind"] == "ordinal_1_4":
        fully = int((rows["value"] == 4).sum())
        text += f"; {fully} {ORDINAL_VERBS[4]} it"
    return text + "."


def map_sentence(values: pd.DataFrame, indicator: pd.Series, countries: pd.DataFrame,
                 year_label=LATEST) -> str:
    """A text alternative for the map: counts per status (or the value range) and the no-data count.

    ``countries`` is the filtered country table the map shows; values outside it are ignored.
    """
    rows = _reported(values, indicator["indicator_id"])
    rows = rows[rows["iso3"].isin(countries.index)].drop_duplicates("iso3")
    topic = topic_phrase(indicator)
    shown, n = len(countries), len(rows)
    # The country table holds territories too (Réunion, Western Sahara): "countries and areas".
    head = (f"Map of {topic} ({_years_phrase(rows, year_label)}): "
            f"{n} of {areas_noun(shown)} shown have data")
    if n == 0:
        return head + "."
    labels = status_labels(indicator)
    if labels:
        # One status per distinct value (a handful), not one per country.
        found = Counter()
        for value, count in rows["value"].value_counts().items():
            found[status_of(indicator, float(value))] += int(count)
        parts = [f"{label}: {found[label]}" for label in reversed(labels)]
        body = "; ".join(parts)
    else:
        low, high = rows.loc[rows["value"].idxmin()], rows.loc[rows["value"].idxmax()]
        name = countries["name"]
        body = (f"values range from {format_value(low['value'], indicator)} ({name[low['iso3']]}) "
                f"to {format_value(high['value'], indicator)} ({name[high['iso3']]}), "
                f"median {format_value(float(rows['value'].median()), indicator)}")
    return f"{head}; {body}; {areas_noun(shown - n)} {'has' if shown - n == 1 else 'have'} no data."


def change_sentence(change: pd.DataFrame, indicator: pd.Series, *,
                    observations: pd.DataFrame | None = None, from_year: int = 2019,
                    to_year: int = 2021) -> str:
    """Improved / same / declined counts from :func:`data.queries.round_change`.

    Pass the (equally filtered) ``observations`` to also state how many countries reported
    only one of the two rounds; ``round_change`` drops them, so they cannot be counted from it.
    """
    counts = change["direction"].value_counts() if not change.empty else pd.Series(dtype=int)
    both = len(change)
    topic = topic_phrase(indicator)
    if both == 0:
        text = f"No country reported both the {from_year} and {to_year} rounds of {topic}"
    else:
        text = (f"Of {_plural(both, 'country', 'countries')} with both rounds of {topic}, "
                f"{int(counts.get('improved', 0))} improved, {int(counts.get('same', 0))} stayed the same "
                f"and {int(counts.get('declined', 0))} declined")
    if observations is not None:
        rows = observations[(observations["indicator_id"] == indicator["indicator_id"])
                            & observations["year"].isin([from_year, to_year])
                            & observations["value"].notna()]
        once = int((rows.groupby("iso3")["year"].nunique() == 1).sum())
        text += f"; {once} reported only once and {'is' if once == 1 else 'are'} left out"
    return text + "."


def profile_sentence(name: str, rows: pd.DataFrame, headline_id: str = "sdg10_7_2_all") -> str:
    """One sentence on a country's coverage and headline status, from :func:`data.profile_data.profile_rows`."""
    have = rows[rows["value"].notna()]
    total = len(rows)
    if have.empty:
        return f"No indicator values are published for {name} in the shipped dataset."
    text = f"{name} has data for {len(have)} of {_plural(total, 'indicator')}"
    head = have[have["indicator_id"] == headline_id]
    if not head.empty and head["status"].iloc[0]:
        row = head.iloc[0]
        text += (f"; in {int(row['year'])} its migration policies across all six domains (SDG 10.7.2) "
                 f"were rated \u201c{row['status']}\u201d")
    elif headline_id in set(rows["indicator_id"]):
        text += "; no SDG 10.7.2 all-domains rating is available for this selection"
    return text + "."
