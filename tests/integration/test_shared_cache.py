"""Scale-out: two app instances (separate gunicorn processes) share one real Redis cache.

A view rendered by instance A is stored in Redis; instance B then answers the same request
from the cache (its /health hit counter rises, its miss counter does not) with the same body.
"""
from __future__ import annotations

import json
import urllib.request

import pytest

from tests.servers import gunicorn_server, redis_server

pytestmark = pytest.mark.service

SEARCH = "?region=Oceania&indicator=sdg10_7_2_pd3"


def _health(base: str) -> dict:
    with urllib.request.urlopen(base + "/health", timeout=10) as resp:
        return json.load(resp)


def _render(base: str) -> bytes:
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=10) as resp:
        deps = json.load(resp)
    cb = next(c for c in deps if c["output"] == "view-content.children")
    body = {"output": cb["output"], "outputs": {"id": "view-content", "property": "children"},
            "inputs": [{"id": i["id"], "property": i["property"], "value": SEARCH} for i in cb["inputs"]],
            "state": [], "changedPropIds": ["url.search"]}
    req = urllib.request.Request(base + "/_dash-update-component", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 200
        return resp.read()


def _view_keys(client) -> list:
    return [k for k in client.keys("gcm:*") if b"view:" in k]


def test_a_figure_built_by_one_instance_is_served_from_redis_by_another(tmp_path):
    redis = pytest.importorskip("redis")
    with redis_server(tmp_path) as (url, _):
        client = redis.Redis.from_url(url)
        env = {"GCM_REDIS_URL": url}
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
        # One worker each, so each /health reports the counters of the process that answered.
        with gunicorn_server(tmp_path / "a", workers=1, env=env) as (a, _), \
                gunicorn_server(tmp_path / "b", workers=1, env=env) as (b, _):
            assert _health(a)["cache"]["backend"] == "redis"
            assert _view_keys(client) == []
            first = _render(a)
            assert _health(a)["cache"]["misses"] >= 1
            assert len(_view_keys(client)) == 1  # the figure now lives in Redis
            before = _health(b)["cache"]
            second = _render(b)
            after = _health(b)["cache"]
            assert after["hits"] == before["hits"] + 1
            assert after["misses"] == before["misses"]
            assert second == first
            assert len(_view_keys(client)) == 1
