"""What makes slide steps, view switches and profiles quick, over HTTP (issue 15).

- /api/view answers with exactly the tree the render callback sends (the slide deck keeps it and
  swaps it in at the key press, assets/slides.js);
- the profile's long indicator table is a static HTML fragment, the same table the profile
  builder makes, with no missing value printed as text;
- the link sync leaves every control that already shows its value alone.
"""
from __future__ import annotations

import re

import pytest
from plotly.io.json import to_json_plotly

from components import ids
from components.profile import make_country_profile, profile_table
from components.static_html import to_html
from components.views import profile
from tests.component_tree import text, walk

BAD_TOKEN = re.compile(r"(?<![A-Za-z])(nan|NaN|None)(?![A-Za-z])")


def _render(dash_client, search: str):
    resp = dash_client.call(f"{ids.CONTENT}.children", {f"{ids.URL}.search": search}, [f"{ids.URL}.search"])
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()["response"][ids.CONTENT]["children"]


@pytest.mark.parametrize("search", ["?view=uneven&indicator=sdg17_3_2_remittances_gdp&highlight=GHA,MEX&presenter=1",
                                    "?view=map&region=Africa", "?view=profile&country=GHA",
                                    "?view=matrix&region=Africa&highlight=GHA&presenter=1"])
def test_api_view_is_the_render_callbacks_tree(client, dash_client, search):
    resp = client.get("/api/view" + search)
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.get_json()["children"] == _render(dash_client, search)


def test_api_view_reads_links_like_the_app(client, dash_client):
    # A bad link falls back exactly as the callback does (never an error page).
    resp = client.get("/api/view?view=nosuchview&year=99999&bogus=<b>")
    assert resp.status_code == 200
    assert resp.get_json()["children"] == _render(dash_client, "?view=nosuchview&year=99999&bogus=<b>")


@pytest.mark.parametrize("iso3", ["GHA", "AFG", "COL", "KWT", "REU", "USA"])
def test_profile_table_is_a_fragment_with_every_objective(client, dash_client, dataset, iso3):
    tree = _render(dash_client, f"?view=profile&country={iso3}")
    hosts = [c for c in walk(tree) if "data-src" in c.get("props", {})]
    assert [h["props"]["data-src"] for h in hosts] == [f"fragments/profile?view=profile&country={iso3}"]
    assert "Indicators by GCM objective" in text(tree)
    html = client.get("/" + hosts[0]["props"]["data-src"]).get_data(as_text=True)
    assert html == "".join(to_html(n) for n in profile_table(iso3, dataset))
    # The same table the profile builder lays out inline, all 23 objectives named.
    inline = to_json_plotly(make_country_profile(iso3, dataset))
    assert inline.count('"profile-objective-row"') == html.count('class="profile-objective-row"') == 23
    assert not BAD_TOKEN.search(html), iso3


def test_profile_without_a_table_has_no_fragment_host(dash_client):
    for search in ("?view=profile&country=GHA&presenter=1", "?view=profile&country=XXX",
                   "?view=profile&country=XKX"):  # presenter card, unknown code, no data
        assert not [c for c in walk(_render(dash_client, search)) if "data-src" in c.get("props", {})]
    assert profile.VIEW.fragment is not None


def test_sync_leaves_controls_showing_their_value_alone(dash_client):
    values = {f"{ids.URL}.search": "?view=uneven&region=Africa", f"{ids.REGION}.value": ["Africa"],
              f"{ids.VIEW_TABS}.value": "map"}
    resp = dash_client.call(f"..{ids.URL_WRITE}.search", values, [f"{ids.URL}.search"])
    response = resp.get_json()["response"]
    assert ids.REGION not in response  # already shows Africa
    assert response[ids.VIEW_TABS]["value"] == "uneven"  # out of date: set from the link


def test_the_echo_of_an_address_a_control_wrote_changes_nothing(dash_client):
    # What the controls show for this link, as the sync callback itself would set them.
    first = dash_client.call(f"..{ids.URL_WRITE}.search", {f"{ids.URL}.search": "?view=uneven&region=Africa"},
                             [f"{ids.URL}.search"]).get_json()["response"]
    shown = {f"{cid}.value": props["value"] for cid, props in first.items() if "value" in props}
    echo = dash_client.call(f"..{ids.URL_WRITE}.search",
                            {f"{ids.URL}.search": "?view=uneven&region=Africa", **shown}, [f"{ids.URL}.search"])
    assert echo.status_code == 204  # PreventUpdate: no control re-rendered, the notice stays
