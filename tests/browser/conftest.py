"""Real headless Debian Chromium (through Playwright) against a real gunicorn server."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.servers import ROOT, gunicorn_server

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts" / "screenshots"
# Without these Chromium phones home (component updates, sync), which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    with gunicorn_server(tmp_path_factory.mktemp("gunicorn")) as (url, _proc):
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed; run scripts/test.sh")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageProbe:
    """A page plus everything it asked the network for and every console error."""

    def __init__(self, page, base_url):
        self.page = page
        self.base = urlparse(base_url)
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def foreign_requests(self) -> list[str]:
        """Requests that left the app's own origin (data: and blob: URLs are local)."""
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if (parsed.scheme, parsed.netloc) != (self.base.scheme, self.base.netloc):
                out.append(url)
        return out

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def probe(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(20000)
    yield PageProbe(page, base_url)
    context.close()
