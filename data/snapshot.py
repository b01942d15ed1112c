"""One served snapshot of the data: the dataset, its vocabulary, its index and ONE version.

Everything a request needs comes from one ``Snapshot`` read once (``store.current()``), so a
reload between two reads can never pair new data with an old version, vocabulary or cache key.
``cache_key`` is the only place cache keys are made: the data version and a hash of the
canonical state, so a key is short and bounded whatever the query string holds.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .dataset_index import DatasetIndex
from .model import Dataset
from .vocabulary import Vocabulary, build_vocabulary

#: Hex digits of the state hash in a cache key: 128 bits, collisions are not a practical concern.
STATE_HASH_CHARS = 32


@dataclass(frozen=True)
class Snapshot:
    """The data served at one moment. ``version`` is the dataset's content version: the same in
    the logs, ``/health``, every cache key and every download."""

    dataset: Dataset
    vocab: Vocabulary
    index: DatasetIndex
    version: str

    @classmethod
    def of(cls, dataset: Dataset) -> "Snapshot":
        """Build the snapshot of ``dataset``, its vocabulary and index included (done here, off the
        request path, rather than on the first request that needs them)."""
        return cls(dataset=dataset, vocab=build_vocabulary(dataset), index=dataset.index,
                   version=dataset.version)


def cache_key(snapshot: Snapshot, kind: str, canonical_state: str = "") -> str:
    """The cache key of ``kind`` (``view``, ``matrix``, ``csv``, ``zip``...) for one canonical state.

    ``canonical_state`` is the state's canonical text (``url_state.encode``); it is hashed so
    the key's length does not depend on what a link carries.
    """
    digest = hashlib.sha256(canonical_state.encode("utf-8")).hexdigest()[:STATE_HASH_CHARS]
    return f"{kind}:{snapshot.version}:{digest}"
