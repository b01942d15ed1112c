"""SDG 10.c.1 remittance corridors for one sending or receiving country. Pure; no Dash."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .catalogue import REMITTANCE_COST_GROUP, indicator_group
from .status import Bands, bands_of

SERIES = "SI_RMT_COST_BC"  # average cost of sending USD 200 in the corridor (%)


def _other(role: str) -> str:
    return "receiving" if role == "sending" else "sending"


def corridor_costs(corridors: pd.DataFrame, countries: pd.DataFrame, iso3: str, role: str,
                   partners: Iterable[str] | None = None, series: str = SERIES) -> pd.DataFrame:
    """Latest cost per corridor where ``iso3`` is the ``role`` country.

    ``corridors`` is ``Dataset.corridors`` (with the bands of :func:`with_bands`).
    Columns: partner_iso3, partner, year, value, band, band_index. The source's "not specified" counterpart
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
                        "value": rows["value"].to_numpy(dtype=float), "band": rows["band"].array,
                        "band_index": rows["band_index"].to_numpy()})
    out["partner"] = out["partner_iso3"].map(countries["name"]).fillna(out["partner_iso3"])
    return out.sort_values(["value", "partner"], ascending=[False, True], ignore_index=True)[
        ["partner_iso3", "partner", "year", "value", "band", "band_index"]]


def corridor_bands(indicators: pd.DataFrame) -> Bands:
    """The 10.c band rule of corridor costs: that of the catalogue's remittance-cost indicators.

    A corridor cost is the same measure as the country costs (SDG 10.c.1), so it takes the same
    catalogue rule; the rows of the group must agree, or the catalogue is inconsistent.
    """
    rules = {bands_of(indicators.loc[i]) for i in indicator_group(indicators, REMITTANCE_COST_GROUP)}
    rules.discard(None)
    if len(rules) != 1:
        raise ValueError(f"the remittance-cost rows of the catalogue need one band rule, found {len(rules)}")
    return rules.pop()


def with_bands(corridors: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``corridors`` with ``band`` (label) and ``band_index`` (0 best .. 2 worst) per row."""
    bands = corridor_bands(indicators)
    index = [None if pd.isna(v) else bands.labels.index(bands.label_of(float(v))) for v in corridors["value"]]
    out = corridors.copy()
    out["band_index"] = pd.array(index, dtype="Int64")
    # Categorical with every band, best first: a chart keeps one colour per band and lists empty ones.
    out["band"] = pd.Categorical([None if i is None else bands.labels[i] for i in index],
                                 categories=list(bands.labels), ordered=True)
    return out


def countries_with_corridors(corridors: pd.DataFrame, role: str, series: str = SERIES) -> list[str]:
    """ISO3 codes that appear as ``role`` in at least one corridor (the average row excluded)."""
    other = _other(role)
    rows = corridors[(corridors["series_code"] == series) & (corridors[f"{other}_iso3"].fillna("") != "")]
    return sorted(set(rows[f"{role}_iso3"]) - {""})


def band_counts(costs: pd.DataFrame) -> dict:
    """Corridors per band (below the target, target to ceiling, above the ceiling), plus the total."""
    counts = costs["band_index"].value_counts()
    return {"total": len(costs), "below_target": int(counts.get(0, 0)),
            "above_target": int(counts.get(1, 0)), "above_ceiling": int(counts.get(2, 0))}
