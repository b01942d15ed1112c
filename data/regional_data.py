"""Regional views: the UN's published SG_CPA_MIGRP shares by SDG region, and regional-commission
groupings computed from the country data. Pure; no Dash.

SG_CPA_MIGRP rows are aggregates published by the UN (their denominators are not published and
differ from the countries released individually); they are never mixed with country values.
"""
from __future__ import annotations

import pandas as pd

from . import queries as q

#: The eight SDG regions in the order the UN SDG report uses, after World.
SDG_REGIONS = (
    "World", "Sub-Saharan Africa", "Northern Africa and Western Asia", "Central and Southern Asia",
    "Eastern and South-Eastern Asia", "Latin America and the Caribbean",
    "Oceania (exc. Australia and New Zealand)", "Australia and New Zealand", "Europe and Northern America",
)
DOMAIN_ORDER = ("ALL", "PD1", "PD2", "PD3", "PD4", "PD5", "PD6")
COMMISSION_KEY = "commission"


def sdg_region_shares(regional_shares: pd.DataFrame, areas=SDG_REGIONS) -> pd.DataFrame:
    """Published shares for ``areas``: area, domain_code, domain, share_2019, share_2021, change.

    A missing round stays NaN (and so does the change).
    """
    rows = regional_shares[regional_shares["area_name"].isin(list(areas))]
    wide = rows.pivot_table(index=["area_name", "policy_domain_code", "policy_domain"], columns="year",
                            values="percent_of_countries", aggfunc="first").reset_index()
    wide.columns.name = None
    for year in (2019, 2021):
        if year not in wide:
            wide[year] = float("nan")
    out = pd.DataFrame({"area": wide["area_name"], "domain_code": wide["policy_domain_code"],
                        "domain": wide["policy_domain"], "share_2019": wide[2019], "share_2021": wide[2021]})
    out["change"] = out["share_2021"] - out["share_2019"]
    out["_a"] = out["area"].map({a: i for i, a in enumerate(areas)})
    out["_d"] = out["domain_code"].map({d: i for i, d in enumerate(DOMAIN_ORDER)}).fillna(99)
    return out.sort_values(["_a", "_d"]).drop(columns=["_a", "_d"]).reset_index(drop=True)


def by_commission(values: pd.DataFrame, countries: pd.DataFrame,
                  column: str = "commissions") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, countries) re-keyed so a country in two commissions appears once in each.

    Rows are keyed "ISO3|COMMISSION"; the returned countries frame has a ``commission`` column,
    ready for :func:`data.queries.status_shares` (``by="commission"``).
    """
    pairs = countries[column].explode().dropna()
    pairs = pairs[pairs != ""]
    keyed = pd.DataFrame({"iso3": pairs.index, COMMISSION_KEY: pairs.to_numpy()})
    keyed["key"] = keyed["iso3"] + "|" + keyed[COMMISSION_KEY]
    grouped = keyed.set_index("key")[[COMMISSION_KEY]]
    rows = values.merge(keyed[["iso3", "key"]], on="iso3", how="inner")
    rows = rows.drop(columns="iso3").rename(columns={"key": "iso3"})
    return rows, grouped


def commission_shares(values: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Status shares per UN regional commission (full members) from country ``values`` with status.

    Columns as :func:`data.queries.status_shares` (indicator_id, group, status, count, reporting, share).
    """
    rows, grouped = by_commission(values[values["iso3"].isin(countries.index)], countries)
    return q.status_shares(rows, grouped, by=COMMISSION_KEY)


def countries_in_several(countries: pd.DataFrame) -> list[str]:
    """Names of countries that are full members of more than one commission."""
    several = countries[countries["commissions"].map(len) > 1]
    return sorted(several["name"])
