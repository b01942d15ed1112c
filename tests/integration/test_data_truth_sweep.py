"""Issue 13 acceptance sweep, through the real app (Flask test client): every map and CSV of every
indicator and year, every matrix year and sort, and a "nan"/"None" scan of many URL states, all
compared with answers recomputed from the raw shipped files (tests/raw_sources.py, pandas only)."""
from __future__ import annotations

import html as html_lib
import io
import json
import re

import pandas as pd
import pytest

from components import ids
from tests.raw_sources import (ABOVE, BELOW, MIDDLE, latest_corridors, official_band, raw_in_year, raw_values,
                               read)

MAP = read("gcm_indicator_map.csv").set_index("indicator_id")
INDICATORS = tuple(MAP.index)
ORDINAL = {1: "Requires further progress", 2: "Partially meets", 3: "Meets", 4: "Fully meets"}
LABELS = dict(zip((BELOW, MIDDLE, ABOVE), MAP.at["sdg10_c_1_cost_to_receiving", "band_labels"].split(";")))
BAD_TOKEN = re.compile(r"(?<![A-Za-z])(nan|NaN|None)(?![A-Za-z])")
NUMBER = re.compile(r"-?[\d,]*\.?\d+")


def _reference() -> pd.DataFrame:
    return read("country_reference_m49.csv").set_index("iso3")


def _shown_areas() -> set[str]:
    """Rows of the map, matrix and table without filters: UN members and areas that report."""
    ref = _reference()
    reporting = set().union(*(set(raw_values(i)["iso3"]) for i in INDICATORS))
    return {i for i in ref.index if ref.at[i, "un_member_state"] == "True" or i in reporting}


def _expected_status(indicator_id: str, value: float) -> str:
    if MAP.at[indicator_id, "kind"] == "ordinal_1_4":
        return ORDINAL[int(value)]
    return LABELS[official_band(value)] if MAP.at[indicator_id, "band_target"] else ""


def _close(text: str, value: float) -> bool:
    """True if the number printed in ``text`` is ``value`` rounded to the digits it shows."""
    match = NUMBER.search(text)
    if match is None:
        return False
    shown = match.group(0).replace(",", "")
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    step = 10 ** -decimals
    if decimals == 0 and abs(value) >= 1:
        return abs(float(shown) - value) <= 0.5 + 1e-9
    # Three significant digits below 1: the step is that of the last digit shown.
    return abs(float(shown) - value) <= step / 2 + 1e-9


def _content(dash_client, search: str) -> dict:
    resp = dash_client.call(f"{ids.CONTENT}.children", {f"{ids.URL}.search": search}, [f"{ids.URL}.search"])
    assert resp.status_code == 200, (search, resp.data[:300])
    return resp.get_json()


def _figures(node):
    if isinstance(node, dict):
        if "figure" in node and isinstance(node["figure"], dict):
            yield node["figure"]
        for value in node.values():
            yield from _figures(value)
    elif isinstance(node, list):
        for value in node:
            yield from _figures(value)


def _map_states():
    for ind in INDICATORS:
        years = sorted(set(raw_values(ind)["year"]))
        for year in ["latest", *years]:
            yield ind, year


@pytest.mark.parametrize("indicator_id", INDICATORS)
def test_every_map_and_csv_of_every_year_matches_the_source(dash_client, client, indicator_id):
    shown = _shown_areas()
    names = _reference()["country_or_area"]
    by_name = {n: i for i, n in names.items()}
    years = sorted(set(raw_values(indicator_id)["year"]))
    for year in ["latest", *years]:
        raw = raw_in_year(indicator_id, year)
        raw = raw[raw["iso3"].isin(shown)].set_index("iso3")
        where = f"{indicator_id} {year}"
        # CSV download: one row per shown area; a value exactly where the source has one.
        text = client.get(f"/download/displayed.csv?indicator={indicator_id}&year={year}").data.decode()
        csv = pd.read_csv(io.StringIO(text), comment="#", keep_default_na=False, dtype=str).set_index("iso3")
        assert set(csv.index) == shown, where
        have = csv[csv["value"] != ""]
        assert set(have.index) == set(raw.index), where
        assert (have["value"].astype(float) == raw.loc[have.index, "value"]).all(), where
        assert (have["year"].astype(int) == raw.loc[have.index, "year"]).all(), where
        assert list(have["status"]) == [_expected_status(indicator_id, v) for v in raw.loc[have.index, "value"]], where
        assert (csv.loc[csv["value"] == "", "status"] == "No data").all(), where
        # Map: every area with a value is drawn with that value and year; legend counts per status.
        figure = next(_figures(_content(dash_client, f"?view=map&indicator={indicator_id}&year={year}")))
        hovers = {}
        for trace in figure["data"]:
            texts = trace.get("text") or []
            if trace.get("name", "").startswith("No data") or not texts or trace.get("mode") == "text":
                continue
            for t in texts:
                name = re.match(r"<b>(.*?)</b>", t)
                if name:
                    hovers[by_name[html_lib.unescape(name.group(1))]] = t
        assert set(hovers) >= set(raw.index) - _undrawn(figure, names), where
        for iso3, hover in hovers.items():
            line = hover.split("<br>")[1]
            assert _close(line, raw.at[iso3, "value"]), (where, iso3, hover, raw.at[iso3, "value"])
            assert f"Year of data: {raw.at[iso3, 'year']}" in hover, (where, hover)
            status = _expected_status(indicator_id, raw.at[iso3, "value"])
            assert (f"Category: {status}" in hover) if status else ("Category" not in hover), (where, hover)
        if MAP.at[indicator_id, "kind"] == "ordinal_1_4" or MAP.at[indicator_id, "band_target"]:
            counts = raw["value"].map(lambda v: _expected_status(indicator_id, v)).value_counts()
            legend = [t["name"] for t in figure["data"] if t.get("showlegend", True) is not False]
            for status, count in counts.items():
                assert any(n.endswith(f"{status} ({count})") for n in legend), (where, status, legend)


def _undrawn(figure: dict, names: pd.Series) -> set[str]:
    """Areas the map names in its "Not drawn at this scale" note (neither shape nor point)."""
    notes = [a["text"] for a in figure["layout"].get("annotations", []) if a.get("name") == "undrawn"]
    listed = notes[0].split(": ", 1)[1] if notes else ""
    return {i for i, n in names.items() if n and n in listed}  # names may hold commas themselves


ARIA = re.compile(r'aria-label="([^"]*)"')


def _matrix_cells(body: str, shorts: list[str]) -> dict[tuple[str, str], tuple[str | None, str]]:
    """{(area name, short label): (year or None, text)} from the served matrix fragment."""
    out = {}
    for label in ARIA.findall(body):
        head, _, text = html_lib.unescape(label).partition(": ")
        year = re.search(r", (\d{4})$", head)
        head = head[: year.start()] if year else head
        short = next(s for s in shorts if head.endswith(", " + s))
        out[(head[: -len(short) - 2], short)] = (year.group(1) if year else None, text)
    return out


MATRIX_YEARS = ("latest", 2019, 2021, 2018, 2010)


@pytest.mark.parametrize("year", MATRIX_YEARS)
def test_every_matrix_cell_matches_the_source(client, year):
    shown = _shown_areas()
    names = _reference()["country_or_area"]
    shorts = list(MAP["short_label"])
    # A link's year must exist for its indicator (else it falls back to latest): pick one that has it.
    carrier = next(i for i in INDICATORS if year == "latest" or year in set(raw_values(i)["year"]))
    bodies = {sort: client.get(f"/fragments/matrix?indicator={carrier}&year={year}&sort={sort}").data.decode()
              for sort in ("region", "name", "status")}
    cells = _matrix_cells(bodies["region"], shorts)
    assert len(cells) == len(shown) * len(INDICATORS)
    for ind in INDICATORS:
        raw = raw_in_year(ind, year).set_index("iso3")
        short = MAP.at[ind, "short_label"]
        for iso3 in shown:
            when, text = cells[(names[iso3], short)]
            if iso3 not in raw.index:
                assert text == "no data", (ind, iso3, text)
                continue
            value = raw.at[iso3, "value"]
            assert when == str(raw.at[iso3, "year"]), (ind, iso3, when)
            status = _expected_status(ind, value)
            if MAP.at[ind, "kind"] == "ordinal_1_4":
                assert text == status, (ind, iso3, text)
            else:
                assert _close(text, value), (ind, iso3, text, value)
                if status:
                    assert text.endswith(f", {status}"), (ind, iso3, text)
                else:
                    assert not re.search(r", [A-Za-z]", text), (ind, iso3, text)  # a value, no category
    # Sorting reorders rows and never changes a cell.
    for sort in ("name", "status"):
        assert _matrix_cells(bodies[sort], shorts) == cells, sort
    visible = re.findall(r'class="matrix-country-link"[^>]*>([^<]*)<', bodies["name"])
    expected = sorted(shown, key=lambda i: (names[i].casefold(), i))
    assert [html_lib.unescape(v) for v in visible] == [names[i] for i in expected]


#: URL states covering every view with filters, years and countries (more than 50).
STATES = tuple(
    [f"?view=map&indicator={i}" for i in INDICATORS]
    + [f"?view=compare&compare=JPN,NPL,KEN&year={y}" for y in ("2019", "2021", "latest", "2015")]
    + [f"?view=compare&compare=USA,MEX,PHL,GHA,IND,DEU&objective={o}" for o in (20, 6, 15, 12)]
    + [f"?view=profile&country={c}" for c in ("AFG", "COL", "KWT", "XKX", "REU", "GHA", "USA")]
    + ["?view=profile&country=COL&year=2018", "?view=profile&country=GTM&year=2017"]
    + [f"?view=uneven&indicator={i}" for i in ("sdg10_7_2_all", "sdg10_c_1_cost_to_receiving",
                                                 "sdg16_9_1_birth_registration")]
    + ["?view=uneven&uneven=all&year=2019", "?view=matrix&objective=12", "?view=matrix&objective=12,13",
       "?view=matrix&sort=status&region=Africa", "?view=matrix&year=2021&champion=1"]
    + [f"?view=change&indicator={i}" for i in ("sdg10_c_1_cost_to_receiving", "sdg17_3_2_remittances_gdp")]
    + ["?view=change&policy=sdg10_7_2_pd3&region=Asia"]
    + [f"?view=gap&policy=sdg10_7_2_all&outcome={o}" for o in ("sdg17_3_2_remittances_gdp",
                                                               "sdg10_c_1_cost_to_receiving")]
    + ["?view=regions", "?view=regions&policy=sdg10_7_2_pd5",
       "?view=corridors&country=AUT", "?view=corridors&country=XKX&corridor_role=receiving",
       "?view=corridors&country=DEU&corridor_role=receiving", "?view=corridors",
       "?view=table&indicator=sdg10_c_1_cost_from_sending", "?view=table&indicator=sdg10_7_2_pd1&year=2019",
       "?view=methodology"])


def test_no_nan_or_none_in_any_view(dash_client, client):
    assert len(STATES) >= 50
    for search in STATES:
        body = json.dumps(_content(dash_client, search), ensure_ascii=False)
        # JSON null is fine; a "None"/"nan" printed into a string is not. The compare prompt's
        # "None is chosen yet" is English, not a missing value.
        found = [m for m in BAD_TOKEN.finditer(body.replace("None is chosen yet", ""))]
        assert not found, (search, [body[max(0, m.start() - 80): m.end() + 40] for m in found[:3]])
    for search in ("?year=latest", "?year=2018&sort=status", "?objective=20"):
        body = client.get(f"/fragments/matrix{search}").data.decode()
        assert not BAD_TOKEN.search(body), search
    csv = client.get("/download/displayed.csv?indicator=sdg10_c_1_cost_to_receiving").data.decode()
    assert not BAD_TOKEN.search(csv)


def test_views_state_the_rules_and_the_gaps(dash_client):
    method = json.dumps(_content(dash_client, "?view=methodology"), ensure_ascii=False)
    assert "round half up" in method and "exactly 5.00%" in method and "3 \u2264 cost \u2264 5" in method
    assert "No indicator measures objective 12 yet" in json.dumps(
        _content(dash_client, "?view=matrix&objective=12"), ensure_ascii=False)
    # Editorial mapping: in the subtitle naming objectives and in the footer drawn into the image.
    figure = next(_figures(_content(dash_client, "?view=map&objective=20&indicator=sdg10_c_1_cost_to_receiving")))
    assert "(editorial mapping)" in figure["layout"]["meta"]["export"]["title"]["subtitle"]["text"]
    source = [a for a in figure["layout"]["meta"]["export"]["annotations"] if a.get("name") == "source"][0]["text"]
    assert "Objective mapping is editorial" in source


def test_corridor_views_agree_with_the_source(dash_client):
    austria = latest_corridors("AUT", "sending")
    text = json.dumps(_content(dash_client, "?view=corridors&country=AUT"), ensure_ascii=False)
    middle = int((austria["value"].map(official_band) == MIDDLE).sum())
    assert f"Of {len(austria)} corridors from Austria" in text and f"{middle} are between 3% and 5%" in text
    germany = len(latest_corridors("DEU", "sending"))
    text = json.dumps(_content(dash_client, "?view=corridors&country=DEU&corridor_role=receiving"), ensure_ascii=False)
    assert f"appears as a sending country in {germany} corridors" in text
    assert "Kosovo" in json.dumps(_content(dash_client, "?view=corridors&country=XKX&corridor_role=receiving"))
