"""Short labels and value formatting shared by the summaries, the matrix and the profile.

No Dash imports: these are plain strings so they can be unit-tested and reused in
text alternatives as well as in components.
"""
from __future__ import annotations

import math

import pandas as pd

from .model import NATURE_CODES

#: Column-header labels. The catalogue labels are full sentences, too long for a grid header;
#: an unknown indicator falls back to its catalogue label (see :func:`short_label`).
SHORT_LABELS = {
    "sdg10_7_2_all": "All domains",
    "sdg10_7_2_pd1": "Migrant rights",
    "sdg10_7_2_pd2": "Whole-of-government",
    "sdg10_7_2_pd3": "Cooperation",
    "sdg10_7_2_pd4": "Socio-economic well-being",
    "sdg10_7_2_pd5": "Crisis mobility",
    "sdg10_7_2_pd6": "Safe, orderly, regular migration",
    "sdg10_7_1_recruit_cost": "Recruitment cost",
    "sdg10_7_3_deaths": "Migrant deaths",
    "sdg10_7_4_refugees_origin": "Refugees by origin",
    "sdg10_c_1_cost_to_receiving": "Remittance cost (to)",
    "sdg10_c_1_cost_from_sending": "Remittance cost (from)",
    "sdg10_3_1_discrim_migration_status": "Discrimination (migration status)",
    "sdg16_2_2_trafficking_victims": "Trafficking victims",
    "sdg16_2_2_trafficking_victims_rate": "Trafficking victims rate",
    "sdg16_9_1_birth_registration": "Birth registration",
    "sdg17_3_2_remittances_gdp": "Remittances (% GDP)",
    "sdg8_8_1_fatal_injury_migrants": "Fatal injuries (migrants)",
    "sdg8_8_1_nonfatal_injury_migrants": "Non-fatal injuries (migrants)",
    "sdg8_8_2_labour_rights": "Labour rights",
    "sdg4_5_1_imm_parity_lowsec_math": "Math parity",
    "sdg4_5_1_imm_parity_lowsec_read": "Reading parity",
    "sdg4_5_1_imm_parity_adult_literacy": "Adult literacy parity",
    "sdg4_5_1_imm_parity_adult_numeracy": "Adult numeracy parity",
}

#: Short words for the four 10.7.2 categories, so a cell reads without colour ("4 Fully").
ORDINAL_SHORT = {1: "Further progress", 2: "Partially", 3: "Meets", 4: "Fully"}

#: Past-tense verb phrases for sentences ("14 countries fully met ...").
ORDINAL_VERBS = {
    1: "required further progress",
    2: "partially met",
    3: "met",
    4: "fully met",
}

NOT_RECORDED = "not recorded in source"


def short_label(indicator: pd.Series) -> str:
    """A short header label for an indicator catalogue row."""
    return SHORT_LABELS.get(indicator["indicator_id"], str(indicator["label"]))


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


def is_missing(value) -> bool:
    """True for None, NaN and pandas NA."""
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_number(value: float) -> str:
    """A compact number: integers with thousands separators, others to 3 significant digits."""
    if float(value).is_integer() and abs(value) >= 1:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"


def format_value(indicator: pd.Series, value, *, with_unit: bool = False) -> str:
    """Format ``value`` for display; percentages get a % sign, other units only on request."""
    if is_missing(value):
        return "no data"
    unit = str(indicator.get("unit") or "")
    if indicator["kind"] == "ordinal_1_4":
        return f"{int(value)}" if float(value).is_integer() else f"{value:.1f}"
    text = format_number(float(value))
    if unit.startswith("%"):
        return f"{text}%" + (f" ({unit[1:].strip()})" if with_unit and unit[1:].strip() else "")
    return f"{text} {unit}" if with_unit and unit else text


def nature_text(code) -> str:
    """The meaning of an SDG nature code; an empty code is stated as not recorded, never guessed."""
    if is_missing(code) or str(code).strip() == "":
        return NOT_RECORDED
    return f"{NATURE_CODES.get(str(code), 'Unknown code')} ({code})"
