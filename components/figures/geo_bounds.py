"""Where the countries are: longitude/latitude ranges that make a map fill its panel with them.

Read from the shipped topojson (assets/world_110m.json, the file the browser draws), so the
zoom and the drawing agree. plotly's ``fitbounds: "locations"`` is not used: it fits every part
of every shape, and France's shape at 1:110m includes French Guiana, so "Europe" would zoom out
to South America. Here a country's bounds are its main landmass plus every part at least
:data:`MAIN_SHARE` of that landmass's size (Alaska stays with the USA, French Guiana does not
stretch Europe), and small areas without a shape count by their centroid.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache

from .geo_config import topojson_path

#: A part of a country counts towards its bounds when its bounding box is at least this share
#: (by area in degrees²) of the country's largest part.
MAIN_SHARE = 0.2
#: Padding around the countries, as a share of the span (and at least this many degrees).
PAD_SHARE, PAD_MIN = 0.04, 1.5
#: A region narrower than this is widened to it, so one small country is not blown up to a blob.
MIN_SPAN_LON, MIN_SPAN_LAT = 24.0, 14.0

Box = tuple[float, float, float, float]  # lon min, lon max, lat min, lat max
#: Dropping one country from the frame is allowed when that shrinks the longitude span by more
#: than this share: Russia would stretch a Europe map to the Bering Strait and leave every other
#: European country tiny, so Europe is framed on the rest and Russia runs off its edge.
OUTLIER_SHRINK = 0.45


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topo["transform"]["scale"]
    shift_x, shift_y = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised, delta-encoded (TopoJSON spec)
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        out.append(points)
    return out


def _ring_box(ring: list[int], arcs: list) -> Box:
    lons, lats = [], []
    for index in ring:
        for lon, lat in arcs[index if index >= 0 else ~index]:
            lons.append(lon)
            lats.append(lat)
    return min(lons), max(lons), min(lats), max(lats)


def _area(box: Box) -> float:
    return (box[1] - box[0]) * (box[3] - box[2])


@lru_cache(maxsize=1)
def country_boxes() -> dict[str, tuple[Box, ...]]:
    """{ISO3: boxes (lon min, lon max, lat min, lat max) of each drawn country's main parts}.

    Parts, not one box: Russia and Fiji are cut at the antimeridian, and only separate parts let
    :func:`fit_ranges` frame them across it."""
    topo = json.loads(topojson_path().read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    boxes: dict[str, tuple[Box, ...]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        iso3 = geom.get("id")
        if not iso3 or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        parts = [_ring_box(polygon[0], arcs) for polygon in polygons if polygon]  # outer rings only
        if not parts:
            continue
        largest = max(_area(p) for p in parts)
        boxes[iso3] = tuple(p for p in parts if _area(p) >= MAIN_SHARE * largest)
    return boxes


def _lon_span(lons: list[tuple[float, float]]) -> tuple[float, float]:
    """The shortest longitude interval covering every (min, max) pair, across the antimeridian if
    that is shorter (Oceania: 110°E to 170°W is 80°, not 290°). May run past 180."""
    plain = (min(a for a, _ in lons), max(b for _, b in lons))
    shifted = [(a + 360, b + 360) if b < 0 else (a, b) for a, b in lons]
    wrapped = (min(a for a, _ in shifted), max(b for _, b in shifted))
    return wrapped if wrapped[1] - wrapped[0] < plain[1] - plain[0] else plain


def fit_ranges(iso3s: Iterable[str], centroids: dict[str, tuple[float, float]]) -> dict | None:
    """``{"lon": [a, b], "lat": [c, d], "rotation": lon}`` framing ``iso3s`` with a little padding,
    or ``None`` when none of them can be placed. ``centroids`` place small areas without a shape."""
    boxes = country_boxes()
    by_country: dict[str, tuple[Box, ...]] = {}
    for iso3 in iso3s:
        if iso3 in boxes:
            by_country[iso3] = boxes[iso3]
        elif iso3 in centroids:
            lon, lat = centroids[iso3]
            by_country[iso3] = ((lon, lon, lat, lat),)
    if not by_country:
        return None
    by_country = _without_outlier(by_country)
    found = [box for parts in by_country.values() for box in parts]
    lon0, lon1 = _lon_span([(b[0], b[1]) for b in found])
    lat0, lat1 = min(b[2] for b in found), max(b[3] for b in found)
    lon0, lon1 = _padded(lon0, lon1, MIN_SPAN_LON)
    lat0, lat1 = _padded(lat0, lat1, MIN_SPAN_LAT)
    lat0, lat1 = max(lat0, -89.0), min(lat1, 89.0)
    if lon1 - lon0 >= 300:  # the whole world: no rotation games
        return {"lon": [-180.0, 180.0], "lat": [round(lat0, 1), round(lat1, 1)], "rotation": 0.0}
    return {"lon": [round(lon0, 1), round(lon1, 1)], "lat": [round(lat0, 1), round(lat1, 1)],
            "rotation": round((lon0 + lon1) / 2, 1)}


def _width(by_country: dict[str, tuple[Box, ...]]) -> float:
    low, high = _lon_span([(b[0], b[1]) for parts in by_country.values() for b in parts])
    return high - low


def _without_outlier(by_country: dict[str, tuple[Box, ...]]) -> dict[str, tuple[Box, ...]]:
    """``by_country`` less the one country whose removal narrows the frame by more than
    :data:`OUTLIER_SHRINK` (if any, and only among five or more countries)."""
    if len(by_country) < 5:
        return by_country
    full = _width(by_country)
    best, best_width = None, full
    for iso3 in by_country:
        width = _width({k: v for k, v in by_country.items() if k != iso3})
        if width < best_width:
            best, best_width = iso3, width
    if best is None or full <= 0 or (full - best_width) / full <= OUTLIER_SHRINK:
        return by_country
    rest = {k: v for k, v in by_country.items() if k != best}
    low, high = _lon_span([(b[0], b[1]) for parts in rest.values() for b in parts])
    # Only a country that still shows in the narrower frame may be cropped; one that would
    # vanish from it entirely keeps its place in the frame.
    visible = any(a <= high and b >= low or a + 360 <= high and b + 360 >= low
                  for a, b, _, _ in by_country[best])
    return rest if visible else by_country


def _padded(low: float, high: float, min_span: float) -> tuple[float, float]:
    span = high - low
    if span < min_span:
        middle = (low + high) / 2
        return middle - min_span / 2, middle + min_span / 2
    pad = max(PAD_MIN, span * PAD_SHARE)
    return low - pad, high + pad
