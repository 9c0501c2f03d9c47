"""A cache of validated banks, keyed by the file's content, whose loading runs no code.

Validating a big bank costs about as much as parsing it; a bank that has not changed
since it was last validated is read back from a JSON entry instead (SPEC 9: warm load).

An entry is plain JSON (JSON Lines, `cachecodec`), read by `json.loads` and rebuilt into
the model by a decoder that knows only the model's own dataclasses and checks the type
of every value on the way: a planted or damaged entry can at worst fail to decode, and
then it is ignored and rebuilt (SPEC 2: loading a cache entry never runs code; pickle
could). A question's rubric, options, answer and examples are decoded when first used
(most commands use none or one), so damage there is found then: that question is taken
from a fresh build of the file, and the entry rewritten. An entry is used only when the
BLAKE2b hash of the file's bytes, pmquiz's version and the shape of the model all
match, so a changed file is never served from the cache. The cache folder
(PMQUIZ_HOME/cache or the user cache folder) is safe to delete at any time.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmquiz import __version__, paths
from pmquiz.bankfile import read_bank_bytes
from pmquiz.errors import BankError, Problem
from pmquiz.model import Bank, Question

if TYPE_CHECKING:
    from pmquiz import cachecodec

# 4: JSON instead of pickle; 5: a head line, then lazy bodies; 6: each body ends with its
# regex patterns' notes (cachecodec._regex_notes)
CACHE_FORMAT = 6
# An entry is a few times its bank's size; a bank is at most 5 MiB.
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def _cache_file(path: Path) -> Path:
    """One entry per bank file; the entry itself records the hash of the bytes."""
    key = str(path.resolve()).encode("utf-8", "surrogateescape")
    name = f"{zlib.crc32(key):08x}-{zlib.adler32(key):08x}.json"
    return paths.cache_dir() / "banks" / name


def load_bank_cached(path: Path) -> Bank:
    """Load a bank, from the cache when these exact bytes were validated before."""
    data = read_bank_bytes(path)
    if os.environ.get("PMQUIZ_NO_CACHE"):
        return _build(path, data)
    from pmquiz import cachecodec

    entry = _cache_file(path)
    digest = cachecodec.content_hash(data)
    try:
        stamp: list[Any] | None = [
            CACHE_FORMAT, __version__, list(sys.version_info[:2]), str(path), digest,
            cachecodec.model_signature()]
    except (TypeError, NameError):  # a model type the codec does not know: no cache
        stamp = None
    if stamp is not None:
        cached = _read(entry, stamp, _recover(path, entry, stamp, digest))
        if cached is not None:
            return cached
    bank = _build(path, data)
    if stamp is not None:
        try:
            payload = cachecodec.dumps(stamp, bank)
        except (TypeError, ValueError):
            return bank  # a value the codec cannot write: correct, only not cached
        _store(entry, payload)
    return bank


def _read(entry: Path, stamp: list[Any], recover: cachecodec.Recover) -> Bank | None:
    """The entry's bank when its stamp matches; None for anything else (never raises)."""
    from pmquiz import cachecodec

    try:
        with entry.open("rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_ENTRY_BYTES:
        return None
    return cachecodec.loads(raw, stamp, recover)


def _recover(path: Path, entry: Path, stamp: list[Any], digest: str
             ) -> cachecodec.Recover:
    """What a question whose cached body does not decode falls back on: the question of
    that id in a fresh build of the file (built once), the entry rewritten with it.

    The file must still hold the bytes the entry was made for; if it changed while this
    command ran, the rest of the bank already read from the entry is stale, so the
    command stops and asks to be run again.
    """
    built: list[Bank] = []

    def fresh_question(question_id: str) -> Question:
        from pmquiz import cachecodec

        if not built:
            data = read_bank_bytes(path)
            if cachecodec.content_hash(data) != digest:
                raise BankError([Problem(str(path), None, _CHANGED)])
            bank = _build(path, data)
            built.append(bank)
            try:
                _store(entry, cachecodec.dumps(stamp, bank))
            except (TypeError, ValueError):
                pass
        question = built[0].question(question_id)
        if question is None:  # the same bytes: the same questions
            raise BankError([Problem(str(path), None, _CHANGED)])
        return question

    return fresh_question


_CHANGED = "the file changed while pmquiz was reading it; run the command again"


def _build(path: Path, data: bytes) -> Bank:
    from pmquiz.loader import build_bank

    return build_bank(path, data)


def _store(entry: Path, payload: bytes) -> None:
    """Write the entry atomically; a cache that cannot be written is not an error."""
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, entry)
            entry.with_suffix(".pickle").unlink(missing_ok=True)  # an older pmquiz's entry
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
