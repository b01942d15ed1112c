"""Pure data preparation for the country profile: classifications and per-indicator rows.

No Dash imports, so the profile's numbers are unit-testable apart from its layout.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import queries
from .dataset_index import index_of
from .formatting import format_value, is_missing, nature_text
from .labels import short_label
from .model import Dataset
from .selection import year_medians, year_values
from .years import LATEST

ROUNDS = (2019, 2021)  # the two SDG 10.7.2 rounds in the shipped data

VOTE_TEXT = {
    "in_favour": "Voted in favour",
    "against": "Voted against",
    "abstain": "Abstained",
    "non_voting": "Did not vote",
}

PROFILE_COLUMNS = (
    "indicator_id", "label", "short_label", "unit", "kind", "primary_objective", "objectives",
    "value", "value_text", "year", "nature", "nature_text", "status", "region", "region_median",
    "region_count", "world_median", "world_count", "change_text", "source_id",
)


def _yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


def classification_items(iso3: str, dataset: Dataset) -> list[tuple[str, str]]:
    """(label, text) pairs describing a country's classifications, in display order.

    Empty classifications say "not classified" rather than vanish, and the Champion
    list is partial, so absence from it is not stated as a "no".
    """
    row = dataset.countries.loc[iso3]

    def given(text: str) -> str:
        return text if text else "not classified in the source"

    commissions = ", ".join(row["commissions"]) or "none"
    associate = ", ".join(row["commissions_associate"])
    if associate:
        commissions += f"; associate member of {associate}"
    champion = ("GCM Champion (partial list)" if row["gcm_champion"]
                else "Not on the partial Champion list")
    vote = row["vote_2018"]
    vote_text = VOTE_TEXT.get(vote, vote or "No vote recorded in the source")
    return [
        ("M49 region", given(row["region"])),
        ("Subregion", given(row["subregion"])),
        ("Intermediate region", given(row["intermediate_region"])),
        ("Least developed country (LDC)", _yes_no(row["ldc"])),
        ("Landlocked developing country (LLDC)", _yes_no(row["lldc"])),
        ("Small island developing state (SIDS)", _yes_no(row["sids"])),
        ("UN Member State", _yes_no(row["un_member"])),
        ("UN regional commissions", commissions),
        ("World Bank income group (FY2027)", given(row["income_group"])),
        ("GCM Champion", champion),
        ("2018 General Assembly vote on the GCM", vote_text),
    ]


def _country_values(dataset: Dataset, year) -> dict[str, dict[str, tuple]]:
    """{iso3: {indicator_id: (value, year, nature, status)}} of :func:`year_values`, once per dataset.

    A profile reads ~24 cells of one country; dict lookups instead of ``.at`` on a per-call
    frame save several ms per profile. ``tolist`` gives the same Python values ``.at`` did.
    """
    def build():
        values = year_values(dataset, year)
        out: dict[str, dict[str, tuple]] = {}
        columns = (values[c].tolist() for c in ("iso3", "indicator_id", "value", "year", "nature",
                                                 "status"))
        for iso3, ind_id, value, when, nature, status in zip(*columns):
            out.setdefault(iso3, {})[ind_id] = (value, when, nature, status)
        return out
    return index_of(dataset).memo(("profile_country_values", str(year)), build)


def _round_values(dataset: Dataset) -> dict[tuple[str, str], dict[int, float]]:
    """{(iso3, indicator_id): {round year: value}} for the ROUNDS, once per dataset.

    Same rule as :func:`data.queries.round_change`, which costs several ms of pandas overhead
    per call. Rows are read in their original order, so a repeated year keeps the last value.
    """
    def build():
        obs = dataset.observations
        rows = obs[obs["year"].isin(ROUNDS)]
        out: dict[tuple[str, str], dict[int, float]] = {}
        for iso3, ind_id, year, value in zip(*(rows[c].tolist() for c in
                                               ("iso3", "indicator_id", "year", "value"))):
            out.setdefault((iso3, ind_id), {})[int(year)] = value
        return out
    return index_of(dataset).memo(("profile_round_values",), build)


def _change_text(by_year: dict[int, float]) -> str:
    """The 2019 -> 2021 change of one ordinal series ({round: value}), or why it cannot be shown."""
    if not by_year:
        return "not reported in either round"
    if len(by_year) < 2:
        return f"only one round reported ({next(iter(by_year))})"
    before, after = by_year[ROUNDS[0]], by_year[ROUNDS[1]]
    direction = "improved" if after > before else "declined" if after < before else "same"
    return f"{int(before)} in {ROUNDS[0]} \u2192 {int(after)} in {ROUNDS[1]}: {direction}"


def table_rows(dataset: Dataset, table: str) -> dict:
    """A table of ``dataset`` (e.g. ``"indicators"``, ``"sources"``) as {key: {column: value}}.

    Built once per dataset and shared: treat as read-only. Row-by-row ``.loc`` on these small
    frames costs tens of microseconds each, which adds up to milliseconds per profile.
    """
    return index_of(dataset).memo(("table_rows", table),
                                  lambda: getattr(dataset, table).to_dict("index"))


def _indicator_order(dataset: Dataset) -> tuple[str, ...]:
    # Matrix order (primary objective, then catalogue order); fixed for a dataset.
    return index_of(dataset).memo(("profile_indicator_order",), lambda: tuple(
        queries.ordered_indicators(dataset.indicators).index))


def profile_records(iso3: str, dataset: Dataset, year=LATEST) -> list[dict]:
    """The rows of :func:`profile_rows` as plain dicts (keys = ``PROFILE_COLUMNS``), in matrix order.

    The ``"year"`` entry is None (not NA) where there is no value. For callers that read rows
    one at a time: far cheaper than building and iterating a DataFrame.
    """
    catalogue = table_rows(dataset, "indicators")
    mine = _country_values(dataset, year).get(iso3, {})
    medians = year_medians(dataset, year)
    rounds = _round_values(dataset)
    region = dataset.countries.at[iso3, "region"] if iso3 in dataset.countries.index else ""
    rows = []
    for ind_id in _indicator_order(dataset):
        ind = catalogue[ind_id]
        have = ind_id in mine
        value, when, nature, status = mine[ind_id] if have else (float("nan"), None, "", None)
        regional = medians.get((ind_id, region)) if region else None
        world = medians.get((ind_id, "World"))
        rows.append({
            "indicator_id": ind_id, "label": ind["label"], "short_label": short_label(ind),
            "unit": ind["unit"], "kind": ind["kind"], "primary_objective": int(ind["primary_objective"]),
            "objectives": ind["objectives"], "value": value,
            "value_text": format_value(value, ind, with_unit=True),
            "year": int(when) if have else None,
            "nature": nature,
            "nature_text": nature_text(nature) if have else "",
            "status": status,
            "region": region,
            "region_median": regional[0] if regional is not None else float("nan"),
            "region_count": regional[1] if regional is not None else 0,
            "world_median": world[0] if world is not None else float("nan"),
            "world_count": world[1] if world is not None else 0,
            "change_text": (_change_text(rounds.get((iso3, ind_id), {}))
                            if ind["kind"] == "ordinal_1_4" else ""),
            "source_id": ind["source_id"],
        })
    return rows


def profile_frame(records: list[dict]) -> pd.DataFrame:
    """:func:`profile_records` as the DataFrame :func:`profile_rows` returns."""
    frame = pd.DataFrame(records, columns=list(PROFILE_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")  # missing years stay missing, not 0 or NaN floats
    return frame


def profile_rows(iso3: str, dataset: Dataset, year=LATEST) -> pd.DataFrame:
    """One row per catalogue indicator for ``iso3`` (missing values kept as NaN), in matrix order.

    Region and world medians are taken over every country's values for the same ``year``
    selection (``"latest"`` = each country's latest year), via :func:`data.queries.group_medians`.
    """
    return profile_frame(profile_records(iso3, dataset, year))


def median_text(row: Mapping, which: str, indicator: Mapping) -> str:
    """"3 (48 countries)" for the region or world median of one profile row; "no data" if none.

    ``row`` is a profile row (dict or Series), ``indicator`` its catalogue row.
    """
    median, count = row[f"{which}_median"], row[f"{which}_count"]
    if is_missing(median) or not count:
        return "no data"
    noun = "country" if count == 1 else "countries"
    return f"{format_value(median, indicator)} ({count} {noun})"


def has_any_data(iso3: str, dataset: Dataset) -> bool:
    """True if ``iso3`` has at least one observation in the dataset."""
    return iso3 in index_of(dataset).reporting


#: The 10.7.2 categories, worst first (values of the ordinal series).
CATEGORIES = (1, 2, 3, 4)


def domain_distribution(iso3: str, dataset: Dataset, year=LATEST) -> list[dict]:
    """Per 10.7.2 series (all domains first): the country's category and the region's and world's spread.

    One dict per series: indicator_id, short_label, value (the country's category or NaN), year,
    region, and ``groups``: [(group name, {category: count}, n)] for the country's M49 region (if it
    has one) and "World", over every country's value for the same ``year`` selection. Counts only;
    no score is combined across series.
    """
    from .catalogue import policy_indicators  # local: catalogue is light, but keep the module's imports minimal

    values = year_values(dataset, year)
    region = dataset.countries.at[iso3, "region"] if iso3 in dataset.countries.index else ""
    regions = dataset.countries["region"]
    catalogue = table_rows(dataset, "indicators")
    mine = _country_values(dataset, year).get(iso3, {})
    out = []
    for ind_id in policy_indicators(dataset.indicators):
        rows = values[values["indicator_id"] == ind_id]
        groups = []
        scopes = ([(region, rows[rows["iso3"].map(regions) == region])] if region else []) + [("World", rows)]
        for name, part in scopes:
            counts = {c: int((part["value"] == c).sum()) for c in CATEGORIES}
            groups.append((name, counts, int(sum(counts.values()))))
        value, when = (mine[ind_id][0], mine[ind_id][1]) if ind_id in mine else (float("nan"), None)
        out.append({"indicator_id": ind_id, "short_label": short_label(catalogue[ind_id]), "value": value,
                    "year": int(when) if when is not None else None, "region": region, "groups": groups})
    return out


def round_changes(iso3: str, dataset: Dataset) -> list[dict]:
    """The country's 2019 -> 2021 change for each 10.7.2 series (all domains first).

    One dict per series: indicator_id, short_label, from_value, to_value (NaN for a round not
    reported) and direction ("improved", "same", "declined", or "one round" / "not reported").
    """
    from .catalogue import policy_indicators

    rounds = _round_values(dataset)
    catalogue = table_rows(dataset, "indicators")
    out = []
    for ind_id in policy_indicators(dataset.indicators):
        by_year = rounds.get((iso3, ind_id), {})
        before, after = by_year.get(ROUNDS[0], float("nan")), by_year.get(ROUNDS[1], float("nan"))
        if not by_year:
            direction = "not reported"
        elif len(by_year) < 2:
            direction = "one round"
        else:
            direction = "improved" if after > before else "declined" if after < before else "same"
        out.append({"indicator_id": ind_id, "short_label": short_label(catalogue[ind_id]),
                    "from_value": before, "to_value": after, "direction": direction})
    return out


def objective_coverage(iso3: str, dataset: Dataset, year=LATEST) -> list[dict]:
    """For each of the GCM objectives: does this country have a value for an indicator that informs it?

    An indicator informs every objective in its ``objectives`` tuple (its primary one and the
    editorial tags). One dict per objective, in number order: number, short_label, status
    ("data" = at least one value, "no value" = indicators exist but none has a value for this
    country, "no indicator" = no indicator informs the objective yet), and indicators (ids with a value).
    """
    mine = _country_values(dataset, year).get(iso3, {})
    informs: dict[int, list[str]] = {}
    for ind_id, held in zip(dataset.indicators.index.tolist(), dataset.indicators["objectives"].tolist()):
        for n in held:
            informs.setdefault(int(n), []).append(ind_id)
    out = []
    for number, label in zip(dataset.objectives.index.tolist(), dataset.objectives["short_label"].tolist()):
        ids = informs.get(int(number), [])
        with_value = [i for i in ids if i in mine and not is_missing(mine[i][0])]
        status = "no indicator" if not ids else "data" if with_value else "no value"
        out.append({"number": int(number), "short_label": label, "status": status, "indicators": with_value})
    return out
