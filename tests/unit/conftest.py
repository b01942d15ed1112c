"""Fixtures shared by the reader and validation tests."""
from __future__ import annotations

import pytest

from data.readers import Reference


@pytest.fixture(scope="module")
def base(dataset):
    """The shipped dataset that user files are checked against (never modified by a reader)."""
    return dataset


@pytest.fixture(scope="module")
def ref(base):
    return Reference.from_dataset(base)
