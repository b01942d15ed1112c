"""The lead indicator of each GCM objective: an editorial choice recorded in the catalogue.

``data/sources/gcm_objective_leads.csv`` names, per objective, the one indicator the matrix
overview shows for it (``lead_indicator_id``) and why (``why``). An objective that no indicator
measures has an empty lead and stays a named gap. The file is checked against the indicator
catalogue before it is used: an unknown id, an id not tagged with its objective, a missing or
repeated objective, or a lead left empty where indicators exist is rejected with a message that
names the file, line, column and value. Leads are never combined: one objective, one indicator.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from .readers.problems import Problem, quote

LEADS_FILE = "gcm_objective_leads.csv"
LEADS_COLUMNS = ("objective", "lead_indicator_id", "why")
INDICATOR_MAP = "gcm_indicator_map.csv"


def check_objective_leads(frame: pd.DataFrame, tags: Mapping[str, Iterable[int]],
                          objectives: Iterable[int]) -> list[Problem]:
    """Every problem of a leads table (text columns; line 2 is the first row), [] when it is usable.

    ``tags`` maps each catalogue indicator id to the objectives it is tagged with (primary and
    secondary); ``objectives`` are the objective numbers of gcm_objectives.csv.
    """
    known = [int(n) for n in objectives]
    tagged_with: dict[int, list[str]] = {n: [] for n in known}
    for indicator_id, held in tags.items():
        for n in held:
            tagged_with.setdefault(int(n), []).append(indicator_id)
    problems: list[Problem] = []
    missing = [c for c in LEADS_COLUMNS if c not in frame.columns]
    if missing:
        return [Problem(LEADS_FILE, "required columns", "missing column(s) " + ", ".join(map(quote, missing)), 1)]
    seen: set[int] = set()
    for pos, row in enumerate(frame.itertuples(index=False)):
        line = pos + 2
        text, lead, why = str(row.objective).strip(), str(row.lead_indicator_id).strip(), str(row.why).strip()
        if not text.isdigit() or int(text) not in known:
            problems.append(Problem(LEADS_FILE, "known objective",
                                    f"{quote(text)} is not an objective number of gcm_objectives.csv", line, "objective"))
            continue
        number = int(text)
        if number in seen:
            problems.append(Problem(LEADS_FILE, "one row per objective",
                                    f"objective {number} is listed twice", line, "objective"))
        seen.add(number)
        candidates = tagged_with.get(number, [])
        if not lead:
            if candidates:
                problems.append(Problem(LEADS_FILE, "lead named", f"objective {number} has no lead but is measured by "
                                        + ", ".join(candidates) + "; name one of them", line, "lead_indicator_id"))
        elif lead not in tags:
            problems.append(Problem(LEADS_FILE, "known indicator",
                                    f"{quote(lead)} is not an indicator_id of {INDICATOR_MAP}", line, "lead_indicator_id"))
        elif number not in {int(n) for n in tags[lead]}:
            held = ";".join(str(n) for n in tags[lead])
            problems.append(Problem(LEADS_FILE, "lead tagged with its objective",
                                    f"{quote(lead)} is not tagged with objective {number} in {INDICATOR_MAP} "
                                    f"(its objectives: {held})", line, "lead_indicator_id"))
        if not why:
            problems.append(Problem(LEADS_FILE, "reason given", f"objective {number} gives no reason for its lead",
                                    line, "why"))
    absent = [n for n in known if n not in seen]
    if absent:
        problems.append(Problem(LEADS_FILE, "every objective listed",
                                "objective(s) " + ", ".join(map(str, absent)) + " have no row"))
    return problems


def read_objective_leads(folder: Path | str, indicators: pd.DataFrame, objectives: pd.DataFrame) -> pd.DataFrame:
    """The checked leads table, indexed by objective number: ``lead`` (indicator id, "" for a gap)
    and ``why``. Raises :class:`data.validation.ValidationFailed` listing every problem."""
    path = Path(folder) / LEADS_FILE
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    problems = check_objective_leads(frame, dict(zip(indicators.index, indicators["objectives"])),
                                     objectives.index)
    if problems:
        from .validation import ValidationFailed  # pandera import is slow; only pay it on failure
        raise ValidationFailed(problems, what=f"the objective leads in {path}")
    numbers = frame["objective"].str.strip().astype(int)
    return pd.DataFrame({"lead": frame["lead_indicator_id"].str.strip().to_numpy(),
                         "why": frame["why"].str.strip().to_numpy()}, index=pd.Index(numbers, name="number"))


def with_leads(objectives: pd.DataFrame, leads: pd.DataFrame) -> pd.DataFrame:
    """``objectives`` with ``lead_indicator`` ("" for none) and ``lead_why`` columns."""
    out = objectives.copy()
    out["lead_indicator"] = out.index.map(leads["lead"]).fillna("")
    out["lead_why"] = out.index.map(leads["why"]).fillna("")
    return out


def lead_of(objectives: pd.DataFrame, number: int) -> str:
    """The lead indicator id of objective ``number`` ("" when none is recorded)."""
    if "lead_indicator" not in objectives.columns or number not in objectives.index:
        return ""
    return str(objectives.at[number, "lead_indicator"] or "")
