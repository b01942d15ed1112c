"""The dashboard's callbacks over HTTP, with payloads built from the app's own callback map."""
from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from components import ids
from components.views import REGISTRY, matrix
from tests.component_tree import by_id, of_type, text, walk


def _render(dash_client, search: str) -> dict:
    """The content area's component tree for ``search``."""
    resp = dash_client.call(f"{ids.CONTENT}.children", {f"{ids.URL}.search": search}, [f"{ids.URL}.search"])
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()["response"]


def _summary(tree) -> str:
    return text(by_id(tree, ids.SUMMARY))


def _trace_types(tree) -> set[str]:
    return {trace.get("type") for graph in of_type(tree, "Graph") for trace in graph["props"]["figure"]["data"]}


def _sync(dash_client, search: str, changed: str | None = None, **control_values):
    values = {f"{ids.URL}.search": search}
    values.update({f"{cid}.value": v for cid, v in control_values.items()})
    resp = dash_client.call(f"..{ids.URL_WRITE}.search", values, [changed or f"{ids.URL}.search"])
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()["response"]


def test_page_and_layout_are_served(app):
    client = app.server.test_client()
    page = client.get("/")
    assert page.status_code == 200 and b"_dash-config" in page.data
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    ids_in_layout = {c["props"].get("id") for c in walk(layout.get_json())}
    assert {control for control, _ in REGISTRY.controls} <= ids_in_layout


def test_map_view_renders_summary_and_map(dash_client, dataset):
    tree = _render(dash_client, "?indicator=sdg10_7_2_all&year=2021")
    reporting = dataset.observations.query("indicator_id == 'sdg10_7_2_all' and year == 2021").iso3.nunique()
    assert f"{reporting} of" in _summary(tree)
    [graph] = of_type(tree, "Graph")
    assert {t["type"] for t in graph["props"]["figure"]["data"]} == {"choropleth", "scattergeo"}  # small states
    assert "world_110m" not in str(graph["props"]["figure"])  # topojson comes from the graph config


def test_map_config_is_offline_and_has_no_cloud_button(dash_client):
    [graph] = of_type(_render(dash_client, "?"), "Graph")
    config = graph["props"]["config"]
    assert config["showSendToCloud"] is False and config["displaylogo"] is False
    assert config["topojsonURL"] == "/assets/"
    assert "cdn.plot.ly" not in str(config)


def test_filters_change_what_the_map_shows(dash_client, dataset):
    africa = _render(dash_client, "?region=Africa&year=2021")
    everyone = _render(dash_client, "?year=2021")
    c = dataset.countries
    n_africa = int(((c.region == "Africa") & (c.un_member | c.index.isin(dataset.observations.iso3))).sum())
    assert f"of {n_africa} countries" in _summary(africa)
    assert _summary(africa) != _summary(everyone)


def test_matrix_view_points_to_its_fragment_and_fragment_has_rows(app, dash_client, dataset):
    host = by_id(_render(dash_client, "?view=matrix&region=Oceania&sort=name"), matrix.TABLE)
    assert parse_qs(host["props"]["data-src"].split("?", 1)[1]) == {
        "view": ["matrix"], "region": ["Oceania"], "sort": ["name"]}
    assert host["props"]["data-src"].startswith("fragments/matrix?")
    frag = app.server.test_client().get("/fragments/matrix?view=matrix&region=Oceania&sort=name")
    assert frag.status_code == 200 and frag.mimetype == "text/html"
    html = frag.get_data(as_text=True)
    oceania = dataset.countries[dataset.countries.region == "Oceania"]
    assert "Australia" in html and "no data" in html
    assert html.count("<tr") >= len(oceania[oceania.un_member])
    assert "?view=profile" in html and "country=AUS" in html


def test_uneven_view_states_reporting_countries(dash_client, dataset):
    tree = _render(dash_client, "?view=uneven&indicator=sdg10_7_2_pd6&year=2021")
    pd6 = dataset.observations.query("indicator_id == 'sdg10_7_2_pd6' and year == 2021")
    assert f"of {pd6.iso3.nunique()} reporting countries" in _summary(tree)
    assert "bar" in _trace_types(tree)


def test_profile_view_and_unknown_country(dash_client):
    ghana = _render(dash_client, "?view=profile&country=GHA")
    headings = [text(h) for h in of_type(ghana, "H2") + of_type(ghana, "H3")]
    assert any("Ghana" in h for h in headings) and "Classifications" in headings
    unknown = _render(dash_client, "?view=profile&country=XXX")
    assert "Classifications" not in text(unknown) and "choropleth" in _trace_types(unknown)
    notice = text(_sync(dash_client, "?view=profile&country=XXX")[ids.NOTICE]["children"])
    assert "XXX" in notice and "country profile needs a country" in notice


def test_empty_filter_combination_shows_empty_state(dash_client):
    [state] = [c for c in walk(_render(dash_client, "?region=Oceania&flag=lldc"))
               if c["props"].get("className") == "empty-state"]
    assert text(state).startswith("No countries match these filters")


def test_link_with_junk_restores_defaults_with_visible_notice(dash_client):
    response = _sync(dash_client, "?view=matrix&region=Atlantis&bogus=1")
    assert response[ids.VIEW_TABS]["value"] == "matrix"
    assert response[ids.REGION]["value"] == []
    notice = text(response[ids.NOTICE]["children"])
    assert "Atlantis" in notice and "bogus" in notice


def test_control_change_writes_the_url(dash_client):
    response = _sync(dash_client, "?view=matrix", changed=f"{ids.REGION}.value",
                     **{ids.VIEW_TABS: "matrix", ids.REGION: ["Asia"], ids.INDICATOR: "sdg10_7_2_all",
                        ids.YEAR: "latest", matrix.SORT: "status"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["region"] == ["Asia"] and query["view"] == ["matrix"] and query["sort"] == ["status"]


def test_crafted_control_values_are_refused(dash_client):
    response = _sync(dash_client, "?", changed=f"{ids.REGION}.value",
                     **{ids.REGION: [{"$gt": 1}, "<script>", "Africa"], ids.INDICATOR: ["x"],
                        ids.YEAR: {"a": 1}, ids.VIEW_TABS: "evil"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query.get("region") == ["Africa"]
    assert "indicator" not in query and "view" not in query


def test_choosing_a_country_opens_its_profile(dash_client):
    response = _sync(dash_client, "?view=map", changed=f"{ids.COUNTRY}.value",
                     **{ids.COUNTRY: "MAR", ids.VIEW_TABS: "map"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["view"] == ["profile"] and query["country"] == ["MAR"]


def test_reset_keeps_view_and_clears_filters(dash_client):
    values = {f"{ids.URL}.search": "?view=uneven&region=Asia&champion=1"}
    resp = dash_client.call(f"..{ids.URL_WRITE}.search", values, [f"{ids.RESET}.n_clicks"])
    response = resp.get_json()["response"]
    assert response[ids.URL_WRITE]["search"] == "?view=uneven"


@pytest.mark.parametrize("search", ["?year=2021&indicator=sdg10_7_2_pd3", "?region=Europe&income_group=High income"])
def test_year_options_follow_the_indicator(dash_client, search, vocab):
    response = _sync(dash_client, search)
    values = [o["value"] for o in response[ids.YEAR]["options"]]
    indicator = parse_qs(search.lstrip("?")).get("indicator", ["sdg10_7_2_all"])[0]
    assert values == ["latest"] + [str(y) for y in sorted(vocab.years_for(indicator), reverse=True)]


def test_health_endpoint(app):
    body = app.server.test_client().get("/health").get_json()
    assert body["status"] == "ok" and body["observations"] > 19000


def test_objective_filter_moves_indicator_into_scope(dash_client):
    response = _sync(dash_client, "?indicator=sdg10_7_2_all&year=2019", changed=f"{ids.OBJECTIVE}.value",
                     **{ids.OBJECTIVE: [20], ids.INDICATOR: "sdg10_7_2_all", ids.YEAR: "2019"})
    query = parse_qs(response[ids.URL_WRITE]["search"].lstrip("?"))
    assert query["objective"] == ["20"]
    # Objective 20 is about remittances: its own indicator, not a 10.7.2 domain that touches it.
    assert query["indicator"] == ["sdg10_c_1_cost_to_receiving"]
    assert "indicator changed" in text(response[ids.NOTICE]["children"])
