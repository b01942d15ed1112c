"""Where the shipped data lives, and the names of its files.

A leaf module: the loader, the readers and the CLI all need these names, and keeping them
apart from data.load is what lets the readers be imported without the loader (no cycle).
"""
from __future__ import annotations

from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parent / "sources"

POLICY_FILE = "sdg_10_7_2_migration_policies_by_country.csv"
SERIES_FILE = "sdg_migration_related_series_by_country.csv"
SHARES_FILE = "sdg_10_7_2_share_of_countries_by_region.csv"
CORRIDOR_FILE = "sdg_10_c_1_remittance_cost_corridors.csv"
