"""Screenshot every view at 1280x720 with headless Debian Chromium into artifacts/screenshots/.

Usage: python scripts/screenshots.py BASE_URL [NAME ...]  (a running dashboard, e.g. from scripts/serve.sh)
The "readme" entry is written to docs/dashboard.png, the picture README.md opens with.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "artifacts" / "screenshots"
#: The README opens with this one (the "readme" entry below), regenerated with the others.
README_SHOT = ROOT / "docs" / "dashboard.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = {
    "map": "?",
    "readme": "?view=uneven&year=2021",
    "map-africa-birthreg": "?indicator=sdg16_9_1_birth_registration&region=Africa",
    "map-remittance": "?indicator=sdg10_c_1_cost_to_receiving",
    "matrix": "?view=matrix",
    "matrix-status": "?view=matrix&sort=status&region=Africa",
    "uneven": "?view=uneven&year=2021",
    "uneven-africa": "?view=uneven&region=Africa",
    "map-objective-20": "?objective=20",
    "uneven-all": "?view=uneven&uneven=all&year=2021",
    "uneven-continuous": "?view=uneven&indicator=sdg10_c_1_cost_to_receiving",
    "profile": "?view=profile&country=GHA",
    "gap": "?view=gap&highlight=MEX",
    "change": "?view=change&indicator=sdg10_c_1_cost_to_receiving",
    "compare": "?view=compare&compare=MEX,PHL,DEU",
    "corridors": "?view=corridors&country=USA",
    "regions": "?view=regions",
    "regions-pd1": "?view=regions&policy=sdg10_7_2_pd1",
    "methodology": "?view=methodology",
    "table": "?view=table&region=Europe",
    "map-dark-spotlight": "?region=Africa&highlight=GHA,KEN&theme=dark",
    "uneven-all-projector": "?view=uneven&uneven=all&theme=projector&presenter=1",
    "empty": "?view=map&region=Oceania&flag=lldc",
    "notice": "?view=matrix&region=Atlantis&bogus=1",
}


def main(base: str, only: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        for name, query in VIEWS.items():
            if only and name not in only:
                continue
            page.goto(base.rstrip("/") + "/" + query)
            page.wait_for_selector("#view-content > *", state="attached", timeout=30000)
            page.wait_for_timeout(1500)  # let plotly finish drawing the geo layer
            target = README_SHOT if name == "readme" else OUT / f"{name}.png"
            page.screenshot(path=str(target))
            print(target)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
