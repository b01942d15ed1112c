"""The country x objective implementation matrix as an accessible HTML table.

Pure builders: a long matrix frame (from :func:`data.queries.implementation_matrix`) and a list of
:class:`Column` in, a tree of static :class:`~components.static_html.Element` out, shipped as HTML
(see ``components.static_html.to_html``). Three column sets exist:

* the **overview** (:func:`overview_columns`): one column per GCM objective, each showing the
  objective's lead indicator (an editorial choice, ``gcm_objective_leads.csv``); an objective
  without an indicator is a named grey "No indicator yet" column;
* the **drill-down** (:func:`objective_columns`): every indicator tagged with one objective;
* **all indicators** (:func:`indicator_columns`): every indicator under its primary objective.

Each cell shows one indicator's own value: nothing is ever combined across indicators. Status is
shown by colour (CSS class, colours from the theme's custom properties) *and* by text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from data.formatting import areas_noun, format_value
from data.labels import short_label

from .matrix_cells import ORDINAL_LABELS, cell_view, comparability
from .static_html import Element as E

SORTS = ("region", "name", "status")
#: The official indicator the "status" sort orders by (its own published category, never a mean).
STATUS_SORT_INDICATOR = "sdg10_7_2_all"
EMPTY_TEXT = "No countries match these filters. Reset filters to see all countries."
#: Rows the table draws at most. Every real selection fits (248 areas); beyond ~500 rows the
#: browser needs several seconds to lay the table out and nobody reads it on a shared screen.
MAX_ROWS = 500
NO_REGION = "No M49 region"
METHODOLOGY_HREF = "?view=methodology"
#: Text of a named gap: an objective that no indicator measures keeps its column.
GAP_TEXT = "No indicator yet"
FILTERED_TEXT = "Lead not in the principle filter"
#: Below this many overview columns the table keeps its natural width instead of filling the box.
FEW_COLUMNS = 12


@dataclass(frozen=True)
class Column:
    """One matrix column: an objective and the indicator shown for it (None: a named gap)."""

    objective: int
    indicator: str | None
    lead: bool = False
    gap: str = GAP_TEXT


def overview_columns(objectives: pd.DataFrame, shown: Iterable[str], selected: Iterable[int] = ()) -> list[Column]:
    """One column per objective (all, or the ``selected`` ones), each its lead indicator.

    ``shown`` are the indicator ids the filters keep; a lead the principle filter drops becomes a
    named gap, as does an objective without a lead (no indicator measures it)."""
    keep, chosen = set(shown), {int(n) for n in selected}
    out = []
    for number in objectives.index:
        if chosen and int(number) not in chosen:
            continue
        lead = str(objectives.at[number, "lead_indicator"]) if "lead_indicator" in objectives.columns else ""
        if lead and lead in keep:
            out.append(Column(int(number), lead, lead=True))
        else:
            out.append(Column(int(number), None, gap=FILTERED_TEXT if lead else GAP_TEXT))
    return out


def objective_columns(indicators: pd.DataFrame, objectives: pd.DataFrame, number: int) -> list[Column]:
    """Every indicator tagged with objective ``number`` (lead first, then those whose primary
    objective it is, then secondary tags, in catalogue order); a named gap when there is none."""
    lead = str(objectives.at[number, "lead_indicator"]) if "lead_indicator" in objectives.columns else ""
    tagged = [i for i, held in zip(indicators.index, indicators["objectives"]) if number in held]
    primary = [i for i in tagged if int(indicators.at[i, "primary_objective"]) == number]
    ordered = list(dict.fromkeys(([lead] if lead in tagged else []) + primary + tagged))
    return [Column(number, i, lead=(i == lead)) for i in ordered] or [Column(number, None)]


def indicator_columns(indicators: pd.DataFrame, gaps: Iterable[int] = ()) -> list[Column]:
    """Every indicator under its primary objective, gap objectives slotted in by number."""
    entries = [Column(int(indicators.at[i, "primary_objective"]), i) for i in indicators.index]
    entries += [Column(int(n), None) for n in gaps]
    return sorted(entries, key=lambda c: c.objective)  # stable: catalogue order within an objective


def gap_sentence(gaps: Iterable[int], objectives: pd.DataFrame) -> str:
    """" No indicator measures objective 12 (…) or 13 (…) yet; see Methodology." ("" without gaps)."""
    named = [f"{n} ({objectives.at[n, 'short_label']})" if n in objectives.index else str(n) for n in gaps]
    if not named:
        return ""
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    noun = "objective" if len(named) == 1 else "objectives"
    return f" No indicator measures {noun} {listed} yet; see Methodology."


def _default_link(iso3: str) -> str:
    return f"?view=profile&country={iso3}"


def _countries(matrix: pd.DataFrame) -> pd.DataFrame:
    return matrix.drop_duplicates("iso3")[["iso3", "name", "region"]].fillna({"region": ""})


def _by_name(frame: pd.DataFrame) -> pd.DataFrame:
    # casefold so "côte" and "Cote" sit together and lower-case names do not sink to the end
    return frame.assign(_key=frame["name"].str.casefold()).sort_values(["_key", "iso3"])


def sort_matrix_rows(matrix: pd.DataFrame, sort: str = "region", ranks: Mapping[str, float] | None = None) -> list[str]:
    """The iso3 codes of the matrix rows in display order.

    ``name``: alphabetical. ``region``: regions alphabetically (countries without a region
    last), then by name. ``status``: by ``ranks`` (iso3 -> the official 10.7.2 overall category,
    0 = requires further progress), worst first, ties by name; without ``ranks`` the matrix's own
    :data:`STATUS_SORT_INDICATOR` cells are used. Countries without a rank come last, by name.
    No rank is ever a mean over indicators. An unknown ``sort`` falls back to ``region``.
    """
    if matrix.empty:
        return []
    rows = _by_name(_countries(matrix))
    if sort == "name":
        return rows["iso3"].tolist()
    if sort == "status":
        if ranks is None:
            own = matrix[(matrix["indicator_id"] == STATUS_SORT_INDICATOR) & matrix["status"].isin(ORDINAL_LABELS)]
            ranks = dict(zip(own["iso3"], own["status_rank"]))
        rows = rows.assign(_rank=pd.to_numeric(rows["iso3"].map(ranks), errors="coerce"))
        rows = rows.assign(_none=rows["_rank"].isna()).sort_values(["_none", "_rank", "_key", "iso3"],
                                                                    kind="stable")
        return rows["iso3"].tolist()
    rows = rows.assign(_noregion=rows["region"] == "")
    return rows.sort_values(["_noregion", "region", "_key", "iso3"], kind="stable")["iso3"].tolist()


def _objective_runs(columns: list[Column]) -> list[tuple[int, int]]:
    """(objective number, column span) for consecutive columns sharing an objective."""
    runs: list[tuple[int, int]] = []
    for col in columns:
        if runs and runs[-1][0] == col.objective:
            runs[-1] = (col.objective, runs[-1][1] + 1)
        else:
            runs.append((col.objective, 1))
    return runs


def _gap_title(number: int) -> str:
    return f"No indicator measures objective {number} yet \u2014 see Methodology"


def _objective_title(objectives: pd.DataFrame, number: int) -> str:
    return str(objectives.at[number, "title"]) if number in objectives.index else f"Objective {number}"


def _medians_note(col: Column, indicators: Mapping, medians: Mapping[str, float]) -> str:
    """"World median 5.1" under a drill-down column, or why it is not compared."""
    ind = indicators[col.indicator]
    if ind.get("kind") == "ordinal_1_4":
        return "Category 1\u20134"
    reason = comparability(ind)
    if reason:
        return "Not compared"
    median = medians.get(col.indicator)
    note = "" if median is None else f"World median {format_value(median, ind)}"
    target = ind.get("band_target")
    if target is not None and not pd.isna(target):
        # The official target stays in sight: colour says "against the median", not "meets the target".
        note += f"; SDG target below {format_value(target, ind)}"
    return note.removeprefix("; ")


def _overview_header(columns: list[Column], indicators: Mapping, objectives: pd.DataFrame,
                     drill_for: Callable[[int], str] | None) -> E:
    numbers, names = [E("th", "Country", rowSpan=2, scope="col", className="matrix-corner")], []
    for col in columns:
        title = _objective_title(objectives, col.objective)
        lead = indicators[col.indicator] if col.indicator else None
        hidden = f" {title}" + (f"; lead indicator (editorial): {lead['label']}" if lead is not None
                                else f"; {col.gap.lower()}")
        inner = [str(col.objective), E("span", hidden, className="visually-hidden")]
        # The number opens the objective's drill-down; the full title is its tooltip.
        body = E("a", inner, href=drill_for(col.objective), title=f"{title} \u2014 show all its indicators")\
            if drill_for else inner
        numbers.append(E("th", body, scope="col",
                         className="matrix-objective-number" + ("" if lead is not None else " matrix-gap")))
        if lead is None:
            names.append(E("th", E("span", col.gap, className="matrix-vertical"), scope="col",
                           className="matrix-lead matrix-gap", title=_gap_title(col.objective)))
        else:
            unit = str(lead.get("unit") or "")
            names.append(E("th", E("span", short_label(lead), className="matrix-vertical"), scope="col",
                           className="matrix-lead", title=f"Lead indicator (editorial): {lead['label']} \u2014 {unit}"))
    return E("thead", [E("tr", numbers), E("tr", names)])


def _indicator_header(columns: list[Column], indicators: Mapping, objectives: pd.DataFrame,
                      medians: Mapping[str, float]) -> E:
    groups = [E("th", "Country", rowSpan=2, scope="col", className="matrix-corner")]
    for number, span in _objective_runs(columns):
        label = objectives.at[number, "short_label"] if number in objectives.index else ""
        gap = all(c.indicator is None for c in columns if c.objective == number)
        groups.append(E("th", f"Objective {number} \u00b7 {label}", colSpan=span, scope="colgroup",
                        className="matrix-objective" + (" matrix-gap" if gap else ""),
                        title=_objective_title(objectives, number)))
    names = []
    for col in columns:
        if col.indicator is None:
            names.append(E("th", E("a", GAP_TEXT, href=METHODOLOGY_HREF, title=_gap_title(col.objective)),
                           scope="col", className="matrix-indicator matrix-gap"))
            continue
        ind = indicators[col.indicator]
        parts = [short_label(ind)]
        if col.lead:
            parts.append(E("span", " Lead (editorial)", className="matrix-lead-badge"))
        unit = str(ind.get("unit") or "")
        parts.append(E("span", " " + unit, className="matrix-unit"))
        note = _medians_note(col, indicators, medians)
        if note:
            parts.append(E("span", " " + note, className="matrix-unit"))
        names.append(E("th", parts, scope="col", className="matrix-indicator", title=ind["label"]))
    return E("thead", [E("tr", groups), E("tr", names)])


def _cell(cell: Mapping, indicator: Mapping, href: str, median, show_year: bool, compact: bool) -> E:
    view = cell_view(cell, indicator, median, show_year=show_year, compact=compact)
    text = [E("span", view.value, className="matrix-value")]
    # The mark and the year share a second line, so a column is only as wide as its value.
    sub = []
    if view.mark:
        sub.append(E("span", view.mark, className="matrix-mark"))
    if view.year:
        # A "latest" value shows its year on the cell, not only to screen readers (years mix).
        sub.append(E("span", f" {view.year}", className="matrix-cell-year"))
    if sub:
        text.append(E("span", sub, className="matrix-sub"))
    # A plain link with an aria-label that starts with the row and column and then repeats the
    # visible text word for word (label in name), so speech users can say what they see.
    link = E("a", text, href=href, className="matrix-cell-link", **{"aria-label": view.label})
    return E("td", link, className=f"matrix-cell {view.css}")


def _gap_cell(col: Column) -> E:
    return E("td", E("span", col.gap, className="visually-hidden"), className="matrix-cell matrix-gap",
             title=_gap_title(col.objective) if col.gap == GAP_TEXT else col.gap)


def _row(cells: list[dict], columns: list[Column], indicators: dict, link_for: Callable[[str], str],
         medians: Mapping[str, float], spotlit: bool, show_year: bool, compact: bool) -> E:
    first = cells[0]
    href = link_for(first["iso3"])
    name = [E("span", "\u2605 ", className="spotlight-mark", **{"aria-hidden": "true"}), first["name"],
            E("span", " (spotlight)", className="visually-hidden")] if spotlit else first["name"]
    head = E("th", E("a", name, href=href, className="matrix-country-link",
                     title=f"Open the profile of {first['name']}"),
             scope="row", className="matrix-country")
    by_id = {c["indicator_id"]: c for c in cells}
    return E("tr", [head] + [
        _cell(by_id[c.indicator], indicators[c.indicator], href, medians.get(c.indicator), show_year, compact)
        if c.indicator is not None else _gap_cell(c) for c in columns],
        className="matrix-spotlight" if spotlit else None)


def empty_matrix() -> E:
    """The empty state shown when filters leave no country."""
    return E("div", E("p", EMPTY_TEXT), className="matrix-empty", role="status")


def _shows_years(matrix: pd.DataFrame, year) -> bool:
    """Whether cells show their year: always for "latest" (years mix), else when any differs."""
    years = matrix["year"].dropna()
    if year is None or str(year) == "latest":
        return not years.empty
    return bool((years.astype(int) != int(year)).any())


def make_matrix_table(matrix: pd.DataFrame, indicators: pd.DataFrame, objectives: pd.DataFrame, *,
                      columns: list[Column] | None = None, mode: str = "all",
                      sort: str = "region", link_for: Callable[[str], str] | None = None,
                      drill_for: Callable[[int], str] | None = None, medians: Mapping[str, float] | None = None,
                      ranks: Mapping[str, float] | None = None, year=None,
                      caption: str | None = None, highlight=(), max_rows: int = MAX_ROWS,
                      gap_objectives: Iterable[int] = ()) -> E:
    """An accessible table of status per country (rows) and objective or indicator (columns).

    ``mode`` is ``overview`` (``columns`` one per objective, compact cells, objective numbers as
    headers that link to ``drill_for(number)``), ``objective`` (a drill-down) or ``all``; without
    ``columns`` every indicator of ``matrix`` is a column under its primary objective, plus a named
    gap for each of ``gap_objectives``. Each row header and cell links to the country profile
    (``link_for(iso3)``). ``medians`` (indicator id -> world median for the same year choice)
    colour continuous cells by their position in the good direction. With ``sort="region"`` each
    region is its own ``<tbody>``; ``sort="status"`` orders by ``ranks`` (see
    :func:`sort_matrix_rows`). ``highlight`` ISO3 rows are marked as spotlit (class
    ``matrix-spotlight``, a star and hidden text); the CSS mutes the other rows. Only the first
    ``max_rows`` countries in the sort order (plus any spotlit ones) become rows, and the caption
    says so. The cells show their year when ``year`` is "latest"/None and years differ, or when a
    year differs from ``year``. Returns the empty state when ``matrix`` has no rows.
    """
    if matrix.empty:
        return empty_matrix()
    link_for = link_for or _default_link
    medians = medians or {}
    gaps = [int(n) for n in gap_objectives]
    if columns is None:
        present = list(dict.fromkeys(matrix["indicator_id"]))
        columns = indicator_columns(indicators.loc[present], gaps)
    compact = mode == "overview"
    show_year = _shows_years(matrix, year)
    spot = set(highlight)
    everyone = sort_matrix_rows(matrix, sort, ranks)
    keep = set(everyone[:max_rows]) | spot
    order = [iso3 for iso3 in everyone if iso3 in keep]
    if len(order) < len(everyone):
        matrix = matrix[matrix["iso3"].isin(order)]
    by_country: dict[str, list[dict]] = {}
    for record in matrix.to_dict("records"):  # plain dicts: per-cell .loc was the slow part
        by_country.setdefault(record["iso3"], []).append(record)
    used = list(dict.fromkeys(c.indicator for c in columns if c.indicator is not None))
    # Plain dicts: every cell reads its indicator several times, and Series lookups add up.
    ind_rows = {i: indicators.loc[i].to_dict() for i in used}
    shown = (areas_noun(len(order)) if len(order) == len(everyone) else
             f"{len(order)} of {areas_noun(len(everyone))} (the first {max_rows} in this order"
             + (", and the spotlit ones" if len(order) > max_rows else "")
             + "; narrow the filters to see the others, the data table lists every country)")
    caption = caption or _caption(mode, shown, columns, sort, show_year, objectives)
    rows = {iso3: _row(by_country[iso3], columns, ind_rows, link_for, medians, iso3 in spot, show_year, compact)
            for iso3 in order}
    if sort in ("name", "status"):
        bodies = [E("tbody", [rows[i] for i in order])]
    else:
        bodies = _region_bodies(matrix, order, rows, len(columns) + 1)
    header = (_overview_header(columns, ind_rows, objectives, drill_for) if compact
              else _indicator_header(columns, ind_rows, objectives, medians))
    return E("table", [E("caption", caption), header, *bodies],
             className=f"matrix-table matrix-{mode} matrix-sort-{sort}" + (" has-spotlight" if spot & set(order) else "")
             + (" matrix-few" if compact and len(columns) < FEW_COLUMNS else ""))


def _caption(mode: str, shown: str, columns: list[Column], sort: str, show_year: bool, objectives) -> str:
    gaps = [c.objective for c in columns if c.indicator is None and c.gap == GAP_TEXT]
    if mode == "overview":
        what = (f"Implementation of {shown} on {len(columns)} GCM objectives, one column each, showing "
                "the objective's lead indicator (an editorial choice; objective numbers open all its indicators)")
    elif mode == "objective":
        number = columns[0].objective
        what = (f"Implementation of {shown} on every indicator of objective {number} "
                f"({objectives.at[number, 'short_label'] if number in objectives.index else ''})")
    else:
        what = (f"Implementation status of {shown} on {sum(c.indicator is not None for c in columns)} "
                "indicators, grouped by GCM objective (editorial mapping)")
    return (what + ". Sorted by "
            + {"name": "name", "status": "the official 10.7.2 overall category, worst first"}.get(sort, "region, then name")
            + ". 10.7.2 cells show their category 1\u20134; other values are marked + better, \u2212 worse or "
            "= at the world median in the indicator's good direction; \u201c\u2014\u201d marks no data. "
            "No score combines different indicators."
            + (" Each value shows the year it is from." if show_year else "")
            + gap_sentence(gaps, objectives))


def _region_bodies(matrix: pd.DataFrame, order: list[str], rows: dict, span: int) -> list[E]:
    """One ``<tbody>`` per region, headed by a separator row naming it and its country count."""
    region_of = _countries(matrix).set_index("iso3")["region"]
    bodies, current, members = [], None, []
    for iso3 in order + [None]:
        region = None if iso3 is None else (region_of[iso3] or NO_REGION)
        if region != current and members:
            # the span, not the wide cell, is sticky so the name stays visible when scrolled sideways
            head = E("tr", E("th", E("span", f"{current} ({len(members)})"), colSpan=span, scope="rowgroup",
                             className="matrix-region"), className="matrix-region-row")
            bodies.append(E("tbody", [head, *members], className="matrix-region-body"))
            members = []
        if iso3 is not None:
            current = region
            members.append(rows[iso3])
    return bodies
