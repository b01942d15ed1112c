"""Formula-injection neutralisation: one pure rule for every download writer."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from data.cell_safety import csv_text, formula_like_values, neutral_cell, neutral_frame, one_line


@pytest.mark.parametrize("value, expected", [
    ('=HYPERLINK("http://evil.example/")', '\'=HYPERLINK("http://evil.example/")'),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-3.5", "-3.5"),      # a negative number stays a number
    ("+7", "+7"),
    ("-1e-3", "-1e-3"),
    ("Côte d'Ivoire", "Côte d'Ivoire"),
    ("a=b", "a=b"),       # only the first character matters
    ("", ""),
    (-3.5, -3.5),
    (None, None),
])
def test_neutral_cell(value, expected):
    assert neutral_cell(value) == expected


def test_csv_text_neutralises_cells_headers_and_keeps_comments_on_one_line():
    frame = pd.DataFrame({"country": ["=cmd|' /C calc'!A0", "Ghana"], "value": [-1.5, 2.0],
                          "@note": ["ok", "line\rbreak"]})
    text = csv_text(frame, ["View: ?country=a\r=HYPERLINK(\"x\"),", "second\nline"])
    lines = text.split("\r\n")
    assert lines[0] == '# View: ?country=a =HYPERLINK("x"),' and lines[1] == "# second line"
    rows = list(csv.reader(io.StringIO("\n".join(lines[2:]), newline="")))
    assert rows[0] == ["country", "value", "'@note"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-1.5", "ok"]
    assert rows[2] == ["Ghana", "2.0", "line\rbreak"]  # the CR is inside a quoted field
    assert '"line\rbreak"' in text
    for row in rows:
        assert not any(cell[:1] in ("=", "@", "\t", "\r") for cell in row)


def test_plain_files_keep_lf_line_ends_and_numbers():
    text = csv_text(pd.DataFrame({"a": [1, -2], "b": ["x", "-y"]}), ["head"])
    assert text == "# head\na,b\n1,x\n-2,'-y\n"


def test_neutral_frame_leaves_its_input_alone():
    frame = pd.DataFrame({"a": ["=1"]})
    assert neutral_frame(frame)["a"][0] == "'=1" and frame["a"][0] == "=1"


def test_one_line_and_warnings():
    assert one_line("a\r\nb") == "a  b"
    warnings = formula_like_values(["Ghana", "=1+1", "=1+1", "-4", "\tx"], "country name")
    assert len(warnings) == 2 and "'=1+1'" in warnings[0] and "'\\tx'" in warnings[1]
