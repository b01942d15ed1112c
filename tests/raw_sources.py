"""Expected answers recomputed from the raw shipped files with pandas alone.

Nothing here imports the dashboard's own code: the data-truth tests compare what the app shows
with these independent readings of data/sources (the SDG 10.c wording is written out here too).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import pandas as pd

from tests.conftest import ROOT

SOURCES = ROOT / "data" / "sources"
#: SDG target 10.c: "reduce to less than 3 per cent ... eliminate remittance corridors with costs
#: higher than 5 per cent".
TARGET, CEILING = 3.0, 5.0
BELOW, MIDDLE, ABOVE = "below", "middle", "above"


@lru_cache(maxsize=None)
def read(name: str) -> pd.DataFrame:
    """A shipped CSV as text (read-only: callers copy before changing it)."""
    return pd.read_csv(SOURCES / name, dtype=str, keep_default_na=False)


def official_band(value: float) -> str:
    """below (< 3), middle (3 <= value <= 5) or above (> 5), from the SDG 10.c wording."""
    return BELOW if value < TARGET else (MIDDLE if value <= CEILING else ABOVE)


def _pairs(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split(";") if part.strip())


@lru_cache(maxsize=None)
def raw_values(indicator_id: str) -> pd.DataFrame:
    """iso3, year, value, nature of one catalogue indicator, straight from the series files."""
    row = read("gcm_indicator_map.csv").set_index("indicator_id").loc[indicator_id]
    if row["series_code"] == "SG_CPA_MIGRS":
        rows = read("sdg_10_7_2_migration_policies_by_country.csv").assign(sdg_nature="")
    else:
        rows = read("sdg_migration_related_series_by_country.csv")
    rows = rows[rows["series_code"] == row["series_code"]]
    for key, value in _pairs(row["breakdown"]).items():
        if key in rows.columns:
            rows = rows[rows[key].str.upper() == value.upper()]
        else:  # documented in gcm_indicator_map.md: other keys live in other_breakdown
            rows = rows[rows["other_breakdown"].map(lambda t, k=key: _pairs(t).get(k, "")).str.lower()
                        == value.lower()]
    return pd.DataFrame({"iso3": rows["iso3"].to_numpy(), "year": rows["year"].astype(int).to_numpy(),
                         "value": rows["value"].astype(float).to_numpy(), "nature": rows["sdg_nature"].to_numpy()})


def raw_latest(indicator_id: str) -> pd.DataFrame:
    """Each area's most recent value of one indicator."""
    return raw_values(indicator_id).sort_values("year").drop_duplicates("iso3", keep="last")


def raw_in_year(indicator_id: str, year) -> pd.DataFrame:
    """The values of one indicator for ``year`` ("latest" = each area's most recent)."""
    if str(year) == "latest":
        return raw_latest(indicator_id)
    rows = raw_values(indicator_id)
    return rows[rows["year"] == int(year)]


def corridors(series: str = "SI_RMT_COST_BC") -> pd.DataFrame:
    """Corridor rows (sending, receiving, year, value), the sending-country average left out."""
    rows = read("sdg_10_c_1_remittance_cost_corridors.csv")
    rows = rows[(rows["series_code"] == series) & (rows["receiving_iso3"] != "") & (rows["value"] != "")]
    return pd.DataFrame({"sending": rows["sending_iso3"], "receiving": rows["receiving_iso3"],
                         "year": rows["year"].astype(int), "value": rows["value"].astype(float)})


def latest_corridors(iso3: str, role: str) -> pd.DataFrame:
    """Each corridor's latest cost where ``iso3`` is the ``role`` ("sending"/"receiving") end."""
    rows = corridors()
    other = "receiving" if role == "sending" else "sending"
    rows = rows[rows[role] == iso3].sort_values("year").drop_duplicates(other, keep="last")
    return rows.rename(columns={other: "partner"})


def objectives_without_indicator() -> set[int]:
    """Objectives (1-23 in gcm_objectives.csv) that no row of the map informs."""
    informed = {int(n) for cell in read("gcm_indicator_map.csv")["gcm_objectives"] for n in cell.split(";")}
    return {int(n) for n in read("gcm_objectives.csv")["objective_number"]} - informed


def half_up(value: float, digits: int = 0) -> str:
    """Conventional rounding (48.5 -> 49), as written in the source file."""
    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
