"""The page-wide filter controls: pure builders from option lists to Dash components."""
from __future__ import annotations

import pandas as pd
from dash import dcc, html

from data.model import PARTIAL_CLASSIFICATIONS
from data.vocabulary import Vocabulary
from data.years import LATEST

from . import ids
from .view_kit import dropdown, indicator_options, labelled

FLAG_LABELS = {"ldc": "Least developed (LDC)", "lldc": "Landlocked developing (LLDC)",
               "sids": "Small island developing (SIDS)"}


def year_options(years: tuple[int, ...]) -> list[dict]:
    """'Latest available' followed by the years that have data, newest first."""
    return [{"label": "Latest available", "value": LATEST}] + [
        {"label": str(y), "value": str(y)} for y in sorted(years, reverse=True)]


def filter_panel(vocab: Vocabulary, indicators: pd.DataFrame, objectives: pd.DataFrame,
                 principles: pd.DataFrame, countries: pd.DataFrame) -> html.Form:
    """The filter sidebar; values are set from the URL by the sync callback."""
    country_opts = [{"label": countries.loc[i, "name"], "value": i} for i in
                    sorted(vocab.countries, key=lambda i: countries.loc[i, "name"])]
    return html.Form(role="search", **{"aria-label": "Filters"}, className="filters", children=[
        html.H2("Filters", className="panel-title"),
        labelled("Indicator", dcc.Dropdown(id=ids.INDICATOR, options=indicator_options(indicators, objectives),
                                            clearable=False, searchable=True), control_id=ids.INDICATOR),
        labelled("Year or round", dcc.Dropdown(id=ids.YEAR, clearable=False, searchable=False),
                  "Latest available shows each country's most recent year.", ids.YEAR),
        labelled("M49 region", dropdown(ids.REGION, list(vocab.regions)), control_id=ids.REGION),
        labelled("Subregion", dropdown(ids.SUBREGION, list(vocab.subregions)), control_id=ids.SUBREGION),
        labelled("UN regional commission", dropdown(ids.COMMISSION, list(vocab.commissions)),
                  "Full members.", ids.COMMISSION),
        labelled("World Bank income group (FY2027)", dropdown(ids.INCOME, list(vocab.income_groups)),
                  control_id=ids.INCOME),
        html.Fieldset([html.Legend("Country groups"),
                       dcc.Checklist(id=ids.FLAG, options=[{"label": v, "value": k} for k, v in FLAG_LABELS.items()],
                                     className="checklist")], className="control"),
        html.Fieldset([html.Legend("GCM Champion countries"),
                       dcc.Checklist(id=ids.CHAMPION, options=[{"label": "Only Champions (partial list)",
                                                                "value": "yes"}], className="checklist"),
                       html.Small(PARTIAL_CLASSIFICATIONS["gcm_champion"], className="control-help")],
                      className="control"),
        labelled("GCM objectives", dropdown(ids.OBJECTIVE, [
            {"label": f"{n} · {objectives.loc[n, 'short_label']}", "value": n} for n in vocab.objectives]),
            "Limits the indicators to those informing these objectives (editorial mapping, see Methodology).",
            ids.OBJECTIVE),
        labelled("Guiding principle", dropdown(ids.PRINCIPLE, [
            {"label": f"{n} · {principles.loc[n, 'title']}", "value": n} for n in vocab.principles]),
            "Limits the indicators to those tagged with it (editorial).", ids.PRINCIPLE),
        labelled("Country profile", dropdown(ids.COUNTRY, country_opts, multi=False,
                                               placeholder="Choose a country"), control_id=ids.COUNTRY),
        html.Button("Reset filters", id=ids.RESET, type="button", className="button"),
    ])
