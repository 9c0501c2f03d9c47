"""A cache of validated banks, keyed by the file's content.

Validating a big bank costs about as much as parsing it; a bank that has not changed
since it was last validated is read back from a pickle instead (SPEC 9: warm load).
The key is a hash of the file's bytes, its path and pmquiz's version, so a changed file
is never served from the cache. Any unreadable or stale entry is ignored and rebuilt.
The cache folder is pmquiz's own (PMQUIZ_HOME/cache or the user cache folder): it is
trusted like the user's other files, and safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from pmquiz import __version__, paths
from pmquiz.loader import build_bank, read_bank_bytes
from pmquiz.model import Bank

CACHE_FORMAT = 1


def _cache_file(path: Path, data: bytes) -> Path:
    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}|".encode())
    digest.update(str(path.resolve()).encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(data)
    return paths.cache_dir() / "banks" / f"{digest.hexdigest()}.pickle"


def load_bank_cached(path: Path) -> Bank:
    """Load a bank, from the cache when this exact file content was validated before."""
    data = read_bank_bytes(path)
    if os.environ.get("PMQUIZ_NO_CACHE"):
        return build_bank(path, data)
    entry = _cache_file(path, data)
    try:
        with entry.open("rb") as handle:
            bank = pickle.load(handle)
        if isinstance(bank, Bank):
            if bank.path != path:
                import dataclasses

                bank = dataclasses.replace(bank, path=path)
            return bank
    except Exception:  # noqa: BLE001 - any broken entry is simply rebuilt
        pass
    bank = build_bank(path, data)
    _store(entry, bank)
    return bank


def _store(entry: Path, bank: Bank) -> None:
    """Write the entry atomically; a cache that cannot be written is not an error."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(bank, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
