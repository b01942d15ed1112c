"""The CSP in a real browser: every view works with it on, and hostile link text stays inert."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

VIEWS = [("map", "?view=map", ".js-plotly-plot .choroplethlayer path, .js-plotly-plot .geolayer path"),
         ("uneven", "?view=uneven", ".js-plotly-plot .barlayer, .js-plotly-plot .boxlayer"),
         ("matrix", "?view=matrix", "#matrix-table .matrix-table"),
         ("profile", "?view=profile&country=GHA", "#country-profile")]


def _csp_violations(probe) -> list[str]:
    return [e for e in probe.console_errors if "Content Security Policy" in e or "Refused to" in e]


@pytest.mark.parametrize("name,query,ready", VIEWS, ids=[v[0] for v in VIEWS])
def test_views_run_under_the_csp_without_violations(probe, base_url, name, query, ready):
    probe.page.on("console", lambda m: m.type in ("warning", "error") and "Content Security Policy" in m.text
                  and probe.console_errors.append(m.text))
    response = probe.page.goto(base_url + "/" + query)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    probe.page.wait_for_selector(ready)
    probe.page.wait_for_timeout(500)
    assert not _csp_violations(probe), _csp_violations(probe)
    assert not probe.foreign_requests()


def test_script_in_the_link_is_shown_as_text_not_run(probe, base_url):
    evil = "<script>window.__pwned=1</script>"
    probe.page.goto(base_url + "/?region=" + quote(evil))
    notice = probe.page.wait_for_selector("#link-notice p")
    probe.page.wait_for_timeout(500)
    assert probe.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert "window.__pwned=1" in notice.inner_text()
    assert probe.page.locator("#link-notice script").count() == 0
