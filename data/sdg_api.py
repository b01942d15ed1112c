"""Fetch series from the UN SDG Global Database API, page by page. Standard library only.

``GET {api_base}/v1/sdg/Series/Data?seriesCode=CODE&page=N&pageSize=M`` answers JSON with
``totalElements``, ``totalPages``, ``pageNumber`` and ``data``; each record has ``series``,
``geoAreaCode`` (M49), ``geoAreaName``, ``timePeriodStart`` (a float year), ``value`` (text),
``attributes`` (``Nature``, ``Units``) and ``dimensions`` (the data-portal CSV's names and values).
Every failure is an :class:`ApiError` whose message is one line a data manager can act on.
"""
from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlparse

DEFAULT_API_BASE = "https://unstats.un.org/sdgapi"
DEFAULT_PAGE_SIZE = 1000
MAX_PAGES = 10000  # a runaway totalPages must not loop for ever
TIMEOUT_SECONDS = 60
RECORD_KEYS = ("series", "geoAreaCode", "timePeriodStart", "value")


class ApiError(Exception):
    """The API could not be reached or answered something that is not series data."""


@dataclass
class SeriesDownload:
    """All records of one series, with the addresses they came from."""

    code: str
    records: list[dict] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    total_elements: int = 0
    release: str = ""


def series_url(api_base: str, code: str, page: int, page_size: int) -> str:
    """The address of one page of one series."""
    query = urlencode({"seriesCode": code, "page": page, "pageSize": page_size})
    return f"{api_base.rstrip('/')}/v1/sdg/Series/Data?{query}"


def get_json(url: str, timeout: float = TIMEOUT_SECONDS):
    """GET ``url`` and parse its JSON; raise :class:`ApiError` with one readable line on failure."""
    host = urlparse(url).netloc or url
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "gcm-progress-dashboard data update"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        raise ApiError(f"the UN SDG API at {host} answered HTTP {err.code} ({err.reason}) for {url}") from None
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ApiError(f"cannot reach the UN SDG API at {host} ({reason}); check the network "
                       "connection or --api-base") from None
    try:
        return json.loads(body)
    except ValueError:
        raise ApiError(f"the answer from {url} is not JSON") from None


def check_page(page, url: str) -> list[str]:
    """Problems with one page's shape (empty list: usable)."""
    if not isinstance(page, dict):
        return [f"{url}: the answer is not a JSON object"]
    problems = [f"{url}: \"{key}\" is missing" for key in ("totalPages", "data") if key not in page]
    if not isinstance(page.get("data", []), list):
        problems.append(f"{url}: \"data\" is not a list")
    for n, record in enumerate(page.get("data") or [], start=1):
        missing = [k for k in RECORD_KEYS if not isinstance(record, dict) or k not in record]
        if missing:
            problems.append(f"{url}: record {n} has no {', '.join(missing)}")
            break  # one example per page is enough to see the API changed shape
    return problems


def fetch_series(code: str, api_base: str = DEFAULT_API_BASE, page_size: int = DEFAULT_PAGE_SIZE,
                 getter=get_json) -> SeriesDownload:
    """Every record of series ``code``, following ``totalPages``."""
    download = SeriesDownload(code)
    page_number, total_pages = 1, 1
    while page_number <= total_pages and page_number <= MAX_PAGES:
        url = series_url(api_base, code, page_number, page_size)
        page = getter(url)
        problems = check_page(page, url)
        if problems:
            raise ApiError("; ".join(problems))
        download.urls.append(url)
        download.records += [r for r in page["data"] if str(r.get("series", "")).upper() == code.upper()]
        total_pages = int(page.get("totalPages") or 0)
        download.total_elements = int(page.get("totalElements") or len(download.records))
        # The API states no release in this shape; keep one if a future answer carries it.
        download.release = str(page.get("release") or download.release or "")
        if not page["data"]:
            break
        page_number += 1
    return download
