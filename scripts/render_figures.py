"""Write PNGs of every figure builder to artifacts/figures/ (1280x720) to look at them.

Offline: kaleido uses Debian's chromium and reads the map shapes from assets/ through a
throw-away local HTTP server (file:// fetches are blocked in the headless page).
Run: ``python scripts/render_figures.py [--theme light|dark|projector|all]``.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")

import plotly.io as pio  # noqa: E402

from components.figures import (make_distribution, make_map, make_status_shares,  # noqa: E402
                                status_shares_with_world)
from components.figures.geo_config import ASSETS_DIR  # noqa: E402
from data.load import load_dataset  # noqa: E402
from data.queries import filter_countries, group_medians, values_for, with_status  # noqa: E402

OUT = ROOT / "artifacts" / "figures"


def serve_assets() -> str:
    """Serve assets/ on a free localhost port; returns the base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(ASSETS_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def figures(theme: str):
    d = load_dataset()
    ind = d.indicators
    world = filter_countries(d.countries)
    latest = with_status(values_for(d.observations, None, 2021), ind)
    yield "map_10_7_2_all", make_map(latest[latest.indicator_id == "sdg10_7_2_all"],
                                     ind.loc["sdg10_7_2_all"], world, theme=theme,
                                     highlight=("KEN", "MEX"), year_label="2021 round",
                                     subtitle="2021 round · all countries · spotlight: Kenya, Mexico")
    africa = filter_countries(d.countries, regions=["Africa"])
    yield "map_10_7_2_africa", make_map(latest[latest.indicator_id == "sdg10_7_2_pd1"],
                                        ind.loc["sdg10_7_2_pd1"], africa, theme=theme,
                                        region="Africa", year_label="2021 round")
    remit = with_status(values_for(d.observations, ["sdg10_c_1_cost_to_receiving"], "latest"), ind)
    yield "map_10_c_1_bands", make_map(remit, ind.loc["sdg10_c_1_cost_to_receiving"], world,
                                       theme=theme, year_label="Latest available")
    births = with_status(values_for(d.observations, ["sdg16_9_1_birth_registration"], "latest"), ind)
    yield "map_16_9_1_continuous", make_map(births, ind.loc["sdg16_9_1_birth_registration"], world,
                                            theme=theme)
    oceania = filter_countries(d.countries, regions=["Oceania"])
    rem = with_status(values_for(d.observations, ["sdg17_3_2_remittances_gdp"], "latest"), ind)
    yield "map_17_3_2_oceania", make_map(rem, ind.loc["sdg17_3_2_remittances_gdp"], oceania,
                                         theme=theme, region="Oceania")
    yield "map_empty", make_map(latest, ind.loc["sdg10_7_2_all"], world.iloc[0:0], theme=theme)
    policy = latest[latest.indicator_id.str.startswith("sdg10_7_2")]
    shares = status_shares_with_world(policy, world)
    yield "shares_all_domains", make_status_shares(
        shares[shares.indicator_id == "sdg10_7_2_all"], {"sdg10_7_2_all": "All domains"},
        theme=theme, year_label="2021 round")
    labels = {i: ind.at[i, "label"].replace("Migration policies: ", "").split(" (10.7.2")[0]
              for i in ind.index if i.startswith("sdg10_7_2")}
    yield "shares_seven_series", make_status_shares(shares, labels, theme=theme,
                                                    year_label="2021 round")
    for iid in ("sdg10_c_1_cost_to_receiving", "sdg16_9_1_birth_registration"):
        vals = values_for(d.observations, [iid], "latest")
        vals = vals[vals.iso3.isin(world.index)]
        yield f"distribution_{iid}", make_distribution(vals, world, group_medians(vals, world),
                                                       ind.loc[iid], theme=theme)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--theme", default="light", choices=["light", "dark", "projector", "all"])
    args = parser.parse_args()
    pio.defaults.topojson = serve_assets()
    OUT.mkdir(parents=True, exist_ok=True)
    for theme in (["light", "dark", "projector"] if args.theme == "all" else [args.theme]):
        for name, fig in figures(theme):
            path = OUT / f"{name}_{theme}.png"
            pio.write_image(fig, path, width=1280, height=720)
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
