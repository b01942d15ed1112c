"""An app built by create_app on the shipped data, driven through the Flask test client."""
from __future__ import annotations

import pytest

from tests.integration.dash_client import DashClient


@pytest.fixture(scope="module")
def app():
    from dashboard import create_app
    from webapp.settings import Settings
    return create_app(Settings(cache_type="simple"))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def dash_client(app):
    return DashClient(app.server.test_client())
