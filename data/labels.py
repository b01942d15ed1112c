"""Words for indicators and 10.7.2 categories shared by the summaries, the matrix and the profile.

Numbers are formatted by :mod:`data.formatting`; short labels come from the catalogue. No Dash imports.
"""
from __future__ import annotations

import pandas as pd


#: Short words for the four 10.7.2 categories, so a cell reads without colour ("4 Fully").
ORDINAL_SHORT = {1: "Further progress", 2: "Partially", 3: "Meets", 4: "Fully"}

#: Past-tense verb phrases for sentences ("14 countries fully met ...").
ORDINAL_VERBS = {
    1: "required further progress",
    2: "partially met",
    3: "met",
    4: "fully met",
}


def short_label(indicator: pd.Series) -> str:
    """A short header label for an indicator catalogue row (catalogue column ``short_label``)."""
    return str(indicator.get("short_label") or indicator["label"])


def panel_label(indicator: pd.Series) -> str:
    """The shortest name of a 10.7.2 series: its domain number ("1".."6"), or "All" for the
    all-domains series; other indicators get their short label. For charts with a panel per
    series, where a phone leaves each panel a few dozen pixels."""
    domain = str(indicator["indicator_id"]).rsplit("_pd", 1)
    if indicator["kind"] == "ordinal_1_4" and len(domain) == 2 and domain[1].isdigit():
        return domain[1]
    if str(indicator["indicator_id"]).endswith("10_7_2_all"):
        return "All"
    return short_label(indicator)


def topic_phrase(indicator: pd.Series) -> str:
    """How a sentence names the indicator, e.g. "domain 6 (safe, orderly and regular migration)".

    10.7.2 labels carry the domain name after the colon; other indicators use their label as is.
    """
    label = str(indicator["label"])
    if indicator["kind"] == "ordinal_1_4" and ":" in label:
        topic = label.split(":", 1)[1].split("(")[0].strip()
        domain = indicator["indicator_id"].rsplit("_pd", 1)
        if len(domain) == 2 and domain[1].isdigit():
            return f"domain {domain[1]} ({topic})"
        return topic.replace("six domains", "six policy domains")
    # A trailing "(%)" or "(number)" repeats the unit, which the sentence already shows.
    for suffix in (" (%)", " (number)"):
        label = label.removesuffix(suffix)
    return label[0].lower() + label[1:] if label[:2] != label[:2].upper() else label
