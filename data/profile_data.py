"""Pure data preparation for the country profile: classifications and per-indicator rows.

No Dash imports, so the profile's numbers are unit-testable apart from its layout.
"""
from __future__ import annotations

import pandas as pd

from . import queries
from .dataset_index import index_of
from .labels import format_value, is_missing, nature_text, short_label
from .model import Dataset

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


def _values(dataset: Dataset, year) -> pd.DataFrame:
    # Every country's values for ``year``: the same for every profile, so built once per dataset.
    return index_of(dataset).memo(("profile_values", str(year)), lambda: queries.with_status(
        queries.values_for(dataset.observations, None, year), dataset.indicators))


def _medians(dataset: Dataset, year) -> pd.DataFrame:
    return index_of(dataset).memo(("profile_medians", str(year)), lambda: queries.group_medians(
        _values(dataset, year), dataset.countries).set_index(["indicator_id", "group"]))


def _change_text(dataset: Dataset, iso3: str, indicator_id: str) -> str:
    """The 2019 -> 2021 change of one ordinal series, or why it cannot be shown."""
    own = index_of(dataset).observations_of_country(iso3)
    # One country, one series: plain lookups (same rule as queries.round_change, which costs
    # several ms of pandas overhead per call on frames this small).
    rows = own[(own["indicator_id"] == indicator_id) & own["year"].isin(ROUNDS)]
    by_year = dict(zip(rows["year"].astype(int), rows["value"]))
    if not by_year:
        return "not reported in either round"
    if len(by_year) < 2:
        return f"only one round reported ({next(iter(by_year))})"
    before, after = by_year[ROUNDS[0]], by_year[ROUNDS[1]]
    direction = "improved" if after > before else "declined" if after < before else "same"
    return f"{int(before)} in {ROUNDS[0]} \u2192 {int(after)} in {ROUNDS[1]}: {direction}"


def profile_rows(iso3: str, dataset: Dataset, year="latest") -> pd.DataFrame:
    """One row per catalogue indicator for ``iso3`` (missing values kept as NaN), in matrix order.

    Region and world medians are taken over every country's values for the same ``year``
    selection (``"latest"`` = each country's latest year), via :func:`data.queries.group_medians`.
    """
    values = _values(dataset, year)
    medians = _medians(dataset, year)
    region = dataset.countries.loc[iso3, "region"] if iso3 in dataset.countries.index else ""
    positions = index_of(dataset).memo(("profile_rows_of", str(year)),
                                       lambda: values.groupby("iso3", sort=False).indices)
    mine = values.iloc[positions.get(iso3, [])].set_index("indicator_id")
    rows = []
    for ind_id, ind in queries.ordered_indicators(dataset.indicators).iterrows():
        have = ind_id in mine.index
        value = mine.at[ind_id, "value"] if have else float("nan")
        regional = medians.loc[(ind_id, region)] if region and (ind_id, region) in medians.index else None
        world = medians.loc[(ind_id, "World")] if (ind_id, "World") in medians.index else None
        rows.append({
            "indicator_id": ind_id, "label": ind["label"], "short_label": short_label(ind),
            "unit": ind["unit"], "kind": ind["kind"], "primary_objective": int(ind["primary_objective"]),
            "objectives": ind["objectives"], "value": value,
            "value_text": format_value(ind, value, with_unit=True),
            "year": int(mine.at[ind_id, "year"]) if have else None,
            "nature": mine.at[ind_id, "nature"] if have else "",
            "nature_text": nature_text(mine.at[ind_id, "nature"]) if have else "",
            "status": mine.at[ind_id, "status"] if have else None,
            "region": region,
            "region_median": float(regional["median"]) if regional is not None else float("nan"),
            "region_count": int(regional["count"]) if regional is not None else 0,
            "world_median": float(world["median"]) if world is not None else float("nan"),
            "world_count": int(world["count"]) if world is not None else 0,
            "change_text": (_change_text(dataset, iso3, ind_id)
                            if ind["kind"] == "ordinal_1_4" else ""),
            "source_id": ind["source_id"],
        })
    frame = pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")  # missing years stay missing, not 0 or NaN floats
    return frame


def median_text(rows: pd.Series, which: str, indicators: pd.DataFrame) -> str:
    """"3 (48 countries)" for the region or world median of one profile row; "no data" if none."""
    median, count = rows[f"{which}_median"], rows[f"{which}_count"]
    if is_missing(median) or not count:
        return "no data"
    ind = indicators.loc[rows["indicator_id"]]
    noun = "country" if count == 1 else "countries"
    return f"{format_value(ind, median)} ({count} {noun})"


def has_any_data(iso3: str, dataset: Dataset) -> bool:
    """True if ``iso3`` has at least one observation in the dataset."""
    return iso3 in index_of(dataset).reporting
