"""The implementation matrix table: structure, cell text, links and row order."""
from __future__ import annotations

import pandas as pd
import pytest

from components.matrix_table import EMPTY_TEXT, make_matrix_table, sort_matrix_rows
from components.static_html import to_html
from data import queries
from data.load import load_dataset
from data.status import ORDINAL_CATEGORIES


@pytest.fixture(scope="module")
def d():
    return load_dataset()


@pytest.fixture(scope="module")
def matrix(d):
    values = queries.with_status(queries.values_for(d.observations, None, 2021), d.indicators)
    return queries.implementation_matrix(values, d.indicators, d.countries)


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from _walk(child)
    elif children is not None and not isinstance(children, (str, int, float)):
        yield from _walk(children)


def _tag(node) -> str | None:
    return getattr(node, "tag", None)


def _cells(table):
    return [n for n in _walk(table) if _tag(n) == "td"]


def _row_headers(table):
    return [n for n in _walk(table) if _tag(n) == "th" and getattr(n, "scope", None) == "row"]


@pytest.fixture(scope="module")
def table(d, matrix):
    return make_matrix_table(matrix, d.indicators, d.objectives, sort="name",
                             link_for=lambda iso3: f"?view=profile&country={iso3}")


def test_table_structure(table, matrix):
    assert table.tag == "table"
    kinds = [c.tag for c in table.children]
    assert kinds[:3] == ["caption", "thead", "tbody"]
    head_rows = table.children[1].children
    assert len(head_rows) == 2
    cols = head_rows[1].children
    assert len(cols) == matrix["indicator_id"].nunique()
    assert all(c.scope == "col" and c.title for c in cols)
    groups = head_rows[0].children[1:]
    assert sum(g.colSpan for g in groups) == len(cols)
    assert groups[0].children.startswith("Obj ")


def test_every_cell_has_text_and_missing_say_no_data(table, matrix):
    cells = _cells(table)
    assert len(cells) == len(matrix)
    missing = [c for c in cells if "nodata" in c.className]
    assert len(missing) == int(matrix["value"].isna().sum())
    assert all("no data" in c.children.children for c in missing)
    assert all(str(c.children.children).strip() for c in cells)


def test_ordinal_cells_read_without_colour(table, matrix):
    cells = _cells(table)
    fully = [c for c in cells if "status-4" in c.className]
    assert len(fully) == int((matrix["status"] == ORDINAL_CATEGORIES[4]).sum())
    assert all(c.children.children == "4 Fully" for c in fully)
    assert all(c.children.props["aria-label"].endswith(": Fully meets") for c in fully)


def test_links_point_at_profile(table, d):
    heads = _row_headers(table)
    assert len(heads) == len(d.countries)
    for th in heads[:5]:
        iso3 = d.countries.index[d.countries["name"] == th.children.children][0]
        assert th.children.href == f"?view=profile&country={iso3}"
    assert all(c.children.href.startswith("?view=profile&country=") for c in _cells(table))


def test_aria_label_names_country_indicator_year(d, matrix):
    row = matrix[(matrix["indicator_id"] == "sdg10_7_2_pd1") & matrix["value"].notna()].iloc[0]
    one = matrix[matrix["iso3"] == row["iso3"]]
    table = make_matrix_table(one, d.indicators, d.objectives)
    labels = [c.children.props["aria-label"] for c in _cells(table)]
    assert f"{row['name']}, Migrant rights, 2021: {row['status']}" in labels


def test_sort_by_name(matrix, d):
    order = sort_matrix_rows(matrix, "name")
    names = [d.countries.at[i, "name"].casefold() for i in order]
    assert names == sorted(names)
    assert len(order) == len(d.countries)


def test_sort_by_region_groups_regions_in_order(matrix, d):
    order = sort_matrix_rows(matrix, "region")
    regions = [d.countries.at[i, "region"] for i in order]
    named = [r for r in regions if r]
    assert named == sorted(named)
    assert all(r == "" for r in regions[len(named):])  # no region goes last
    africa = [d.countries.at[i, "name"].casefold() for i in order if d.countries.at[i, "region"] == "Africa"]
    assert africa == sorted(africa)


def test_sort_by_status_worst_first_and_no_data_last(matrix):
    order = sort_matrix_rows(matrix, "status")
    ordinal = matrix[matrix["indicator_id"].str.startswith("sdg10_7_2")]
    means = ordinal.groupby("iso3")["status_rank"].mean()
    ranked = [means.get(i) for i in order]
    with_data = [r for r in ranked if pd.notna(r)]
    assert len(with_data) == 89  # the 2021 round
    assert with_data == sorted(with_data)
    assert all(pd.isna(r) for r in ranked[len(with_data):])


def test_unknown_sort_falls_back_to_region(matrix):
    assert sort_matrix_rows(matrix, "bogus") == sort_matrix_rows(matrix, "region")


def test_region_sort_has_rowgroup_headers(d, matrix):
    table = make_matrix_table(matrix, d.indicators, d.objectives)
    bodies = [c for c in table.children if c.tag == "tbody"]
    regions = {r for r in d.countries["region"] if r}
    assert len(bodies) == len(regions) + int((d.countries["region"] == "").any())
    first = bodies[0].children[0].children
    assert first.scope == "rowgroup"
    n_africa = int((d.countries["region"] == "Africa").sum())
    assert first.children.children == f"Africa ({n_africa})"


def test_empty_matrix_gives_empty_state(d, matrix):
    out = make_matrix_table(matrix.iloc[0:0], d.indicators, d.objectives)
    assert out.tag != "table" and out.role == "status"
    assert EMPTY_TEXT in to_html(out)
    assert sort_matrix_rows(matrix.iloc[0:0], "status") == []


def test_matrix_serialises_to_html_with_a_cell_per_value(d, matrix):
    text = to_html(make_matrix_table(matrix, d.indicators, d.objectives))
    assert text.startswith('<table class="matrix-table matrix-sort-region">')
    assert text.count("<td ") == len(matrix)
    assert text.count('scope="row"') == matrix["iso3"].nunique()
    assert text.count('aria-label="') == len(matrix)


def test_static_html_escapes_data(d, matrix):
    one = matrix[matrix["iso3"] == matrix["iso3"].iloc[0]].assign(name='<script>alert("x")</script>')
    text = to_html(make_matrix_table(one, d.indicators, d.objectives))
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_row_cap_keeps_order_and_spotlit_rows_and_says_so(d, matrix):
    order = sort_matrix_rows(matrix, "name")
    late = order[-1]
    table = make_matrix_table(matrix, d.indicators, d.objectives, sort="name", max_rows=10, highlight=[late])
    heads = _row_headers(table)
    assert len(heads) == 11  # the first ten in name order, and the spotlit country
    assert _tag(heads[-1].children) == "a" and late in heads[-1].children.href
    assert len(_cells(table)) == 11 * matrix["indicator_id"].nunique()
    caption = table.children[0].children
    assert f"11 of {len(order)} countries and areas (the first 10 in this order, and the spotlit ones" in caption
    assert "narrow the filters" in caption
    full = make_matrix_table(matrix, d.indicators, d.objectives, sort="name")
    assert "the first" not in full.children[0].children
