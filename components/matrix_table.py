"""The country x indicator implementation matrix as an accessible HTML table.

Pure builders: a long matrix frame (from :func:`data.queries.implementation_matrix`) in,
a tree of static :class:`~components.static_html.Element` out, shipped as HTML (see
``components.static_html.to_html``). Status is shown by colour (CSS class, colours from the
theme's custom properties) *and* by text, so the table reads in greyscale and to screen readers.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from data.formatting import areas_noun, format_value, is_missing
from data.labels import ORDINAL_SHORT, short_label
from data.status import ORDINAL_CATEGORIES

from .static_html import Element as E

SORTS = ("region", "name", "status")
EMPTY_TEXT = "No countries match these filters. Reset filters to see all countries."
#: Rows the table draws at most. Every real selection fits (248 areas); beyond ~500 rows the
#: browser needs several seconds to lay the table out and nobody reads it on a shared screen.
MAX_ROWS = 500
NO_REGION = "No M49 region"
METHODOLOGY_HREF = "?view=methodology"
#: Text of a named gap: an objective that no indicator measures keeps its column.
GAP_TEXT = "No indicator yet"
_ORDINAL_LABELS = set(ORDINAL_CATEGORIES.values())
#: Greyscale marks for banded continuous cells, by status rank (0 = worst).
BAND_MARKS = {0: "\u2715", 1: "!", 2: "\u2713"}


def band_legend(matrix: pd.DataFrame) -> str:
    """Caption text explaining the band marks, only when a banded cell is present."""
    banded = matrix[matrix["status"].notna() & ~matrix["status"].isin(_ORDINAL_LABELS)]
    if banded.empty:
        return ""
    labels = banded.drop_duplicates("status_rank").sort_values("status_rank", ascending=False)
    marks = ", ".join(f"{BAND_MARKS.get(int(r), '')} {label}" for r, label in
                      zip(labels["status_rank"], labels["status"]))
    return f" Remittance-cost marks: {marks}."


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


def sort_matrix_rows(matrix: pd.DataFrame, sort: str = "region") -> list[str]:
    """The iso3 codes of the matrix rows in display order.

    ``name``: alphabetical. ``region``: regions alphabetically (countries without a region
    last), then by name. ``status``: mean rank of the ordinal (10.7.2) cells, worst first,
    ties by name; countries without any ordinal value come last, by name.
    An unknown ``sort`` falls back to ``region`` so an old or mistyped link still renders.
    """
    if matrix.empty:
        return []
    rows = _by_name(_countries(matrix))
    if sort == "name":
        return rows["iso3"].tolist()
    if sort == "status":
        ordinal = matrix[matrix["status"].isin(_ORDINAL_LABELS)]
        mean_rank = ordinal.groupby("iso3")["status_rank"].mean()
        rows = rows.assign(_rank=rows["iso3"].map(mean_rank))
        rows = rows.assign(_none=rows["_rank"].isna()).sort_values(["_none", "_rank", "_key", "iso3"],
                                                                    kind="stable")
        return rows["iso3"].tolist()
    rows = rows.assign(_noregion=rows["region"] == "")
    return rows.sort_values(["_noregion", "region", "_key", "iso3"], kind="stable")["iso3"].tolist()


def _columns(matrix: pd.DataFrame) -> list[str]:
    # implementation_matrix already orders indicators by objective; keep that order
    return list(dict.fromkeys(matrix["indicator_id"]))


def _entries(columns: list[str], indicators: pd.DataFrame, gaps: Iterable[int]) -> list[tuple[int, str | None]]:
    """(objective number, indicator id or None for a named gap) per column, in objective order.

    Indicator columns already come in primary-objective order; gap columns slot in by number.
    """
    entries = [(int(indicators.at[i, "primary_objective"]), i) for i in columns]
    entries += [(int(n), None) for n in gaps]
    return sorted(entries, key=lambda e: e[0])  # stable: indicator order within an objective kept


def _objective_runs(entries: list[tuple[int, str | None]]) -> list[tuple[int, int]]:
    """(objective number, column span) for consecutive columns sharing a primary objective."""
    runs: list[tuple[int, int]] = []
    for number, _ in entries:
        if runs and runs[-1][0] == number:
            runs[-1] = (number, runs[-1][1] + 1)
        else:
            runs.append((number, 1))
    return runs


def _gap_title(number: int) -> str:
    return f"No indicator measures objective {number} yet \u2014 see Methodology"


def _header(entries: list[tuple[int, str | None]], indicators: pd.DataFrame, objectives: pd.DataFrame) -> E:
    groups = [E("th", "Country", rowSpan=2, scope="col", className="matrix-corner")]
    gaps = {n for n, i in entries if i is None}
    for number, span in _objective_runs(entries):
        label = objectives.at[number, "short_label"] if number in objectives.index else ""
        groups.append(E("th", f"Obj {number} \u00b7 {label}", colSpan=span, scope="colgroup",
                              className="matrix-objective" + (" matrix-gap" if number in gaps else ""),
                              title=objectives.at[number, "title"] if number in objectives.index else None))
    names = [E("th", short_label(indicators.loc[i]), scope="col", className="matrix-indicator",
               title=indicators.at[i, "label"]) if i is not None else
             E("th", E("a", GAP_TEXT, href=METHODOLOGY_HREF, title=_gap_title(n)), scope="col",
               className="matrix-indicator matrix-gap")
             for n, i in entries]
    return E("thead", [E("tr", groups), E("tr", names)])


def cell_content(cell: Mapping, indicator: pd.Series) -> tuple[str, str, str]:
    """(visible text, CSS class, status text) of one matrix cell (a matrix row as a mapping).

    Missing values say "no data" in words; ordinal cells carry digit and short word;
    banded continuous cells a mark; other continuous cells only their value.
    """
    value, status = cell["value"], cell["status"]
    if is_missing(value):
        return "\u2014 no data", "nodata", "no data"
    if indicator["kind"] == "ordinal_1_4" and status in _ORDINAL_LABELS:
        number = int(value)
        return f"{number} {ORDINAL_SHORT[number]}", f"status-{number}", status
    text = format_value(value, indicator)
    if not is_missing(status) and status:
        rank = int(cell["status_rank"])
        return f"{text} {BAND_MARKS.get(rank, '')}".strip(), f"band-{rank}", status
    return text, "status-none", ""


def cell_label(cell: Mapping, indicator: pd.Series) -> str:
    """The accessible name of a cell, e.g. "Ghana, Migrant rights, 2019: Meets"."""
    text, css, status = cell_content(cell, indicator)
    head = f"{cell['name']}, {short_label(indicator)}"
    if css == "nodata":
        return f"{head}: no data"
    year = "" if is_missing(cell["year"]) else f", {int(cell['year'])}"
    if css.startswith("status-") and css != "status-none":
        return f"{head}{year}: {status}"
    value = format_value(cell["value"], indicator)  # without the visual band mark
    return f"{head}{year}: {value}" + (f", {status}" if css.startswith("band-") else "")


def _cell(cell: Mapping, indicator: pd.Series, href: str, show_year: bool = False) -> E:
    text, css, _ = cell_content(cell, indicator)
    if show_year and css != "nodata":
        # A "latest" value shows its year in the cell, not only to screen readers (years mix).
        text = [text, E("span", f" {int(cell['year'])}", className="matrix-cell-year")]
    # A plain link with an aria-label: the profile link is a full URL state, and a hidden-span
    # alternative to aria-label doubled the payload of a ~6,000-cell table.
    link = E("a", text, href=href, className="matrix-cell-link", **{"aria-label": cell_label(cell, indicator)})
    return E("td", link, className=f"matrix-cell {css}")


def _gap_cell(number: int) -> E:
    return E("td", "\u2014", className="matrix-cell matrix-gap", title=_gap_title(number))


def _row(cells: list[dict], entries: list[tuple[int, str | None]], indicators: dict,
         link_for: Callable[[str], str], spotlit: bool = False, show_year: bool = False) -> E:
    first = cells[0]
    href = link_for(first["iso3"])
    name = [E("span", "\u2605 ", className="spotlight-mark", **{"aria-hidden": "true"}), first["name"],
            E("span", " (spotlight)", className="visually-hidden")] if spotlit else first["name"]
    head = E("th", E("a", name, href=href, className="matrix-country-link",
                     title=f"Open the profile of {first['name']}"),
             scope="row", className="matrix-country")
    by_id = {c["indicator_id"]: c for c in cells}
    return E("tr", [head] + [_cell(by_id[i], indicators[i], href, show_year) if i is not None else _gap_cell(n)
                             for n, i in entries],
             className="matrix-spotlight" if spotlit else None)


def empty_matrix() -> E:
    """The empty state shown when filters leave no country."""
    return E("div", E("p", EMPTY_TEXT), className="matrix-empty", role="status")


def make_matrix_table(matrix: pd.DataFrame, indicators: pd.DataFrame, objectives: pd.DataFrame, *,
                      sort: str = "region", link_for: Callable[[str], str] | None = None,
                      caption: str | None = None, highlight=(), max_rows: int = MAX_ROWS,
                      gap_objectives: Iterable[int] = ()) -> E:
    """An accessible table of status per country (rows) and indicator (columns).

    Columns are grouped under their primary GCM objective; each row header and each cell
    links to the country profile (``link_for(iso3)`` gives the href). With ``sort="region"``
    each region is its own ``<tbody>`` with a row-group header. Returns the empty state
    when ``matrix`` has no rows. ``highlight`` ISO3 rows are marked as spotlit (class
    ``matrix-spotlight``, a star and hidden text); the CSS mutes the other rows. Only the first
    ``max_rows`` countries in the sort order (plus any spotlit ones) become rows, and the caption
    says so. Returns an :class:`~components.static_html.Element` tree; ``to_html`` turns it
    into markup. ``gap_objectives`` (objectives no indicator measures) keep a named column each,
    "No indicator yet", linked to the methodology. When the cells' years differ (the "latest" value
    of each), every cell shows its year.
    """
    if matrix.empty:
        return empty_matrix()
    link_for = link_for or _default_link
    columns = _columns(matrix)
    gaps = [int(n) for n in gap_objectives]
    entries = _entries(columns, indicators, gaps)
    show_year = matrix["year"].dropna().nunique() > 1
    spot = set(highlight)
    everyone = sort_matrix_rows(matrix, sort)
    keep = set(everyone[:max_rows]) | spot
    order = [iso3 for iso3 in everyone if iso3 in keep]
    if len(order) < len(everyone):
        matrix = matrix[matrix["iso3"].isin(order)]
    by_country: dict[str, list[dict]] = {}
    for record in matrix.to_dict("records"):  # plain dicts: per-cell .loc was the slow part
        by_country.setdefault(record["iso3"], []).append(record)
    # Plain dicts: every cell reads its indicator several times, and Series lookups add up.
    ind_rows = {i: indicators.loc[i].to_dict() for i in columns}
    # Territories (Réunion, Western Sahara, ...) are rows too: "countries and areas".
    shown = (areas_noun(len(order)) if len(order) == len(everyone) else
             f"{len(order)} of {areas_noun(len(everyone))} (the first {max_rows} in this order"
             + (", and the spotlit ones" if len(order) > max_rows else "")
             + "; narrow the filters to see the others, the data table lists every country)")
    caption = caption or (
        f"Implementation status of {shown} on {len(columns)} indicators, grouped by "
        "GCM objective (editorial mapping). Sorted by "
        + {"name": "name", "status": "mean 10.7.2 status, worst first"}.get(sort, "region, then name")
        + ". Each cell shows its value or status in words; \u201cno data\u201d marks a missing value."
        + band_legend(matrix)
        + (" Each value shows the year it is from." if show_year else "")
        + gap_sentence(gaps, objectives))
    rows = {iso3: _row(by_country[iso3], entries, ind_rows, link_for, iso3 in spot, show_year) for iso3 in order}
    if sort in ("name", "status"):
        bodies = [E("tbody", [rows[i] for i in order])]
    else:
        bodies = _region_bodies(matrix, order, rows, len(entries) + 1)
    return E("table", [E("caption", caption), _header(entries, indicators, objectives), *bodies],
             className=f"matrix-table matrix-sort-{sort}" + (" has-spotlight" if spot & set(order) else ""))


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
