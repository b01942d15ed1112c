"""Citation, URL, licence and vintage of every shipped source (from SOURCES.md)."""
from __future__ import annotations

import pandas as pd

SDG_DB = "sdg_global_database"

_ROWS = [
    {
        "source_id": SDG_DB,
        "citation": "United Nations, Global SDG Indicators Database, as downloaded through the SDG API "
                    "by Gapminder's open-numbers project (ddf--unstats--sdg_indicators)",
        "url": "https://unstats.un.org/sdgs/dataportal",
        "licence": "CC BY 4.0 (open-numbers datapackage); UN data free to re-use with attribution",
        "vintage": "December 2023 (open-numbers commit e0117e9, 2023-12-17)",
    },
    {
        "source_id": "un_m49",
        "citation": "UNSD, Standard country or area codes for statistical use (M49); UN membership from country_converter 1.3.2",
        "url": "https://unstats.un.org/unsd/methodology/m49/overview/",
        "licence": "UN data, free re-use with attribution",
        "vintage": "2025-06 copy",
    },
    {
        "source_id": "un_regional_commissions",
        "citation": "Membership of the five UN regional commissions (English Wikipedia articles, mid-2025)",
        "url": "https://en.wikipedia.org/wiki/United_Nations_Regional_Commissions",
        "licence": "CC BY-SA 4.0 (text); membership is a public fact",
        "vintage": "mid-2025",
    },
    {
        "source_id": "world_bank_income_groups",
        "citation": "World Bank (2026), Country and Lending Groups FY2027, via Our World in Data",
        "url": "https://ourworldindata.org/grapher/world-bank-income-groups",
        "licence": "CC BY 4.0",
        "vintage": "FY2027 (released 2026-07-01)",
    },
    {
        "source_id": "gcm_champions",
        "citation": "UN Network on Migration, GCM Champion countries (partial list of 30)",
        "url": "https://migrationnetwork.un.org/champion-countries",
        "licence": "Public information; see SOURCES.md section 2d",
        "vintage": "2023-11 (Accra event) plus two country sources",
    },
    {
        "source_id": "ga_vote_2018",
        "citation": "UN General Assembly recorded vote on A/RES/73/195, 19 December 2018 "
                    "(UN press release GA/12113; Voeten UNGA voting data, rcid 6140)",
        "url": "https://press.un.org/en/2018/ga12113.doc.htm",
        "licence": "Public record; Voeten data CC0",
        "vintage": "2018-12-19",
    },
    {
        "source_id": "gcm_text",
        "citation": "Global Compact for Safe, Orderly and Regular Migration, A/RES/73/195, annex, paras. 15-16",
        "url": "https://migrationnetwork.un.org/hub",
        "licence": "UN document, public",
        "vintage": "2018",
    },
    {
        "source_id": "gcm_indicator_map",
        "citation": "GCM Progress Dashboard editorial mapping of SDG series to GCM objectives "
                    "(gcm_indicator_map.csv; rationale in gcm_indicator_map.md)",
        "url": "data/sources/gcm_indicator_map.md",
        "licence": "CC BY 4.0 (this project)",
        "vintage": "2026-11-26",
    },
]


def shipped_sources() -> pd.DataFrame:
    """The sources table for the shipped dataset, indexed by source_id."""
    return pd.DataFrame(_ROWS).set_index("source_id")
