"""SDG 10.c.1 remittance corridors for one sending or receiving country. Pure; no Dash."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

SERIES = "SI_RMT_COST_BC"  # average cost of sending USD 200 in the corridor (%)
TARGET = 3.0
CEILING = 5.0
ROLES = ("sending", "receiving")


def _other(role: str) -> str:
    return "receiving" if role == "sending" else "sending"


def corridor_costs(corridors: pd.DataFrame, countries: pd.DataFrame, iso3: str, role: str,
                   partners: Iterable[str] | None = None, series: str = SERIES) -> pd.DataFrame:
    """Latest cost per corridor where ``iso3`` is the ``role`` country.

    Columns: partner_iso3, partner, year, value, band. The source's "not specified" counterpart
    (the sending-country average) is not a corridor and is left out. ``partners`` limits the
    other end to the filtered countries. Sorted dearest first.
    """
    other = _other(role)
    rows = corridors[(corridors["series_code"] == series) & (corridors[f"{role}_iso3"] == iso3)
                     & corridors["value"].notna() & (corridors[f"{other}_iso3"].fillna("") != "")]
    if partners is not None:
        rows = rows[rows[f"{other}_iso3"].isin(list(partners))]
    rows = rows.sort_values("year").drop_duplicates(f"{other}_iso3", keep="last")
    out = pd.DataFrame({"partner_iso3": rows[f"{other}_iso3"].to_numpy(), "year": rows["year"].to_numpy(),
                        "value": rows["value"].to_numpy(dtype=float)})
    out["partner"] = out["partner_iso3"].map(countries["name"]).fillna(out["partner_iso3"])
    out["band"] = [band(v) for v in out["value"]]
    return out.sort_values(["value", "partner"], ascending=[False, True], ignore_index=True)[
        ["partner_iso3", "partner", "year", "value", "band"]]


def band(value: float) -> str:
    """The 10.c band of a corridor cost (same wording as data.status.STATUS_RULES)."""
    if value < TARGET:
        return "Below 3% target"
    if value < CEILING:
        return "3-5%: above target"
    return "Above 5% ceiling"


def countries_with_corridors(corridors: pd.DataFrame, role: str, series: str = SERIES) -> list[str]:
    """ISO3 codes that appear as ``role`` in at least one corridor (the average row excluded)."""
    other = _other(role)
    rows = corridors[(corridors["series_code"] == series) & (corridors[f"{other}_iso3"].fillna("") != "")]
    return sorted(set(rows[f"{role}_iso3"]) - {""})


def band_counts(costs: pd.DataFrame) -> dict:
    """Corridors per band, plus the total."""
    counts = costs["band"].value_counts()
    return {"total": len(costs), "below_target": int(counts.get("Below 3% target", 0)),
            "above_target": int(counts.get("3-5%: above target", 0)),
            "above_ceiling": int(counts.get("Above 5% ceiling", 0))}
