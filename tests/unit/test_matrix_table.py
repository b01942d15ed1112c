"""The implementation matrix: the objective overview, the drill-down and the wide table; cell text,
label in name, links, positions against the world median and row order."""
from __future__ import annotations

import html as html_lib
import re
import unicodedata

import pandas as pd
import pytest

from components.matrix_cells import cell_view, glance_value, position
from components.matrix_table import (EMPTY_TEXT, GAP_TEXT, make_matrix_table, objective_columns,
                                     overview_columns, sort_matrix_rows)
from components.static_html import to_html
from components.views import REGISTRY
from components.views.matrix import matrix_html
from data import queries
from data.selection import select, year_medians
from data.status import ORDINAL_CATEGORIES
from data.vocabulary import build_vocabulary
from tests.raw_sources import raw_in_year, raw_latest, read


@pytest.fixture(scope="module")
def d(dataset):
    return dataset


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


def _text(node) -> str:
    """The visible text of an element tree (hidden spans left out)."""
    if isinstance(node, str):
        return node
    if "visually-hidden" in str(getattr(node, "props", {}).get("className", "")):
        return ""
    children = getattr(node, "children", None)
    if children is None:
        return ""
    if isinstance(children, (list, tuple)):
        return "".join(_text(c) for c in children)
    return _text(children)


def _row_headers(table):
    return [n for n in _walk(table) if _tag(n) == "th" and getattr(n, "scope", None) == "row"]


@pytest.fixture(scope="module")
def table(d, matrix):
    return make_matrix_table(matrix, d.indicators, d.objectives, sort="name",
                             link_for=lambda iso3: f"?view=profile&country={iso3}")


def _overview(d, query="?view=matrix"):
    state, _ = REGISTRY.decode(query, _vocab(d))
    return matrix_html(state, d)


def _vocab(d):
    return build_vocabulary(d)


# --- the wide table (every indicator) -------------------------------------------------------

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
    assert groups[0].children.startswith("Objective 1 ")


def test_every_cell_has_text_and_missing_say_no_data(table, matrix):
    cells = _cells(table)
    assert len(cells) == len(matrix)
    missing = [c for c in cells if "nodata" in c.className]
    assert len(missing) == int(matrix["value"].isna().sum())
    assert all(_text(c) == "\u2014 no data" and c.children.props["aria-label"].endswith(": no data") for c in missing)
    assert all(_text(c).strip() for c in cells)


def test_ordinal_cells_read_without_colour(table, matrix):
    cells = _cells(table)
    fully = [c for c in cells if "status-4" in c.className]
    assert len(fully) == int((matrix["status"] == ORDINAL_CATEGORIES[4]).sum())
    assert all(_text(c.children.children[0]) == "4 Fully" for c in fully)
    assert all(c.children.props["aria-label"].endswith(": 4 Fully, 2021, Fully meets") for c in fully)


def test_links_point_at_profile(table, d):
    heads = _row_headers(table)
    assert len(heads) == len(d.countries)
    for th in heads[:5]:
        iso3 = d.countries.index[d.countries["name"] == th.children.children][0]
        assert th.children.href == f"?view=profile&country={iso3}"
    assert all(c.children.href.startswith("?view=profile&country=") for c in _cells(table))


def test_aria_label_names_country_indicator_value_and_year(d, matrix):
    row = matrix[(matrix["indicator_id"] == "sdg10_7_2_pd1") & matrix["value"].notna()].iloc[0]
    one = matrix[matrix["iso3"] == row["iso3"]]
    table = make_matrix_table(one, d.indicators, d.objectives)
    labels = [c.children.props["aria-label"] for c in _cells(table)]
    number = int(row["value"])
    assert any(label.startswith(f"{row['name']}, Migrant rights: {number} ") and
               label.endswith(f", 2021, {row['status']}") for label in labels)


# --- sorting: never a mean over indicators ---------------------------------------------------

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


def test_sort_by_status_uses_the_official_overall_category_not_a_mean(matrix):
    order = sort_matrix_rows(matrix, "status")
    raw = raw_in_year("sdg10_7_2_all", 2021).set_index("iso3")["value"].astype(int)
    ranked = [raw.get(i) for i in order]
    with_data = [r for r in ranked if r is not None]
    assert len(with_data) == len(raw) == 89  # the 2021 round
    assert with_data == sorted(with_data)
    assert all(r is None for r in ranked[len(with_data):])
    # Given ranks win over the matrix's own cells, and only they decide the order.
    assert sort_matrix_rows(matrix, "status", {"ZWE": 0})[0] == "ZWE"


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
    assert text.startswith('<table class="matrix-table matrix-all matrix-sort-region">')
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
    assert "has-spotlight" in table.className and "matrix-spotlight" in to_html(table)


# --- the objective overview -----------------------------------------------------------------

def test_the_overview_has_all_23_objectives_as_columns_with_named_gaps(d):
    columns = overview_columns(d.objectives, d.indicators.index)
    assert [c.objective for c in columns] == list(range(1, 24))
    assert [c.objective for c in columns if c.indicator is None] == [12, 13]
    leads = read("gcm_objective_leads.csv").set_index("objective")["lead_indicator_id"]
    assert {str(c.objective): c.indicator or "" for c in columns} == leads.to_dict()
    body = _overview(d)
    numbers = re.findall(r'<th scope="col" class="matrix-objective-number[^"]*">(?:<a [^>]*>)?(\d+)<', body)
    assert numbers == [str(n) for n in range(1, 24)]
    assert body.count(f'<span class="matrix-vertical">{GAP_TEXT}</span>') == 2
    # Each number opens its drill-down and keeps the page's filters.
    region = _overview(d, "?view=matrix&region=Africa")
    assert 'href="?view=matrix&amp;region=Africa&amp;detail=7"' in region
    # Each lead is named in the header; the editorial choice is said in its tooltip.
    assert '<span class="matrix-vertical">Labour rights</span>' in body
    assert "Lead indicator (editorial): " in body


def test_objectives_reached_only_by_secondary_tags_get_a_column(d):
    columns = {c.objective: c.indicator for c in overview_columns(d.objectives, d.indicators.index)}
    for number in (3, 7, 9, 11, 14, 16, 21, 22):
        assert columns[number] is not None
        assert int(d.indicators.at[columns[number], "primary_objective"]) != number
        assert number in d.indicators.at[columns[number], "objectives"]


def test_the_objective_filter_keeps_only_its_columns(d):
    assert [c.objective for c in overview_columns(d.objectives, d.indicators.index, (20, 12))] == [12, 20]
    kept = d.indicators.index.drop("sdg10_7_2_pd6")  # as if a principle filter dropped the lead of 3
    three = overview_columns(d.objectives, kept)[2]
    assert three.indicator is None and three.gap != GAP_TEXT


def test_no_composite_every_overview_cell_is_its_lead_indicators_own_value(d):
    body = _overview(d, "?view=matrix&sort=name")
    leads = {c.objective: c.indicator for c in overview_columns(d.objectives, d.indicators.index)}
    sel = select(d)
    names = sel.countries["name"]
    rows = re.findall(r"<tr[^>]*><th scope=\"row\".*?</tr>", body)
    assert len(rows) == len(sel.countries)
    checked = 0
    for iso3 in ("GHA", "MEX", "DEU", "PHL", "AFG"):
        row = next(r for r in rows if f">{html_lib.escape(names[iso3])}</a>" in r)
        cells = re.findall(r"<td [^>]*>(.*?)</td>", row)
        assert len(cells) == 23
        for number, cell in zip(range(1, 24), cells):
            lead = leads[number]
            if lead is None:
                assert "No indicator yet" in cell
                continue
            raw = raw_latest(lead).set_index("iso3")
            value = re.search(r'class="matrix-value">([^<]*)<', cell).group(1)
            if iso3 not in raw.index:
                assert value == "\u2014"
                continue
            expected = glance_value(float(raw.at[iso3, "value"]), d.indicators.loc[lead].to_dict())
            assert html_lib.unescape(value) == expected, (iso3, number, value, expected)
            assert f" {raw.at[iso3, 'year']}</span>" in cell  # "latest": the year is on the cell
            checked += 1
    assert checked > 40


LETTER_OR_NUMBER = re.compile(r"[^\w]|_", re.UNICODE)


def _tokens(text: str) -> list[str]:
    """Words as axe-core's label-content-name-mismatch compares them (symbols and brackets out)."""
    text = unicodedata.normalize("NFKD", html_lib.unescape(text)).lower()
    while re.search(r"\([^()]*\)", text):
        text = re.sub(r"\([^()]*\)", "", text)
    return LETTER_OR_NUMBER.sub(" ", text).split()


def _contains(name: list[str], label: list[str]) -> bool:
    return not label or any(name[i:i + len(label)] == label for i in range(len(name) - len(label) + 1))


@pytest.mark.parametrize("query", ["?view=matrix", "?view=matrix&detail=6&year=2019",
                                   "?view=matrix&detail=all&highlight=GHA", "?view=matrix&detail=20"])
def test_label_in_name_every_cell_links_name_contains_its_visible_text(d, query):
    body = _overview(d, query)
    links = re.findall(r'<a href="[^"]*" class="matrix-cell-link" aria-label="([^"]*)">(.*?)</a>', body)
    assert len(links) > 800
    bad = []
    for label, inner in links:
        visible = re.sub(r"<[^>]+>", " ", inner)
        if not _contains(_tokens(label), _tokens(visible)):
            bad.append((label, visible))
    assert not bad, bad[:5]
    assert links[0][0].split(": ")[0].count(", ") >= 1  # "Country, indicator: ..."


# --- cells: position against the world median, units, years ---------------------------------

def test_continuous_cells_sit_against_the_world_median_in_the_good_direction(d):
    medians = year_medians(d, "latest")
    labour = d.indicators.loc["sdg8_8_2_labour_rights"].to_dict()  # lower is better
    birth = d.indicators.loc["sdg16_9_1_birth_registration"].to_dict()  # higher is better
    m_lab, m_birth = medians[("sdg8_8_2_labour_rights", "World")][0], medians[("sdg16_9_1_birth_registration", "World")][0]
    assert position(m_lab - 1, m_lab, labour) == "better" and position(m_lab + 1, m_lab, labour) == "worse"
    assert position(m_birth + 1, m_birth, birth) == "better" and position(m_birth - 1, m_birth, birth) == "worse"
    assert position(m_lab, m_lab, labour) == "at"
    deaths = d.indicators.loc["sdg10_7_3_deaths"].to_dict()       # a count: never compared
    parity = d.indicators.loc["sdg4_5_1_imm_parity_lowsec_math"].to_dict()  # no good direction
    assert position(5.0, 3.0, deaths) is None and position(5.0, 3.0, parity) is None
    cell = {"name": "Ghana", "value": m_lab - 1, "year": 2020, "status": None}
    view = cell_view(cell, labour, m_lab, show_year=True)
    assert (view.mark, view.css, view.year) == ("+", "pos-better", "2020")
    assert "score 0-10 (0 = best)" in view.label and "better than the world median" in view.label
    worse = cell_view({**cell, "value": m_lab + 1}, labour, m_lab)
    assert (worse.mark, worse.css, worse.year) == ("\u2212", "pos-worse", "")
    plain = cell_view({**cell, "value": 12.0}, deaths, 3.0)
    assert (plain.mark, plain.css) == ("", "pos-none") and "not compared" in plain.label


def test_small_shares_read_below_a_tenth_in_the_overview_and_exactly_in_the_name(d):
    gdp = d.indicators.loc["sdg17_3_2_remittances_gdp"].to_dict()
    assert glance_value(0.00725, gdp) == "<0.1%" and glance_value(1.17, gdp) == "1.17%"
    view = cell_view({"name": "X", "value": 0.00725, "year": 2020, "status": None}, gdp, 2.0)
    assert view.value == "<0.1%" and "exactly 0.00725%" in view.label
    assert cell_view({"name": "X", "value": 0.00725, "year": 2020, "status": None}, gdp, 2.0,
                     compact=False).value == "0.00725%"


def test_years_show_on_cells_when_latest_or_when_they_differ_from_the_chosen_year(d):
    assert 'class="matrix-cell-year"' in _overview(d)
    # 2021: every 10.7.2 value is from 2021, so a 10.7.2-only drill-down needs no years on cells.
    assert 'class="matrix-cell-year"' not in _overview(d, "?view=matrix&detail=23&year=2021")


def test_drill_down_lists_every_indicator_of_the_objective_lead_first(d):
    columns = objective_columns(d.indicators, d.objectives, 6)
    tagged = [i for i, held in zip(d.indicators.index, d.indicators["objectives"]) if 6 in held]
    assert columns[0].indicator == "sdg8_8_2_labour_rights" and columns[0].lead
    assert sorted(c.indicator for c in columns) == sorted(tagged)
    body = _overview(d, "?view=matrix&detail=6")
    assert "Lead (editorial)" in body and "World median" in body
    assert body.count("<th scope=\"col\" class=\"matrix-indicator\"") == len(tagged)
    gap = _overview(d, "?view=matrix&detail=12")
    assert "No indicator yet" in gap and "matrix-cell-link" not in gap


def test_every_matrix_value_matches_a_single_observation(d):
    """No cell in any mode is computed: each equals one indicator's value for one country."""
    sel = select(d, year="2019")
    values = sel.values.set_index(["iso3", "indicator_id"])["value"]
    medians = {i: m for (i, g), (m, _) in year_medians(d, "2019").items() if g == "World"}
    matrix = queries.implementation_matrix(sel.values, sel.indicators, sel.countries)
    for row in matrix.dropna(subset=["value"]).head(400).to_dict("records"):
        assert row["value"] == values[(row["iso3"], row["indicator_id"])]
        view = cell_view(row, d.indicators.loc[row["indicator_id"]].to_dict(), medians.get(row["indicator_id"]))
        assert view.css != "nodata"
    assert not pd.isna(list(medians.values())).any()
