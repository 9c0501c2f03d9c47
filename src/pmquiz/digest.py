"""Hashes without OpenSSL: SHA-256 for the history's content hashes, attempt ids and card
ids; BLAKE2b for the caches (a bank cache entry's key, the kept regex programs' check).

`hashlib` loads `_hashlib` (OpenSSL) on import, about 2 ms of every command that uses
it. CPython ships its own SHA-256 (`_sha2` from 3.12, `_sha256` before) and BLAKE2
(`_blake2`), whose digests are the same bytes, so every stored hash and id stays as it
was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import import_module
from typing import Any


@lru_cache(maxsize=1)
def _sha256() -> Callable[[bytes], Any]:
    for name in ("_sha2", "_sha256"):  # CPython 3.12+, 3.11
        try:
            return import_module(name).sha256  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    import hashlib  # a Python built without them

    return hashlib.sha256


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` in hex, as `hashlib.sha256(data).hexdigest()`."""
    return str(_sha256()(data).hexdigest())


def sha256_digest(data: bytes) -> bytes:
    """The SHA-256 of `data`, as `hashlib.sha256(data).digest()`."""
    return bytes(_sha256()(data).digest())


def blake2b_hex(data: bytes) -> str:
    """A 32-byte BLAKE2b of `data` in hex: what keys a cache entry to a file's bytes."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()
