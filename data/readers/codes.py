"""One deliberate alias table for dimension names and breakdown codes.

The same breakdown is spelled differently by each publisher: the open-numbers
copy behind the shipped data says ``PD1``/``BOTHSEX``/``ALLAGE``, the SDMX API
says ``PD_1``/``_T``, the data-portal CSV says ``Domain 1``/``Both sexes`` and
OWID headers say ``All Domains``. Every accepted spelling is listed here, once,
so that adding one is a reviewed one-line change (and a test), never a regex
guess. Canonical values are those of gcm_indicator_map.csv.
"""
from __future__ import annotations

import re

#: header (any publisher, lower-cased, brackets and punctuation removed) -> canonical dimension.
DIMENSION_ALIASES: dict[str, str] = {
    "policy domains": "policy_domain_code", "policy domain": "policy_domain_code",
    "policy_domain_code": "policy_domain_code", "composite_breakdown": "policy_domain_code",
    "sex": "sex",
    "age": "age",
    "migratory status": "migratory_status", "migratory_status": "migratory_status",
    "cust_breakdown": "migratory_status",
    "education level": "education_level", "education_lev": "education_level",
    "education_level": "education_level",
    "type of skill": "type_of_skill", "type_of_skill": "type_of_skill",
    "grounds of discrimination": "grounds_of_discrimination",
    "grounds_of_discrimination": "grounds_of_discrimination",
    "disability status": "disability_status", "disability_status": "disability_status",
    "location": "location", "urbanisation": "location",
}

# Spellings meaning "no breakdown / total" in every publisher's vocabulary.
_TOTAL_SPELLINGS = {"", "_t", "_z", "t", "total", "all", "notspec"}

#: per dimension: accepted spelling (lower-cased, spaces/underscores/hyphens removed) -> canonical code.
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "policy_domain_code": {
        "all": "ALL", "alldomains": "ALL", "t": "ALL",
        **{k: f"PD{n}" for n in range(1, 7)
           for k in (f"pd{n}", f"domain{n}", f"policydomain{n}")},
    },
    "sex": {"bothsex": "BOTHSEX", "bothsexes": "BOTHSEX", "t": "BOTHSEX", "total": "BOTHSEX",
            "female": "FEMALE", "f": "FEMALE", "male": "MALE", "m": "MALE"},
    "age": {"allage": "ALLAGE", "allages": "ALLAGE", "t": "ALLAGE",
            "allageranges": "ALLAGE", "allagerangesornobreakdown": "ALLAGE",
            "lt5y": "LT5Y", "<5y": "LT5Y", "y0t4": "LT5Y", "under5years": "LT5Y",
            "lt18y": "LT18Y", "<18y": "LT18Y", "y0t17": "LT18Y", "under18years": "LT18Y",
            "18": "18", "ge18": "18", "yge18": "18", "18+": "18", "18yearsold&over": "18",
            "1665": "16_65", "y16t65": "16_65", "16to65": "16_65"},
    "migratory_status": {"migper": "MIGPER", "migrants": "MIGPER", "migrant": "MIGPER",
                         "nonmig": "NONMIG", "nonmigrants": "NONMIG",
                         "notspec": "NOTSPEC", "notspecified": "NOTSPEC",
                         "t": "T", "total": "T"},
    "education_level": {"lowsec": "lowsec", "lowersecondary": "lowsec", "isced112": "lowsec",
                        "primar": "primar", "primary": "primar", "grad23": "grad23"},
    "type_of_skill": {"skillmath": "skill_math", "mathematics": "skill_math", "math": "skill_math",
                      "skillread": "skill_read", "reading": "skill_read",
                      "lite": "lite", "literacy": "lite", "nume": "nume", "numeracy": "nume"},
    "grounds_of_discrimination": {"mig": "mig", "migrationstatus": "mig",
                                  "nation": "nation", "ethcollanmig": "ethcollanmig"},
    "disability_status": {"t": "t", "total": "t", "pd": "pd", "pwd": "pwd"},
    "location": {"allarea": "allarea", "allareas": "allarea", "t": "allarea", "total": "allarea",
                 "rural": "rural", "r": "rural", "urban": "urban", "u": "urban"},
}

#: canonical value that stands for "total" in each dimension.
TOTALS = {"policy_domain_code": "ALL", "sex": "BOTHSEX", "age": "ALLAGE", "migratory_status": "T",
          "disability_status": "t", "location": "allarea"}


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-]", "", str(text).strip().lower())


def dimension_name(header: str) -> str:
    """Canonical dimension for a column header such as ``[Sex]``, ``Policy Domains`` or ``SEX``."""
    key = str(header).strip().strip("[]").strip().lower()
    return DIMENSION_ALIASES.get(key, re.sub(r"\W+", "_", key).strip("_"))


def canonical_value(dimension: str, code: str) -> str:
    """Canonical code of ``code`` in ``dimension``; unknown spellings pass through stripped.

    ``_T`` style totals map to the dimension's total code so they match the map's breakdown.
    """
    squashed = _squash(code)
    table = VALUE_ALIASES.get(dimension, {})
    if squashed in table:
        return table[squashed]
    return "" if squashed in ("", "z") else str(code).strip()


def known_value(dimension: str, code: str) -> str | None:
    """Canonical code if ``code`` is a listed spelling in ``dimension``, else None."""
    return VALUE_ALIASES.get(dimension, {}).get(_squash(code))


def is_total(dimension: str, code: str) -> bool:
    """True when ``code`` means "no breakdown" in ``dimension`` (``_T``, empty, ``BOTHSEX``...)."""
    value = canonical_value(dimension, code)
    return value == "" or _squash(value) in _TOTAL_SPELLINGS or value == TOTALS.get(dimension)


def dims_match(dims: dict[str, str], wanted: dict[str, str]) -> bool:
    """Do a row's canonical dimensions select the map breakdown ``wanted``?

    Every wanted key must be equal (case-insensitive); every other dimension of the
    row must be a total, otherwise a female-only row would pass as the national value.
    """
    for key, value in wanted.items():
        if key not in dims and value == TOTALS.get(key):
            continue  # a file without that column publishes only the total
        if dims.get(key, "").lower() != value.lower():
            return False
    return all(is_total(k, v) for k, v in dims.items() if k not in wanted)
