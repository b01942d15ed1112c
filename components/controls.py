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


# Option panels of the analysis views. Each panel has its own controls; several may feed the
# same FilterState field (see ids.FILTER_CONTROLS), so a panel never depends on another one.

def _policy_dropdown(control_id: str, indicators: pd.DataFrame) -> html.Div:
    from data.labels import short_label
    from .url_state import POLICY_INDICATORS
    options = [{"label": f"10.7.2 · {short_label(indicators.loc[i])}", "value": i}
               for i in POLICY_INDICATORS if i in indicators.index]
    return _labelled("Policy measure (SDG 10.7.2 domain)",
                     dcc.Dropdown(id=control_id, options=options, clearable=False, searchable=False),
                     control_id=control_id)


def _countries_dropdown(control_id: str, label: str, countries: pd.DataFrame, iso3s, help_text=None) -> html.Div:
    options = [{"label": countries.loc[i, "name"], "value": i}
               for i in sorted(iso3s, key=lambda i: countries.loc[i, "name"])]
    return _labelled(label, _dropdown(control_id, options, placeholder="Choose up to 6 countries"),
                     help_text, control_id)


def change_controls(indicators: pd.DataFrame, countries: pd.DataFrame, vocab: Vocabulary) -> html.Div:
    """Policy series of the dumbbell; countries for the time series of a continuous indicator."""
    return html.Div(className="view-controls analysis-controls", children=[
        _policy_dropdown(ids.CHANGE_POLICY, indicators),
        _countries_dropdown(ids.CHANGE_COMPARE, "Countries over time", countries, vocab.countries,
                            "For a continuous indicator (sidebar); otherwise region medians are shown."),
    ])


def gap_controls(indicators: pd.DataFrame, objectives: pd.DataFrame, countries: pd.DataFrame,
                 vocab: Vocabulary) -> html.Div:
    """Policy measure, outcome indicator, start of the time window, countries to highlight."""
    outcome_ids = [i for i in indicators.index if indicators.loc[i, "kind"] != "ordinal_1_4"]
    options, pending = [], None
    for opt in indicator_options(indicators.loc[outcome_ids], objectives):
        if opt.get("disabled"):
            pending = opt
            continue
        if pending is not None:
            options.append(pending)
            pending = None
        options.append(opt)
    since = [{"label": "Earliest available", "value": ""}] + [
        {"label": str(y), "value": str(y)} for y in sorted(vocab.years, reverse=True)]
    return html.Div(className="view-controls analysis-controls", children=[
        _policy_dropdown(ids.GAP_POLICY, indicators),
        _labelled("Outcome indicator", dcc.Dropdown(id=ids.GAP_OUTCOME, options=options, clearable=False),
                  control_id=ids.GAP_OUTCOME),
        _labelled("Values from", dcc.Dropdown(id=ids.GAP_SINCE, options=since, clearable=True,
                                              placeholder="Earliest available", searchable=False),
                  "…up to the sidebar year (or the latest).", ids.GAP_SINCE),
        _countries_dropdown(ids.GAP_COMPARE, "Highlight countries", countries, vocab.countries),
    ])


def compare_controls(countries: pd.DataFrame, vocab: Vocabulary) -> html.Div:
    """The 2-6 countries to compare."""
    return html.Div(className="view-controls analysis-controls", children=[
        _countries_dropdown(ids.COMPARE_COUNTRIES, "Countries to compare (2 to 6)", countries, vocab.countries),
    ])


def regions_controls(indicators: pd.DataFrame) -> html.Div:
    """Policy domain of the regional charts."""
    return html.Div(className="view-controls analysis-controls", children=[
        _policy_dropdown(ids.REGIONS_POLICY, indicators)])


def corridor_controls(countries: pd.DataFrame, iso3s) -> html.Div:
    """Sending or receiving side, and the country (only countries that appear in a corridor)."""
    options = [{"label": countries.loc[i, "name"] if i in countries.index else i, "value": i}
               for i in sorted(iso3s, key=lambda i: countries.loc[i, "name"] if i in countries.index else i)]
    return html.Div(className="view-controls analysis-controls", children=[
        _labelled("The country is", dcc.RadioItems(id=ids.CORRIDOR_ROLE, inline=True, className="radio", options=[
            {"label": "Sending money", "value": "sending"}, {"label": "Receiving money", "value": "receiving"}]),
            control_id=ids.CORRIDOR_ROLE),
        _labelled("Country", _dropdown(ids.CORRIDOR_COUNTRY, options, multi=False, placeholder="Choose a country"),
                  control_id=ids.CORRIDOR_COUNTRY),
    ])


def table_controls() -> html.Div:
    """Download buttons: the rows shown, and the full dataset (both carry citation and licence)."""
    return html.Div(className="view-controls analysis-controls downloads", children=[
        html.Button("Download displayed data (CSV)", id=ids.DOWNLOAD_DISPLAYED, type="button",
                    className="button download-button", **{"data-href": "download/displayed.csv"}),
        html.Button("Download full dataset (ZIP of CSV)", id=ids.DOWNLOAD_FULL, type="button",
                    className="button download-button", **{"data-href": "download/full.zip"}),
        # Excel copies (webapp/xlsx_downloads.py); assets/gcm_xlsx.js fetches them on click.
        html.Button("Download displayed data (Excel)", type="button", className="button download-button",
                    **{"data-xlsx-href": "download/displayed.xlsx", "data-with-query": "yes"}),
        html.Button("Download full dataset (Excel)", type="button", className="button download-button",
                    **{"data-xlsx-href": "download/full.xlsx"}),
        html.Span(id=ids.DOWNLOAD_STATUS, role="status", className="download-status",
                  **{"aria-live": "polite"}),
    ])
