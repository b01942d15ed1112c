"""The naive baseline: the same views built the way typical Dash gallery apps build them.

Every callback reads the CSV files with pandas defaults, cleans and filters them inside the
callback, and draws with plotly.express; there is no cache and no precomputation. It serves the
same URL states as the dashboard (``?view=map&indicator=…&region=…``), so the benchmarks can call
both with identical requests. ``server`` is for ``gunicorn bench.naive_baseline:server``; the data
folder comes from GCM_DATA_DIR (default data/sources). For benchmarks only, never for users.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path
from urllib.parse import parse_qs

import dash
import pandas as pd
import plotly.express as px
from dash import Input, Output, dcc, html

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "data" / "sources"
# Gallery apps read mixed-type columns with defaults; the warning would only clutter the output.
warnings.filterwarnings("ignore", category=pd.errors.DtypeWarning)


def _params(search: str | None) -> dict:
    raw = parse_qs((search or "").lstrip("?"))
    return {k: v[0] for k, v in raw.items()}


def _load(folder: Path, indicator_ids: list[str] | None = None) -> pd.DataFrame:
    """Read and clean inside the callback: read_csv, per-indicator filters, concat, merge."""
    mapping = pd.read_csv(folder / "gcm_indicator_map.csv")
    rows = pd.concat([pd.read_csv(folder / "sdg_10_7_2_migration_policies_by_country.csv"),
                      pd.read_csv(folder / "sdg_migration_related_series_by_country.csv")])
    countries = pd.read_csv(folder / "country_reference_m49.csv", keep_default_na=False)
    parts = []
    for ind in mapping.itertuples():
        if indicator_ids is not None and ind.indicator_id not in indicator_ids:
            continue
        part = rows[rows["series_code"] == ind.series_code]
        for pair in str(ind.breakdown if isinstance(ind.breakdown, str) else "").split(";"):
            if "=" not in pair:
                continue
            key, value = (p.strip() for p in pair.split("=", 1))
            if key in part.columns:
                part = part[part[key].astype(str).str.upper() == value.upper()]
            else:
                part = part[part["other_breakdown"].astype(str).str.contains(f"{key}={value}", case=False,
                                                                            regex=False)]
        parts.append(part.assign(indicator_id=ind.indicator_id, label=ind.label))
    data = pd.concat(parts)
    return data.merge(countries[["iso3", "country_or_area", "region"]], on="iso3", how="left")


def _latest(data: pd.DataFrame) -> pd.DataFrame:
    return data.sort_values("year").groupby(["indicator_id", "iso3"], as_index=False).last()


def naive_figure(search: str | None, folder: Path = DEFAULT_DIR):
    """The figure (or table) for one URL state, rebuilt from the files on every call."""
    p = _params(search)
    view = p.get("view", "map")
    indicator = p.get("indicator", "sdg10_7_2_all")
    if view == "matrix":
        data = _latest(_load(folder))
        if "region" in p:
            data = data[data["region"] == p["region"]]
        grid = data.pivot_table(index="country_or_area", columns="indicator_id", values="value")
        return px.imshow(grid, aspect="auto", title="Implementation matrix")
    if view == "profile":
        data = _latest(_load(folder))
        mine = data[data["iso3"] == p.get("country", "MEX")]
        return px.bar(mine, x="indicator_id", y="value", hover_data=["year", "label"], title="Country profile")
    ids = [f"sdg10_7_2_{s}" for s in ("all", "pd1", "pd2", "pd3", "pd4", "pd5", "pd6")] \
        if p.get("uneven") == "all" else [indicator]
    data = _latest(_load(folder, ids))
    if "region" in p:
        data = data[data["region"] == p["region"]]
    if view == "uneven":
        if data["indicator_id"].str.startswith("sdg10_7_2").all():
            return px.histogram(data, x="region", color=data["value"].astype(str), barnorm="percent",
                                facet_col="indicator_id", facet_col_wrap=4, title="How uneven")
        return px.box(data, x="region", y="value", points="all", title="How uneven")
    return px.choropleth(data, locations="iso3", color="value", hover_name="country_or_area",
                         hover_data=["year"], title=indicator)


def create_naive_app(folder: Path | str | None = None) -> dash.Dash:
    """A one-file gallery-style Dash app serving ``naive_figure`` for the URL."""
    folder = Path(folder or os.environ.get("GCM_DATA_DIR") or DEFAULT_DIR)
    # Same offline map file as the dashboard (no network here), and nothing else from assets/.
    app = dash.Dash(__name__, compress=True, serve_locally=True, assets_folder=str(ROOT / "assets"),
                    assets_ignore=r".*\.(css|js)$")
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="view-content")])

    @app.callback(Output("view-content", "children"), Input("url", "search"))
    def render(search):
        return [dcc.Graph(figure=naive_figure(search, folder),
                          config={"topojsonURL": app.get_asset_url("")})]

    return app


_APP = None


def __getattr__(name: str):
    global _APP
    if name == "server":
        if _APP is None:
            _APP = create_naive_app()
        return _APP.server
    raise AttributeError(name)
