"""Merge validated user observations into a new Dataset (the base is never modified)."""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pandas as pd

from .model import OBSERVATION_COLUMNS, Dataset
from .readers import Reference
from .validation import KEY, ValidationFailed, validate_files


def load_user_files(paths, base: Dataset, reference: Reference | None = None) -> Dataset:
    """Return a NEW Dataset with the user rows of ``paths`` merged into ``base``.

    Any problem in any file raises :class:`ValidationFailed` with every problem and
    nothing is merged. A user row for the same (iso3, indicator_id, year) as a shipped
    row replaces it: the unique key admits one value, and a national office loading its
    own figures means them to be shown. ``notes`` of the result say how many were
    replaced and added, per file.
    """
    paths = [Path(p) for p in paths]
    reference = reference or Reference.from_dataset(base)
    results = validate_files(paths, reference)
    problems = [p for r in results for p in r.problems]
    if problems:
        raise ValidationFailed(problems)
    user = pd.concat([r.observations for r in results], ignore_index=True)
    old = base.observations
    replaced = old.set_index(KEY).index.isin(user.set_index(KEY).index)
    merged = pd.concat([old[~replaced], user], ignore_index=True)
    merged = merged.loc[:, list(OBSERVATION_COLUMNS)].sort_values(
        ["indicator_id", "iso3", "year"], ignore_index=True)
    notes = [line for r in results for line in r.report]
    notes.append(f"user files: {len(user)} observations merged; {int(replaced.sum())} shipped "
                 f"values replaced by user values, {len(user) - int(replaced.sum())} added")
    new_sources = sorted(set(user["source_id"]) - set(base.sources.index))
    sources = base.sources
    if new_sources:
        extra = pd.DataFrame({"source_id": new_sources,
                              "citation": [f"User-supplied data ({s})" for s in new_sources],
                              "url": "", "licence": "as supplied by the user", "vintage": ""})
        sources = pd.concat([sources, extra.set_index("source_id")])
    digest = hashlib.sha1(pd.util.hash_pandas_object(user, index=False).to_numpy()).hexdigest()[:8]
    return dataclasses.replace(base, observations=merged, sources=sources,
                               version=f"{base.version}+user-{digest}",
                               notes=tuple(base.notes) + tuple(notes))
