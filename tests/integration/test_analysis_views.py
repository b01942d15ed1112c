"""The analysis views over HTTP: render callback, option panels, and the download routes."""
from __future__ import annotations

import io
import zipfile
from urllib.parse import parse_qs

import pandas as pd
import pytest

from components import ids
from components.views import REGISTRY, change, compare, corridors, gap, regions
from tests.component_tree import by_id, links, of_type, text, walk


def _render(dash_client, search: str) -> dict:
    """The content area's component tree for ``search``."""
    resp = dash_client.call(f"{ids.CONTENT}.children", {f"{ids.URL}.search": search}, [f"{ids.URL}.search"])
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()["response"]


def _sync(dash_client, search: str, changed: str, **control_values):
    values = {f"{ids.URL}.search": search}
    values.update({f"{cid}.value": v for cid, v in control_values.items()})
    resp = dash_client.call(f"..{ids.URL_WRITE}.search", values, [changed])
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()["response"]


# The profile opens with the country's own heading and sentence instead of a summary.
@pytest.mark.parametrize("view", [name for name in REGISTRY.names if name != "profile"])
def test_each_view_renders_with_summary_and_source_link(dash_client, view):
    tree = _render(dash_client, f"?view={view}&compare=MEX,PHL&country=USA")
    assert text(by_id(tree, ids.SUMMARY)).strip()
    assert "?view=methodology" in links(tree) or view == "methodology"


def test_change_view_counts_and_animation(dash_client):
    tree = _render(dash_client, "?view=change&indicator=sdg10_c_1_cost_to_receiving")
    summary = text(by_id(tree, ids.SUMMARY))
    assert summary.startswith("Of 62 countries") and "76 countries reported only one round" in summary
    animation = by_id(tree, change.MAP_GRAPH)["props"]["figure"]
    assert animation["frames"] and "animate" in str(animation["layout"]["updatemenus"])
    series = by_id(tree, change.SERIES_GRAPH)["props"]["figure"]
    assert any(t.get("name", "").startswith("Official target") for t in series["data"])


def test_gap_view_states_count_and_caveat(dash_client):
    tree = _render(dash_client, "?view=gap&outcome=sdg8_8_2_labour_rights&highlight=MEX")
    caveat = [c for c in walk(tree) if "caveat" in c["props"].get("className", "")]
    assert len(caveat) == 1 and "association, not cause" in text(caveat) and "self-reported" in text(caveat)
    figure = by_id(tree, gap.GRAPH)["props"]["figure"]
    assert "Selected countries" in {t.get("name") for t in figure["data"]}


def test_table_view_is_one_ag_grid_without_function_strings(dash_client):
    tree = _render(dash_client, "?view=table&region=Africa&year=2021")
    [grid] = of_type(tree, "AgGrid")
    settings = str({k: v for k, v in grid["props"].items() if k != "rowData"})
    assert "function" not in settings and "params." not in settings


def test_option_panel_shows_only_on_its_view(dash_client):
    resp = dash_client.call(f"{ids.PAGE}.className", {f"{ids.URL}.search": "?view=gap"}, [f"{ids.URL}.search"])
    assert resp.status_code == 200, resp.data[:300]
    response = resp.get_json()["response"]
    assert response["gap-options"]["hidden"] is False
    assert response["change-options"]["hidden"] is True and response["matrix-options"]["hidden"] is True


def test_operated_control_wins_over_its_twin(dash_client):
    # gap-policy was changed; change-policy still shows the old value and must not win.
    response = _sync(dash_client, "?view=gap", f"{gap.POLICY}.value",
                     **{ids.VIEW_TABS: "gap", gap.POLICY: "sdg10_7_2_pd4", change.POLICY: "sdg10_7_2_all",
                        regions.POLICY: "sdg10_7_2_all", ids.INDICATOR: "sdg10_7_2_all", ids.YEAR: "latest"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["policy"] == ["sdg10_7_2_pd4"] and query["view"] == ["gap"]
    assert response[change.POLICY]["value"] == "sdg10_7_2_pd4"


def test_corridor_country_does_not_jump_to_profile(dash_client):
    response = _sync(dash_client, "?view=corridors", f"{corridors.COUNTRY}.value",
                     **{ids.VIEW_TABS: "corridors", corridors.COUNTRY: "GBR", corridors.ROLE: "sending"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["view"] == ["corridors"] and query["country"] == ["GBR"]


def test_compare_keeps_at_most_six_with_notice(dash_client):
    many = ["MEX", "PHL", "DEU", "IND", "NGA", "BRA", "FRA"]
    response = _sync(dash_client, "?view=compare", f"{compare.COUNTRIES}.value",
                     **{ids.VIEW_TABS: "compare", compare.COUNTRIES: many})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["compare"] == [",".join(many[:6])]
    assert "At most 6" in text(response[ids.NOTICE]["children"])


def test_bad_params_fall_back(dash_client):
    tree = _render(dash_client, "?view=gap&outcome=nonsense&since=1066&policy=x&compare=ZZZ")
    assert "Remittance cost" in text(tree).split("Policy and practice:")[1]  # default outcome, in the chart title
    response = _sync(dash_client, "?view=corridors&corridor_role=sideways&country=QQQ", f"{ids.URL}.search")
    notice = text(response[ids.NOTICE]["children"])
    assert "sideways" in notice and "QQQ" in notice


def test_displayed_download_is_csv_with_citation(app, dataset):
    client = app.server.test_client()
    resp = client.get("/download/displayed.csv?view=table&region=Africa&year=2021")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    text = resp.get_data(as_text=True)
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any(ln.startswith("# Licence: CC BY 4.0") for ln in header)
    assert any("Source: United Nations, Global SDG Indicators Database" in ln for ln in header)
    rows = pd.read_csv(io.StringIO(text), comment="#")
    c = dataset.countries
    africa = c[(c.region == "Africa") & (c.un_member | c.index.isin(dataset.observations.iso3))]
    assert len(rows) == len(africa) and set(rows.iso3) == set(africa.index)
    obs = dataset.observations
    have = obs[(obs.indicator_id == "sdg10_7_2_all") & (obs.year == 2021) & obs.iso3.isin(africa.index)]
    assert rows.value.notna().sum() == len(have)


def test_displayed_download_with_bad_params_falls_back_and_says_so(app):
    resp = app.server.test_client().get("/download/displayed.csv?region=Atlantis&indicator=%3Cscript%3E")
    assert resp.status_code == 200
    text = resp.get_data(as_text=True)
    notes = [ln for ln in text.splitlines() if ln.startswith("# Note:")]
    assert any("Atlantis" in ln for ln in notes)
    rows = pd.read_csv(io.StringIO(text), comment="#")
    assert set(rows.indicator_id) == {"sdg10_7_2_all"} and "<script>" not in rows.to_csv()


def test_full_download_is_zip_with_readme(app, dataset):
    resp = app.server.test_client().get("/download/full.zip")
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(resp.data)) as zf:
        assert "Licence:" in zf.read("README.txt").decode()
        obs = pd.read_csv(zf.open("observations.csv"), comment="#")
    assert len(obs) == len(dataset.observations)


def test_displayed_xlsx_has_the_table_rows_citation_and_notes(app, dataset):
    import openpyxl
    resp = app.server.test_client().get("/download/displayed.xlsx?view=table&region=Africa&region=Atlantis")
    assert resp.status_code == 200 and resp.mimetype.endswith("spreadsheetml.sheet")
    assert 'filename="gcm-dashboard-displayed.xlsx"' in resp.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(resp.data))
    about = [c.value for c in book["About"]["A"] if c.value]
    assert any(line.startswith("Licence: CC BY 4.0") for line in about)
    assert any(line.startswith("View: ?") and "view=table" in line for line in about)
    csv = pd.read_csv(io.StringIO(app.server.test_client().get(
        "/download/displayed.csv?view=table&region=Africa&region=Atlantis").get_data(as_text=True)), comment="#")
    assert [ln for ln in about if ln.startswith("Note:")], about  # the unknown region is reported
    sheet = book["data"]
    rows = pd.DataFrame(list(sheet.values)[1:], columns=[c.value for c in sheet[1]])
    assert len(rows) == len(csv) and list(rows.iso3) == list(csv.iso3)
    assert rows.value.notna().sum() == csv.value.notna().sum()


def test_full_xlsx_download(app, dataset):
    resp = app.server.test_client().get("/download/full.xlsx")
    assert resp.status_code == 200 and resp.mimetype.endswith("spreadsheetml.sheet")
    assert 'filename="gcm-dashboard-full-dataset.xlsx"' in resp.headers["Content-Disposition"]
    assert resp.data[:2] == b"PK"


def test_change_view_leads_with_the_transition_matrix(dash_client):
    tree = _render(dash_client, "?view=change")
    figure = by_id(tree, change.MATRIX_GRAPH)["props"]["figure"]
    assert sum(map(sum, figure["data"][0]["z"])) == 62
    assert text(by_id(tree, change.NAMES)).count(":") >= 6  # named countries per non-empty cell
    graphs = [c["props"]["id"] for c in walk(tree) if c.get("type") == "Graph"]
    assert change.GRAPH not in graphs  # no 62-row dumbbell without a region or spotlight
    graphs = [c["props"]["id"] for c in walk(_render(dash_client, "?view=change&region=Africa"))
              if c.get("type") == "Graph"]
    assert graphs[:2] == [change.MATRIX_GRAPH, change.GRAPH]


def test_profile_presenter_is_one_card(dash_client):
    tree = _render(dash_client, "?view=profile&country=GHA&presenter=1")
    shown = text(tree)
    assert "GCM objective coverage" in shown and "full indicator table" in shown
    assert "Indicators by GCM objective" not in shown
    tree = _render(dash_client, "?view=profile&country=GHA")
    assert "Indicators by GCM objective" in text(tree) and "GCM objective coverage" in text(tree)


def test_change_counts_never_call_a_filtered_selection_the_world(dataset):
    from components.url_state import FilterState
    head = lambda state: text(by_id(REGISTRY.render(state, dataset), "change-counts")).split("All domains")[0]
    assert "World (n=62)" in head(FilterState(view="change"))
    africa = head(FilterState(view="change", region=("Africa",)))
    assert "World" not in africa and "Selection" not in africa and "Africa (n=13)" in africa
    both = head(FilterState(view="change", region=("Africa", "Europe")))
    assert "World" not in both and "Selection (n=37)" in both
