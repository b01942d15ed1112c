"""One palette per meaning, spotlight by lightening, region zoom, and bare objective links."""
from __future__ import annotations

import re

import pytest

from components import figures
from components.figures.geo_bounds import fit_ranges
from components.figures.map import map_areas
from components.theme import THEME_NAMES, get_theme, relative_luminance
from components.views import REGISTRY
from data.load import load_dataset
from data.queries import filter_countries, values_for, with_status
from data.status import status_labels
from data.vocabulary import build_vocabulary

from .figure_checks import validated

make_map = validated(figures.make_map)
REMIT = "sdg10_c_1_cost_to_receiving"
ALL = "sdg10_7_2_all"
GREENISH = re.compile(r"^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$")


@pytest.fixture(scope="module")
def d():
    return load_dataset()


def _is_green(colour: str) -> bool:
    r, g, b = (int(x, 16) for x in GREENISH.match(colour.lower()).groups())
    return g > r and g > b


@pytest.mark.parametrize("name", THEME_NAMES)
def test_bands_have_their_own_palette_never_green_and_no_score(d, name):
    theme = get_theme(name)
    bands = theme.status_styles(status_labels(d.indicators.loc[REMIT]), banded=True)
    ordinal = set(theme.ordinal_colors)
    assert [s["label"] for s in bands] == ["Above 5% ceiling", "3–5%: above target", "Below 3% target"]
    for style in bands:
        assert style["color"] not in ordinal  # green means "Meets" in 10.7.2, never "above target"
        assert style["symbol"] == ""  # a band is not a score
        assert not re.match(r"^\d ", style["label"])  # "1 Above 5% ceiling" was an invented score
    assert not any(_is_green(s["color"]) for s in bands)
    # Worst darkest: the bands read in greyscale and under colour-vision deficiencies.
    lum = [relative_luminance(s["color"]) for s in bands]
    assert lum == sorted(lum) and lum[-1] - lum[0] > 0.4
    # Status is not colour alone: each band has its own marker shape.
    assert len({s["marker"] for s in bands}) == 3


def test_10_7_2_keeps_its_four_numbered_categories():
    styles = get_theme("light").status_styles(["a", "b", "c", "d"])
    assert [s["symbol"] for s in styles] == ["1", "2", "3", "4"]
    assert [s["color"] for s in styles] == list(get_theme("light").ordinal_colors)


def test_remittance_map_legend_has_no_invented_numbers(d):
    vals = with_status(values_for(d.observations, [REMIT], "latest"), d.indicators)
    fig = make_map(vals, d.indicators.loc[REMIT], d.countries)
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert any(n.startswith("Above 5% ceiling (") for n in legend)
    assert not any(re.match(r"^\d ", n) for n in legend)
    band_colours = set(get_theme("light").band_colors)
    fills = {t.colorscale[0][1] for t in fig.data if t.type == "choropleth" and t.colorscale}
    assert fills & band_colours and not fills & set(get_theme("light").ordinal_colors)


@pytest.mark.parametrize("name", THEME_NAMES)
def test_muted_colours_are_lighter_never_darker(name):
    theme = get_theme(name)
    for colour in (*theme.ordinal_colors, *theme.band_colors, theme.no_data_fill, *theme.region_colors.values()):
        muted = theme.muted(colour)
        assert relative_luminance(muted) > relative_luminance(colour) or colour.lower() == "#ffffff"


def test_map_spotlight_mutes_the_others_and_keeps_the_spotlit_in_full_colour(d):
    vals = with_status(values_for(d.observations, [ALL], 2021), d.indicators)
    theme = get_theme("dark")
    drawn, _ = map_areas()
    spot = next(i for i in vals["iso3"] if i in drawn)
    fig = make_map(vals, d.indicators.loc[ALL], d.countries, theme="dark", highlight=[spot])
    ghana = next(t for t in fig.data if t.type == "choropleth" and spot in list(t.locations or ())
                 and t.hoverinfo != "skip")
    others = [t for t in fig.data if t.type == "choropleth" and t.hoverinfo != "skip"
              and spot not in list(t.locations or ()) and len(t.locations) and "No data" not in t.name]
    assert ghana.colorscale[0][1] in theme.ordinal_colors
    for t in others:
        colour = t.colorscale[0][1]
        assert colour not in theme.ordinal_colors
        assert t.marker.opacity is None or t.marker.opacity == 1  # lightened, not faded into the dark page
    # The key keeps the real category colours.
    keys = [t for t in fig.data if t.type == "scattergeo" and t.showlegend is not False and t.name]
    assert {t.marker.color for t in keys} >= set(theme.ordinal_colors) & {ghana.colorscale[0][1]}


def test_uneven_and_gap_spotlight_lighten_the_other_points(d):
    from components.figures.uneven import make_distribution
    vals = values_for(d.observations, [REMIT], "latest")
    theme = get_theme("dark")
    plain = make_distribution(vals, d.countries, None, d.indicators.loc[REMIT], theme="dark")
    lit = make_distribution(vals, d.countries, None, d.indicators.loc[REMIT], theme="dark", highlight=["MEX"])
    before = {t["name"]: t["marker"]["color"] for t in plain["data"] if t.get("mode") == "markers" and t.get("x") is not None
              and isinstance(t["marker"].get("color"), str) and t["name"] in theme.region_colors}
    after = {t["name"]: t["marker"] for t in lit["data"] if t["name"] in before}
    assert before
    for region, colour in before.items():
        assert relative_luminance(after[region]["color"]) > relative_luminance(colour)
        assert after[region].get("opacity", 1) >= 0.85


def test_region_filter_zooms_the_map_onto_its_countries(d):
    vals = with_status(values_for(d.observations, [ALL], 2021), d.indicators)
    world = make_map(vals, d.indicators.loc[ALL], d.countries)
    assert world.layout.geo.lonaxis.range is None  # the whole world
    boxes = {}
    for region in ("Africa", "Europe", "Americas", "Asia", "Oceania"):
        countries = filter_countries(d.countries, regions=[region])
        fig = make_map(vals, d.indicators.loc[ALL], countries, region=region)
        lon, lat = list(fig.layout.geo.lonaxis.range), list(fig.layout.geo.lataxis.range)
        boxes[region] = (lon, lat)
        assert lon[1] - lon[0] < 200 and lat[1] - lat[0] < 160
        assert fig.layout.geo.domain.x == (0, 1) and fig.layout.geo.domain.y == (0, 1)
    # Africa holds Ghana and South Africa; Europe holds Portugal and Finland, not French Guiana.
    (alon, alat), (elon, elat) = boxes["Africa"], boxes["Europe"]
    assert alon[0] < -1 < alon[1] and alat[0] < -34 < 5 < alat[1]
    assert elon[0] < -9 and elon[1] > 25 and elat[0] > 30 and elat[1] > 65
    # Oceania is framed across the antimeridian, not around the whole globe.
    olon = boxes["Oceania"][0]
    assert olon[1] - olon[0] < 200 and olon[1] > 180


def test_several_regions_and_subregions_also_zoom(d):
    cent = map_areas()[1]
    west_africa = d.countries[d.countries["subregion"].eq("Sub-Saharan Africa")
                              & d.countries["intermediate_region"].eq("Western Africa")].index
    frame = fit_ranges(west_africa, cent)
    assert frame["lon"][1] - frame["lon"][0] < 60
    two = fit_ranges(d.countries[d.countries["region"].isin(["Africa", "Europe"])].index, cent)
    assert two["lat"][0] < -30 and two["lat"][1] > 60


def test_the_map_animation_zooms_too(d):
    from components.figures.map_animation import make_map_animation
    rows = d.observations[d.observations["indicator_id"] == REMIT]
    africa = filter_countries(d.countries, regions=["Africa"])
    fig = make_map_animation(rows, d.indicators.loc[REMIT], africa, region="Africa")
    assert fig["layout"]["geo"]["lonaxis"]["range"][1] - fig["layout"]["geo"]["lonaxis"]["range"][0] < 200


def test_a_bare_objective_link_shows_the_indicator_it_stands_for(d):
    vocab = build_vocabulary(d)
    state, notices = REGISTRY.decode("?objective=20", vocab)
    assert state.indicator == REMIT and notices == []
    # An indicator named in the link wins, and encoding keeps it explicit under an objective.
    state, _ = REGISTRY.decode(f"?objective=20&indicator={ALL}", vocab)
    assert state.indicator == ALL
    assert REGISTRY.decode(REGISTRY.encode(state), vocab)[0].indicator == ALL


def test_old_gap_highlight_links_join_the_spotlight(d):
    vocab = build_vocabulary(d)
    state, _ = REGISTRY.decode("?view=gap&compare=MEX,PHL&highlight=DEU", vocab)
    assert state.highlight == ("DEU", "MEX", "PHL") and state.compare == ()
