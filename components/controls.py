"""Filter controls: pure builders from option lists to Dash components."""
from __future__ import annotations

import pandas as pd
from dash import dcc, html

from data.model import PARTIAL_CLASSIFICATIONS
from data.vocabulary import Vocabulary

from . import ids

FLAG_LABELS = {"ldc": "Least developed (LDC)", "lldc": "Landlocked developing (LLDC)",
               "sids": "Small island developing (SIDS)"}
SORT_LABELS = {"region": "Region, then name", "name": "Name", "status": "Overall status (worst first)"}


def indicator_options(indicators: pd.DataFrame, objectives: pd.DataFrame) -> list[dict]:
    """Indicators grouped under their primary objective; objective headings are disabled options."""
    options = []
    for number, group in indicators.groupby("primary_objective", sort=True):
        short = objectives.loc[number, "short_label"]
        options.append({"label": f"Objective {number} · {short}", "value": f"__obj{number}",
                        "disabled": True})
        for ind in group.itertuples():
            options.append({"label": f"   {ind.label}", "value": ind.indicator_id})
    return options


def year_options(years: tuple[int, ...]) -> list[dict]:
    """'Latest available' followed by the years that have data, newest first."""
    return [{"label": "Latest available", "value": "latest"}] + [
        {"label": str(y), "value": str(y)} for y in sorted(years, reverse=True)]


def _labelled(label: str, control, help_text: str | None = None, control_id: str = "") -> html.Div:
    children = [html.Label(label, htmlFor=control_id, className="control-label"), control]
    if help_text:
        children.append(html.Small(help_text, className="control-help"))
    return html.Div(children, className="control")


def _dropdown(control_id: str, options, multi: bool = True, placeholder: str = "All") -> dcc.Dropdown:
    return dcc.Dropdown(id=control_id, options=options, multi=multi, placeholder=placeholder,
                        clearable=True, searchable=True)


def filter_panel(vocab: Vocabulary, indicators: pd.DataFrame, objectives: pd.DataFrame,
                 principles: pd.DataFrame, countries: pd.DataFrame) -> html.Form:
    """The filter sidebar; values are set from the URL by the sync callback."""
    country_opts = [{"label": countries.loc[i, "name"], "value": i} for i in
                    sorted(vocab.countries, key=lambda i: countries.loc[i, "name"])]
    return html.Form(role="search", **{"aria-label": "Filters"}, className="filters", children=[
        html.H2("Filters", className="panel-title"),
        _labelled("Indicator", dcc.Dropdown(id=ids.INDICATOR, options=indicator_options(indicators, objectives),
                                            clearable=False, searchable=True), control_id=ids.INDICATOR),
        _labelled("Year or round", dcc.Dropdown(id=ids.YEAR, clearable=False, searchable=False),
                  "Latest available shows each country's most recent year.", ids.YEAR),
        _labelled("M49 region", _dropdown(ids.REGION, list(vocab.regions)), control_id=ids.REGION),
        _labelled("Subregion", _dropdown(ids.SUBREGION, list(vocab.subregions)), control_id=ids.SUBREGION),
        _labelled("UN regional commission", _dropdown(ids.COMMISSION, list(vocab.commissions)),
                  "Full members.", ids.COMMISSION),
        _labelled("World Bank income group (FY2027)", _dropdown(ids.INCOME, list(vocab.income_groups)),
                  control_id=ids.INCOME),
        html.Fieldset([html.Legend("Country groups"),
                       dcc.Checklist(id=ids.FLAG, options=[{"label": v, "value": k} for k, v in FLAG_LABELS.items()],
                                     className="checklist")], className="control"),
        html.Fieldset([html.Legend("GCM Champion countries"),
                       dcc.Checklist(id=ids.CHAMPION, options=[{"label": "Only Champions (partial list)",
                                                                "value": "yes"}], className="checklist"),
                       html.Small(PARTIAL_CLASSIFICATIONS["gcm_champion"], className="control-help")],
                      className="control"),
        _labelled("GCM objectives", _dropdown(ids.OBJECTIVE, [
            {"label": f"{n} · {objectives.loc[n, 'short_label']}", "value": n} for n in vocab.objectives]),
            "Limits the indicators to those informing these objectives.", ids.OBJECTIVE),
        _labelled("Guiding principle", _dropdown(ids.PRINCIPLE, [
            {"label": f"{n} · {principles.loc[n, 'title']}", "value": n} for n in vocab.principles]),
            "Limits the indicators to those tagged with it (editorial).", ids.PRINCIPLE),
        _labelled("Country profile", _dropdown(ids.COUNTRY, country_opts, multi=False,
                                               placeholder="Choose a country"), control_id=ids.COUNTRY),
        html.Button("Reset filters", id=ids.RESET, type="button", className="button"),
    ])


def matrix_controls() -> html.Div:
    """Sort control of the implementation matrix."""
    return html.Div(className="view-controls", children=[
        html.Label("Sort rows by", htmlFor=ids.SORT, className="control-label"),
        dcc.RadioItems(id=ids.SORT, options=[{"label": v, "value": k} for k, v in SORT_LABELS.items()],
                       inline=True, className="radio"),
    ])


def uneven_controls() -> html.Div:
    """Switch between the chosen indicator and all seven 10.7.2 series."""
    return html.Div(className="view-controls", children=[
        html.Label("Show", htmlFor=ids.UNEVEN_MODE, className="control-label"),
        dcc.RadioItems(id=ids.UNEVEN_MODE, inline=True, className="radio", options=[
            {"label": "The chosen indicator", "value": "indicator"},
            {"label": "All seven 10.7.2 series side by side", "value": "all"}]),
    ])
