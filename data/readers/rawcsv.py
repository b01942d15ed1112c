"""Read a user CSV as text, keeping each row's line number in the file."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .problems import Problem


def read_table(path: Path) -> tuple[list[str], pd.DataFrame, list[Problem]]:
    """Return (header, rows as text indexed by line number, problems).

    Nothing is guessed: every cell stays a string so that readers decide what a
    marker such as ``N`` or ``<0.1`` means instead of pandas' NA inference.
    """
    name = path.name
    data = path.read_bytes()
    if not data.strip():
        return [], pd.DataFrame(), [Problem(name, "non-empty file", "the file is empty")]
    try:
        text = data.decode("utf-8-sig")  # a BOM from Excel is harmless, so accept it
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        detail = (f"byte 0x{data[err.start]:02x} at byte offset {err.start} is not valid UTF-8 "
                  f"(save the file as UTF-8)")
        return [], pd.DataFrame(), [Problem(name, "UTF-8 encoding", detail, line=line)]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:  # a repeated column makes every cell of it ambiguous
        return header, pd.DataFrame(), [Problem(name, "unique column names",
                                                f"column \"{c}\" appears more than once", 1, c)
                                        for c in repeated]
    records, lines, problems = [], [], []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue  # blank lines carry nothing; line numbers stay exact anyway
        if len(record) != len(header):
            problems.append(Problem(name, "same number of fields as the header",
                                    f"row has {len(record)} fields, the header has {len(header)}",
                                    line=reader.line_num))
            continue
        records.append([cell.strip() for cell in record])
        lines.append(reader.line_num)
    rows = pd.DataFrame(records, columns=header, index=pd.Index(lines, name="line"), dtype=str)
    if not records and not problems:
        problems.append(Problem(name, "at least one data row",
                                "the file has a header but no data rows", line=1))
    return header, rows, problems
