"""Shared fixtures: the real shipped dataset, loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def dataset():
    from data.load import load_dataset
    return load_dataset()


@pytest.fixture(scope="session")
def vocab(dataset):
    from data.vocabulary import build_vocabulary
    return build_vocabulary(dataset)
