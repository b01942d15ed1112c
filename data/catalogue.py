"""Build the indicator catalogue and the country table from the shipped reference files."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .sources_table import SDG_DB

#: ``indicator_group`` values of gcm_indicator_map.csv that the views rely on.
POLICY_GROUP = "sdg10_7_2_policy"        # the seven SDG 10.7.2 policy series (all domains + six)
REMITTANCE_COST_GROUP = "remittance_cost"  # SDG 10.c.1 costs, banded against the 3% target and 5% ceiling


def read_csv_text(path: Path) -> pd.DataFrame:
    """Read a shipped CSV with every column as text and no NA guessing."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _int_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in str(text).split(";") if p.strip())


def load_indicators(folder: Path) -> pd.DataFrame:
    """gcm_indicator_map.csv joined to sdg_series_catalogue.csv, indexed by indicator_id."""
    mapping = read_csv_text(folder / "gcm_indicator_map.csv")
    series = read_csv_text(folder / "sdg_series_catalogue.csv")
    series = series.rename(columns={"description": "series_description", "indicator": "sdg_indicator",
                                    "file": "series_file"})
    merged = mapping.merge(series[["series_code", "goal", "target", "sdg_indicator",
                                   "series_description", "series_file"]],
                           on="series_code", how="left", validate="many_to_one")
    merged["objectives"] = merged["gcm_objectives"].map(_int_tuple)
    merged["principles"] = merged["guiding_principles"].map(_int_tuple)
    merged["primary_objective"] = merged["primary_objective"].astype(int)
    merged["official_target"] = merged["official_target"].replace("", None)
    # Empty band columns mean "no band": NaN thresholds, so status.has_band is False.
    for column in ("band_target", "band_ceiling"):
        merged[column] = pd.to_numeric(merged[column].replace("", None), errors="raise")
    # A missing short label falls back to the full label (a grid header must never be blank).
    merged["short_label"] = merged["short_label"].where(merged["short_label"] != "", merged["label"])
    merged["source_id"] = SDG_DB
    merged = merged.drop(columns=["gcm_objectives", "guiding_principles"])
    return merged.set_index("indicator_id", drop=False)


def indicator_group(indicators: pd.DataFrame, group: str) -> tuple[str, ...]:
    """The indicator ids of one ``indicator_group`` of the catalogue, in catalogue order."""
    return tuple(indicators.index[indicators["indicator_group"] == group])


def policy_indicators(indicators: pd.DataFrame) -> tuple[str, ...]:
    """The SDG 10.7.2 policy series (all domains first, then domains 1-6), from the catalogue."""
    return indicator_group(indicators, POLICY_GROUP)


def load_objectives(folder: Path) -> pd.DataFrame:
    """The 23 objectives indexed by number, with title and short label."""
    frame = read_csv_text(folder / "gcm_objectives.csv")
    frame["number"] = frame.pop("objective_number").astype(int)
    frame = frame.rename(columns={"objective_title": "title", "short_label_un_network": "short_label"})
    return frame.set_index("number", drop=False)


def load_principles(folder: Path) -> pd.DataFrame:
    """The 10 guiding principles indexed by order."""
    frame = read_csv_text(folder / "gcm_guiding_principles.csv")
    frame["order"] = frame["order"].astype(int)
    frame = frame.rename(columns={"guiding_principle": "title", "letter_in_para_15": "letter"})
    return frame.set_index("order", drop=False)


def _commission_lists(commissions: pd.DataFrame, membership: str) -> pd.Series:
    rows = commissions[commissions["membership_type"] == membership]
    return rows.groupby("iso3")["commission"].agg(lambda s: tuple(sorted(s)))


def load_countries(folder: Path) -> pd.DataFrame:
    """One row per country or area (M49 table) with every classification, indexed by iso3."""
    ref = read_csv_text(folder / "country_reference_m49.csv")
    frame = pd.DataFrame({
        "iso3": ref["iso3"], "iso2": ref["iso2"], "m49": ref["m49"],
        "name": ref["country_or_area"],
        "region": ref["region"], "subregion": ref["subregion"],
        "intermediate_region": ref["intermediate_region"],
    })
    for flag in ("ldc", "lldc", "sids"):
        frame[flag] = ref[flag].eq("True")
    frame["un_member"] = ref["un_member_state"].eq("True")
    frame = frame.set_index("iso3", drop=False)

    commissions = read_csv_text(folder / "un_regional_commissions.csv")
    members = _commission_lists(commissions, "member")
    associates = _commission_lists(commissions, "associate_member")
    frame["commissions"] = [members.get(i, ()) for i in frame.index]
    frame["commissions_associate"] = [associates.get(i, ()) for i in frame.index]

    income = read_csv_text(folder / "world_bank_income_groups.csv").set_index("iso3")
    frame["income_group"] = frame.index.map(income["income_group"]).fillna("")
    frame["income_group_code"] = frame.index.map(income["income_group_code"]).fillna("")

    champions = set(read_csv_text(folder / "gcm_champion_countries.csv")["iso3"])
    frame["gcm_champion"] = frame.index.isin(champions)

    vote = read_csv_text(folder / "gcm_ga_endorsement_vote_2018.csv").set_index("iso3")
    frame["vote_2018"] = frame.index.map(vote["vote"]).fillna("")
    for column in ("region", "subregion", "intermediate_region"):
        frame[column] = frame[column].replace("", pd.NA).fillna("")
    return frame
