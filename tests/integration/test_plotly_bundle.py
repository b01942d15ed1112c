"""The dashboard's own plotly.js bundle: it is what its build script makes, it holds every trace
type the views draw, and the page serves it (and the world shapes) instead of the full plotly.js."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from components.views import REGISTRY
from tests.component_tree import of_type
from webapp.plotly_bundle import BUNDLE_PATH, GEO_PATH

ROOT = Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "scripts/plotly_traces.json").read_text(encoding="utf-8"))
#: States that between them draw every kind of chart the dashboard has.
STATES = ("", "view=uneven", "view=uneven&indicator=sdg10_c_1_cost_to_receiving", "view=profile&country=KEN",
          "view=compare&compare=KEN,GHA", "view=gap", "view=change", "view=change&region=Africa",
          "view=corridors", "view=regions", "view=change&indicator=sdg10_c_1_cost_to_receiving")


def test_the_committed_bundle_is_what_the_build_script_makes(tmp_path):
    node = shutil.which("node")
    assert node, "node is needed to rebuild the plotly.js bundle (scripts/test.sh installs the npm packages)"
    assert (ROOT / "node_modules/plotly.js/package.json").exists(), "run `npm ci` (scripts/test.sh does)"
    out = tmp_path / "plotly-gcm.min.js"
    subprocess.run([node, "scripts/build_plotly.mjs", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=300)
    committed = (ROOT / "assets" / BUNDLE_PATH).read_bytes()
    assert out.read_bytes() == committed, "assets/vendor/plotly-gcm.min.js is stale: run node scripts/build_plotly.mjs"
    licences = "plotly-gcm.LICENSES.txt"
    assert (tmp_path / licences).read_bytes() == (ROOT / "assets/vendor" / licences).read_bytes()
    assert b"MIT" in (ROOT / "assets/vendor" / licences).read_bytes()
    banner = committed[:400].decode("utf-8")
    assert f"plotly.js {SPEC['plotly.js']}" in banner and ", ".join(SPEC["traces"]) in banner


def test_no_script_the_page_runs_names_an_outside_address():
    # Offline by default: apart from XML namespace names, no script may even name another origin
    # (scripts/build_plotly.mjs rewrites plotly.js's CDN and logo defaults for the bundle).
    scripts = [ROOT / "assets" / BUNDLE_PATH, *sorted((ROOT / "assets").glob("*.js"))]
    for path in scripts:
        found = set(re.findall(r"https?://[^\s\"'`)\\]+", path.read_text(encoding="utf-8")))
        outside = {u for u in found if not u.startswith("http://www.w3.org/")}
        assert outside == set(), f"{path.name} names {sorted(outside)}"
    assert "cdn.plot.ly" not in (ROOT / "assets" / BUNDLE_PATH).read_text(encoding="utf-8")


def test_every_trace_type_the_views_draw_is_in_the_bundle(dataset, vocab):
    drawn = set()
    for query in STATES:
        state, notices = REGISTRY.decode("?" + query, vocab)
        assert notices == [], query
        for graph in of_type(REGISTRY.render(state, dataset), "Graph"):
            figure = graph["props"]["figure"]
            drawn |= {trace.get("type", "scatter") for trace in figure.get("data", [])}
            drawn |= {trace.get("type", "scatter") for frame in figure.get("frames", []) for trace in frame.get("data", [])}
    assert {"choropleth", "bar", "scatter"} <= drawn  # the sample above really reached the charts
    assert drawn <= set(SPEC["traces"]), f"add {sorted(drawn - set(SPEC['traces']))} to scripts/plotly_traces.json and rebuild"


@pytest.mark.parametrize("path", [BUNDLE_PATH, GEO_PATH])
def test_the_page_defers_its_plotly_scripts_and_never_names_the_full_bundle(client, path):
    page = client.get("/").get_data(as_text=True)
    tag = next(line for line in page.splitlines() if path in line)
    assert 'defer="defer"' in tag and "?v=" in tag
    assert "package_data/plotly.min.js" not in page
    src = tag.split('src="')[1].split('"')[0]
    response = client.get("/" + src)
    assert response.status_code == 200 and response.mimetype in ("text/javascript", "application/javascript")
