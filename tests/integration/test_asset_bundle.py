"""The page links its own stylesheets and scripts as two bundles, in Dash's order, nothing lost."""
from __future__ import annotations

import re
from pathlib import Path

from webapp.asset_bundle import page_files
from webapp.speaker import SPEAKER_ASSETS

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def bundle(client, suffix: str):
    page = client.get("/").get_data(as_text=True)
    assert not re.search(rf'/assets/[\w-]+\.{suffix}\b', page)  # no asset file is linked one by one
    url = re.search(rf'"(page-assets/app\.{suffix}\?v=[0-9a-f]{{12}})"', page).group(1)
    return client.get("/" + url)


def test_each_bundle_holds_every_page_file_whole_and_in_name_order(client):
    for suffix in ("css", "js"):
        response = bundle(client, suffix)
        assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"]
        text = response.get_data(as_text=True)
        files = page_files(ASSETS, suffix, SPEAKER_ASSETS)
        assert len(files) >= 10 and all(not p.name.startswith("speaker.") for p in files)
        positions = [text.index(f"/* assets/{p.name} */\n{p.read_text(encoding='utf-8')}") for p in files]
        assert positions == sorted(positions)


def test_an_unknown_bundle_is_a_plain_404(client):
    response = client.get("/page-assets/app.html")
    assert response.status_code == 404 and "Traceback" not in response.get_data(as_text=True)
