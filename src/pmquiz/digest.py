"""SHA-256 without OpenSSL: the history's content hashes, attempt ids and card ids.

`hashlib` loads `_hashlib` (OpenSSL) on import, about 2 ms of every command that opens
the history. CPython ships its own SHA-256 (`_sha2` from 3.12, `_sha256` before), whose
digests are the same bytes, so every stored hash and id stays as it was.
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
