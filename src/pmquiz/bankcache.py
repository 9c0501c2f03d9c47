"""A cache of validated banks, keyed by the file's content.

Validating a big bank costs about as much as parsing it; a bank that has not changed
since it was last validated is read back from a pickle instead (SPEC 9: warm load).
An entry is found by the file's path and used only when the bytes it was built from
equal the file's bytes now (and pmquiz's version matches), so a changed file is never
served from the cache. Any unreadable or stale entry is ignored and rebuilt.
The cache folder is pmquiz's own (PMQUIZ_HOME/cache or the user cache folder): it is
trusted like the user's other files, and safe to delete at any time.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path

from pmquiz import __version__, paths
from pmquiz.bankfile import read_bank_bytes
from pmquiz.model import Bank

CACHE_FORMAT = 3  # 3: Term.together, Question.lists


def _cache_file(path: Path) -> Path:
    """One entry per bank file; the entry itself records the exact bytes it was built from."""
    key = str(path.resolve()).encode("utf-8", "surrogateescape")
    name = f"{zlib.crc32(key):08x}-{zlib.adler32(key):08x}.pickle"
    return paths.cache_dir() / "banks" / name


def load_bank_cached(path: Path) -> Bank:
    """Load a bank, from the cache when these exact bytes were validated before.

    The entry holds the file's bytes alongside the bank and is used only when they are
    equal to the file's bytes now: a changed file is never served from the cache, and
    no hash function has to be trusted (or imported) to know it.
    """
    data = read_bank_bytes(path)
    if os.environ.get("PMQUIZ_NO_CACHE"):
        return _build(path, data)
    entry = _cache_file(path)
    stamp = (CACHE_FORMAT, __version__, sys.version_info[:2], str(path))
    try:
        with entry.open("rb") as handle:
            stored_stamp, stored_data, bank = pickle.load(handle)
        if stored_stamp == stamp and stored_data == data and isinstance(bank, Bank):
            return bank
    except Exception:  # noqa: BLE001 - any unreadable or foreign entry is simply rebuilt
        pass
    bank = _build(path, data)
    _store(entry, (stamp, data, bank))
    return bank


def _build(path: Path, data: bytes) -> Bank:
    from pmquiz.loader import build_bank

    return build_bank(path, data)


def _store(entry: Path, payload: object) -> None:
    """Write the entry atomically; a cache that cannot be written is not an error."""
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
