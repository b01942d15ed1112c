"""The speaker view's page: same-origin files only, no inline script, and not part of the dashboard."""
from __future__ import annotations

import html
import json
import re


def test_speaker_page_is_static_and_csp_clean(client):
    resp = client.get("/speaker")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all(' src="/assets/' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"<[^>]+\son[a-z]+=", page), "an inline event handler"
    for src in re.findall(r'(?:src|href)="(/assets/[^"]+)"', page):
        assert client.get(src).status_code == 200, src
    # The names that describe the next slide travel as escaped JSON in an attribute.
    labels = json.loads(html.unescape(re.search(r'data-labels="([^"]*)"', page).group(1)))
    assert labels["views"]["uneven"] == "How uneven"
    assert labels["indicators"]["sdg17_3_2_remittances_gdp"].startswith("Personal remittances")
    assert resp.headers["Cache-Control"] == "no-cache"


def test_speaker_files_are_not_loaded_into_the_dashboard(client):
    page = client.get("/").get_data(as_text=True)
    assert "speaker.js" not in page and "speaker.css" not in page
    # the page's own files come as two bundles (webapp/asset_bundle.py), each file under its name
    bundles = {}
    for suffix in ("js", "css"):
        url = re.search(rf'"(page-assets/app\.{suffix}\?v=[0-9a-f]+)"', page).group(1)
        bundles[suffix] = client.get("/" + url).get_data(as_text=True)
    assert "/* assets/presenter_link.js */" in bundles["js"]  # the dashboard's half of the link
    assert "/* assets/speaker.js */" not in bundles["js"] and "/* assets/speaker.css */" not in bundles["css"]
    assert "/* assets/presenter.css */" in bundles["css"]
