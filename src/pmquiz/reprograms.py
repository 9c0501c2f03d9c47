"""pmquiz's regular expressions compiled by Python once per machine, not once per run.

`pmquiz grade` is one answer in a new process, and Python's `re` compiles its patterns in
Python code (the parser, then the compiler to the matching engine's program): the
normaliser's character classes and the twenty or so grading-rule patterns one answer
touches (the cue scanner and the closing-denial pattern among them) took about 10 ms of
a 90 ms start-up (SPEC 9). The program that compile produces is a list of integers; this
keeps each pattern's program in the cache folder and hands it straight to the engine
(`_sre.compile`, the call `re.compile` ends with), which costs a few microseconds.

`compile(pattern, flags)` is what `re.compile(pattern, flags)` returns: the same program,
flags and groups. The plain version is `re.compile`; this one is faster from the second
run on. The file's head line carries a hash of the rest (BLAKE2b, as the bank cache),
and the engine checks every program it is given ("invalid SRE code"), so a damaged
file can at worst make a pattern compile the plain way; the file is named after the
Python version and the engine's own version, so another Python never reads it. Nothing in
it is code Python runs. Entries are written once, at exit, when a run compiled a pattern
the file did not hold, to the cache folder of the first compile (read then); the folder
is safe to delete at any time.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any, cast

# Programs kept at most: the rule patterns (45 for the built-in banks) and a cue scanner
# per distinct set of a bank's negation cues (12 KB each in the file, which every grade
# reads whole). Past this the file starts over with what one run compiled.
MAX_PROGRAMS = 128
_FORMAT = 2  # 2: a head line with the body's hash
_MAGIC = "pmquiz-re-programs"

# key -> [flags, program, groups, groupindex, indexgroup], as `_sre.compile` takes them,
# but for the program: in the file (and in `_known`, until used) its words as the bytes
# of an array("I"), base64: JSON reads one string much faster than thousands of numbers.
_known: dict[str, list[Any]] | None = None
_new: dict[str, list[Any]] = {}
# The file `_known` came from, and the one this run's new programs go to at exit (the
# cache folder when the first pattern was compiled, even if it has changed since).
_path: Path | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """`re.compile(pattern, flags)`, from the program kept for it when there is one."""
    import _sre  # type: ignore[import-not-found]

    known = _read()
    key = f"{flags}:{pattern}"
    entry = known.get(key)
    if entry is not None:
        try:
            final_flags, program, groups, groupindex, indexgroup = entry
            return cast("re.Pattern[str]", _sre.compile(
                pattern, final_flags, _words(program), groups, groupindex,
                tuple(indexgroup)))
        except Exception:  # noqa: BLE001 - a damaged entry: compile the plain way
            del known[key]
    entry = _program(pattern, flags)
    if entry is None:
        return re.compile(pattern, flags)
    compiled = _sre.compile(pattern, entry[0], _words(entry[1]), *entry[2:4],
                            tuple(entry[4]))
    if not _new:
        import atexit

        atexit.register(_write)
    _new[key] = entry
    return cast("re.Pattern[str]", compiled)


def _words(program: str) -> list[int]:
    from array import array
    from binascii import a2b_base64

    words = array("I")
    words.frombytes(a2b_base64(program))
    return words.tolist()


def _program(pattern: str, flags: int) -> list[Any] | None:
    """What `re._compiler.compile` hands the engine for `pattern`, its program encoded
    for the file (None: not knowable on this Python)."""
    try:
        import _sre
        from array import array
        from binascii import b2a_base64
        from re import _compiler, _parser  # type: ignore[attr-defined]

        words = array("I")
        if words.itemsize != _sre.CODESIZE:
            return None
        tree = _parser.parse(pattern, flags)
        words.extend(_compiler._code(tree, flags))
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return [flags | tree.state.flags, b2a_base64(words.tobytes(), newline=False).decode(),
                tree.state.groups - 1, groupindex, indexgroup]
    except Exception:  # noqa: BLE001 - another Python's internals: the plain way
        return None


def _file() -> Path | None:
    if os.environ.get("PMQUIZ_NO_CACHE"):
        return None
    try:
        import _sre

        from pmquiz import paths

        version = (f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
                   f"-{_sre.MAGIC}-{sys.byteorder}")
        return paths.cache_dir() / "programs" / f"re-{version}.json"
    except Exception:  # noqa: BLE001 - no cache folder, or no `_sre`: nothing kept
        return None


def _read() -> dict[str, list[Any]]:
    """The programs kept on this machine (read once per run; empty when unreadable)."""
    global _known, _path
    if _known is None:
        _known = {}
        _path = path = _file()
        if path is not None:
            try:
                document = _verified(path.read_bytes())
                if type(document) is dict and type(document.get("programs")) is dict:
                    _known = {k: v for k, v in document["programs"].items()
                              if type(v) is list and len(v) == 5}
            except (OSError, ValueError, RecursionError):
                pass
    return _known


def _verified(data: bytes) -> Any:
    """The file's document, if its head line's format and hash vouch for the rest.

    The regex engine refuses a malformed program, but a damaged word can still make a
    well-formed one that matches something else: the hash (BLAKE2b, as the bank cache's)
    makes any damage read as no file at all.
    """
    head, _, body = data.partition(b"\n")
    if head != _head(body):
        raise ValueError("not a kept-programs file of this format")
    return json.loads(body)


def _head(body: bytes) -> bytes:
    from pmquiz.digest import blake2b_hex

    return f"{_MAGIC} {_FORMAT} {blake2b_hex(body)}".encode("ascii")


def _write() -> None:
    """Add this run's new programs to the file (atomically; failing quietly)."""
    path = _path
    if path is None or not _new:
        return
    known = _read()
    programs = {**known, **_new} if len(known) + len(_new) <= MAX_PROGRAMS else dict(_new)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"programs": programs}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        partial.write_bytes(_head(body) + b"\n" + body)
        os.replace(partial, path)
    except (OSError, ValueError):
        partial.unlink(missing_ok=True)
