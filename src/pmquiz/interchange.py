"""Moving a history between machines: `pmquiz export history` and `pmquiz import` (SPEC 11).

An export is JSON Lines: the header `{"format": "pmquiz-history", "version": 1}`, then one
attempt per line, oldest first, each with its stable unique id (SPEC 2). Both directions
stream: the export writes a row as it reads it, the import inserts in batches, so neither
holds a whole history in memory.

An import is one transaction over every file given: attempts whose id is already here are
skipped (so importing a file twice changes nothing), then the cards of the questions that
gained attempts are recomputed from all their attempts in time order. The first line that
is not what an export holds (not JSON, not the header, a damaged attempt, an unknown
version) raises `ExportFileError` naming the file and line, and the transaction is rolled
back: nothing is written.
"""

from __future__ import annotations

import json
import math
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pmquiz.errors import PmquizError, os_error_values
from pmquiz.store import History, iso

if TYPE_CHECKING:
    import sqlite3

FORMAT = "pmquiz-history"
VERSION = 1
HEADER = {"format": FORMAT, "version": VERSION}
KINDS = ("practice", "review", "mock")
# An answer is capped well below this; a longer line is damage, refused in bounded memory.
MAX_LINE_BYTES = 16 * 1024 * 1024
BATCH = 2000
STDIN_NAME = "<stdin>"
IMPORT_CACHE_KIB = 32 * 1024

# One encoder for every line: json.dumps with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode
# The form `iso` writes (UTC, whole seconds): taken as it is, after fromisoformat checks it.
_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\Z")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\Z")
_REF_PART = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # the loader's id rule for banks and questions

_EXPORT_SQL = """
    SELECT a.uid, a.time, a.bank_id, a.question_id, a.question_hash, a.answer, a.score,
           a.passed, a.graded_passed, a.points_hit, a.points_missed, a.seconds, a.overruled,
           coalesce(a.kind, s.kind, 'practice')
    FROM attempts a LEFT JOIN sessions s ON s.id = a.session_id
    ORDER BY a.time, a.id"""

_INSERT_SQL = """
    INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, passed,
                          graded_passed, overruled, points_hit, points_missed, seconds, uid,
                          kind)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (uid) DO NOTHING"""

# A row ready for _INSERT_SQL.
Row = tuple[str, str, str, str, str, float, int, int, int, str, str, float, str, str]


class ExportFileError(PmquizError):
    """A file given to `pmquiz import` is not a pmquiz history export, or is damaged.

    `problem` is what is wrong in English; `key` and `values` say it in the UI language,
    after the file and line (which stay as they are, like a compiler's location).
    """

    def __init__(self, path: Path | str, line: int | None, problem: str, key: str,
                 values: dict[str, object] | None = None) -> None:
        """`line` None: the file as a whole (it cannot be opened, or holds no line)."""
        super().__init__(
            f"{path}: {problem}" if line is None else f"{path}:{line}: {problem}",
            "Give a file written by `pmquiz export history`. Nothing was imported.",
            key=key, hint_key="err_export_hint", values=values,
        )
        self.path = path
        self.line = line
        self.problem = problem

    def localized(self, translate: Callable[..., str]) -> str:
        problem = translate(self.key, **self.values) if self.key else self.problem
        where = (translate("err_export_where_file", path=self.path, problem=problem)
                 if self.line is None else
                 translate("err_export_where", path=self.path, line=self.line, problem=problem))
        return f"{where}\n{translate('err_export_hint')}"


# -- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportSummary:
    attempts: int
    skipped: int  # rows pmquiz did not write (unreadable time or point lists), left out


def export_history(history: History, out: IO[str]) -> ExportSummary:
    """Write the header and every attempt, oldest first, one JSON object per line."""
    out.write(json.dumps(HEADER) + "\n")
    written = skipped = 0
    for row in history.iterate(_EXPORT_SQL):
        try:
            line = _encode(_record(row))
        except (TypeError, ValueError):
            skipped += 1
            continue
        out.write(line + "\n")
        written += 1
    return ExportSummary(written, skipped)


def _record(row: Any) -> dict[str, Any]:
    (uid, time, bank_id, question_id, question_hash, answer, score, passed, graded_passed,
     points_hit, points_missed, seconds, overruled, kind) = row
    if not isinstance(uid, str):
        raise TypeError("attempt without an id")
    return {
        "id": uid,
        "time": iso(_aware(datetime.fromisoformat(time))),
        "ref": f"{bank_id}/{question_id}",
        "content_hash": question_hash,
        "answer": answer,
        "score": float(score),
        "passed": bool(passed),
        "graded_passed": bool(graded_passed),
        "points_hit": _point_list(points_hit),
        "points_missed": _point_list(points_missed),
        "seconds": float(seconds),
        "overruled": bool(overruled),
        "kind": kind,
    }


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _point_list(raw: str) -> list[str]:
    points = json.loads(raw)
    if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
        raise ValueError("not a list of point ids")
    return points


# -- import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    new: int
    present: int


def import_files(history: History, paths: Sequence[Path], stdin: IO[bytes] | None = None
                 ) -> ImportSummary:
    """Merge the exports at `paths` in one transaction; nothing is written if one is bad.

    A path `-` reads `stdin` (`ssh laptop pmquiz export history | pmquiz import -`).
    """
    from pmquiz.scheduling import rebuild_cards

    new = seen = 0
    touched: set[tuple[str, str]] = set()
    # Room for the id index of a large import (random keys), so its pages are not
    # written out and read back mid-transaction; a bound, not an allocation.
    history.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    with history.transaction() as conn:
        for path in paths:
            batch: list[Row] = []
            for row in read_export(path, stdin):
                batch.append(row)
                if len(batch) >= BATCH:
                    new += _insert(conn, batch, touched)
                    seen += len(batch)
                    batch = []
            new += _insert(conn, batch, touched)
            seen += len(batch)
        if touched:
            rebuild_cards(conn, touched)
    return ImportSummary(new=new, present=seen - new)


def _insert(conn: sqlite3.Connection, batch: list[Row], touched: set[tuple[str, str]]) -> int:
    if not batch:
        return 0
    added = int(conn.executemany(_INSERT_SQL, batch).rowcount)
    if added:
        touched.update((row[1], row[2]) for row in batch)
    return added


def _unreadable(path: Path | str, line: int | None, exc: OSError) -> ExportFileError:
    """The system would not let the file be read (at `line`, or at all)."""
    values = os_error_values(exc)
    return ExportFileError(path, line, f"cannot read the file: {values['reason']}",
                           "exp_cannot_read", values)


def read_export(path: Path, stdin: IO[bytes] | None = None) -> Iterator[Row]:
    """The attempts of one export file (`-`: `stdin`), checked line by line;
    ExportFileError at the first line that is not what `export_history` writes.

    A pipe is read like a file; a folder, device or socket is refused unread.
    """
    if str(path) == "-" and stdin is not None:
        yield from _read_lines(STDIN_NAME, stdin)
        return
    try:
        mode = path.stat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise ExportFileError(path, None, "not a file or a pipe", "exp_not_a_file")
        handle = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, None, exc) from None
    with handle:
        yield from _read_lines(path, handle)


def _read_lines(path: Path | str, handle: IO[bytes]) -> Iterator[Row]:
    """Check and convert the lines of one export; `path` names it in errors."""
    number = 0
    header_seen = False
    while True:
        try:
            raw = handle.readline(MAX_LINE_BYTES + 1)
        except OSError as exc:
            raise _unreadable(path, number + 1, exc) from None
        if not raw:
            break
        number += 1
        if number == 1:
            _refuse_known_binary(path, raw)
        if len(raw) > MAX_LINE_BYTES:
            raise ExportFileError(path, number, "line longer than 16 MiB", "exp_line_too_long")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = exc.start + 1
            raise ExportFileError(path, number, f"not UTF-8 text (byte {byte} of the line)",
                                  "exp_not_utf8", {"byte": byte}) from None
        if number == 1:
            text = text.removeprefix("\ufeff")  # a byte-order mark from an editor
        if not text.strip():
            continue
        value = _json(path, number, text)
        if not header_seen:
            _check_header(path, number, value)
            header_seen = True
            continue
        yield _attempt_row(path, number, value)
    if not header_seen:
        raise ExportFileError(path, None,
                              "empty: not a pmquiz history export", "exp_empty")


# Files a user may take for an export, by their first bytes: what each is, and what to do.
_KNOWN_BINARY = (
    (b"SQLite format 3\x00", "exp_is_sqlite",
     "an SQLite database (history.sqlite3 itself?), not an export: run `pmquiz --data-dir "
     "ITS_FOLDER export history -o FILE` and import that FILE"),
    (b"\x1f\x8b", "exp_is_gzip",
     "gzip-compressed: decompress it first, e.g. `gunzip -c FILE | pmquiz import -`"),
    (b"PK\x03\x04", "exp_is_zip", "a zip archive (an Anki .apkg?), not a history export"),
)


def _refuse_known_binary(path: Path | str, first: bytes) -> None:
    """A database, a compressed export or an Anki deck is named for what it is (rather
    than 'not UTF-8 text'), with what to do instead."""
    for magic, key, problem in _KNOWN_BINARY:
        if first.startswith(magic):
            raise ExportFileError(path, None, problem, key)


def _json(path: Path | str, number: int, text: str) -> Any:
    try:
        return json.loads(text.strip())
    except json.JSONDecodeError as exc:
        raise ExportFileError(path, number, f"not JSON ({exc.msg} at column {exc.colno})",
                              "exp_not_json", {"reason": exc.msg, "column": exc.colno}
                              ) from None
    except RecursionError:
        raise ExportFileError(path, number, "not JSON (nested too deeply)", "exp_too_deep"
                              ) from None


def _check_header(path: Path | str, number: int, value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        header = json.dumps(HEADER)
        raise ExportFileError(path, number, "not a pmquiz history export (the first line "
                              f"should be {header})", "exp_not_export", {"header": header})
    version = value.get("version")
    if version != VERSION or isinstance(version, bool):
        shown = json.dumps(version)
        raise ExportFileError(
            path, number, f"history format version {shown} is not one this "
            f"pmquiz reads (it reads version {VERSION}); a newer pmquiz may read it",
            "exp_version", {"version": shown, "known": VERSION})


def _attempt_row(path: Path | str, number: int, value: Any) -> Row:
    """The row to insert for one attempt line; ExportFileError saying what is wrong.

    The common case (a line `export_history` wrote) is checked in one pass; only a line
    that fails it goes through `_problem`, which finds the words for what is wrong.
    """
    try:
        uid, raw_time, ref, kind = value["id"], value["time"], value["ref"], value["kind"]
        answer, qhash = value["answer"], value["content_hash"]
        score, seconds = value["score"], value["seconds"]
        passed, overruled = value["passed"], value["overruled"]
        graded = value.get("graded_passed", passed != overruled)
        hit, missed = value["points_hit"], value["points_missed"]
        bank_id, slash, question_id = ref.partition("/")
        if (type(uid) is str and _ID.match(uid) and type(raw_time) is str
                and len(raw_time) <= 64 and slash and _REF_PART.match(bank_id)
                and _REF_PART.match(question_id) and kind in KINDS
                and type(answer) is str and type(qhash) is str and len(qhash) <= 128
                and _is_number(score) and 0 <= score <= 1
                and _is_number(seconds) and 0 <= seconds < math.inf
                and type(passed) is bool and type(overruled) is bool and type(graded) is bool
                and _is_points(hit) and _is_points(missed)):
            moment = datetime.fromisoformat(raw_time)
            if moment.tzinfo is not None:
                stored = raw_time if _CANONICAL_TIME.match(raw_time) else iso(moment)
                return (stored, bank_id, question_id, qhash, answer, float(score),
                        int(passed), int(graded), int(overruled),
                        _encode(hit) if hit else "[]", _encode(missed) if missed else "[]",
                        float(seconds), uid, kind)
    except (KeyError, TypeError, AttributeError, ValueError, OverflowError):
        pass
    raise ExportFileError(path, number, *_problem(value))


def _is_number(item: Any) -> bool:
    return type(item) is float or type(item) is int


def _is_points(item: Any) -> bool:
    return type(item) is list and all(type(p) is str for p in item)


def _problem(value: Any) -> tuple[str, str, dict[str, object]]:
    """What is wrong with an attempt line that `_attempt_row` refused: in English, and
    the UI-string key and values that say it in either language."""
    if not isinstance(value, dict):
        return "an attempt should be a JSON object", "exp_not_object", {}
    if value.get("format") == FORMAT:
        return ("a second header: files cannot be joined; import each one on its own",
                "exp_second_header", {})
    kinds = ", ".join(KINDS)
    # (field, check, what it should be in English, the key saying so in either language)
    expected: list[tuple[str, Callable[[Any], bool], str, str]] = [
        ("id", lambda v: isinstance(v, str) and bool(_ID.match(v)),
         "an attempt id (letters, digits and . _ : -)", "exp_should_id"),
        ("time", lambda v: isinstance(v, str) and len(v) <= 64, "an ISO-8601 time",
         "exp_should_time"),
        ("ref", lambda v: isinstance(v, str) and _is_ref(v), "BANK_ID/QUESTION_ID",
         "exp_should_ref"),
        ("content_hash", lambda v: isinstance(v, str) and len(v) <= 128,
         "text of at most 128 characters", "exp_should_hash"),
        ("answer", lambda v: isinstance(v, str), "text", "exp_should_text"),
        ("score", lambda v: _is_number(v) and 0 <= v <= 1, "a number from 0 to 1",
         "exp_should_score"),
        ("passed", lambda v: isinstance(v, bool), "true or false", "exp_should_bool"),
        ("graded_passed", lambda v: isinstance(v, bool), "true or false", "exp_should_bool"),
        ("points_hit", _is_points, "a list of point ids", "exp_should_points"),
        ("points_missed", _is_points, "a list of point ids", "exp_should_points"),
        ("seconds", lambda v: _is_number(v) and 0 <= v < math.inf, "a number of 0 or more",
         "exp_should_seconds"),
        ("overruled", lambda v: isinstance(v, bool), "true or false", "exp_should_bool"),
        ("kind", lambda v: v in KINDS, "one of " + kinds, "exp_should_kind"),
    ]
    for field, ok, what, key in expected:
        if field not in value:
            if field == "graded_passed":  # optional: `passed` and `overruled` tell it
                continue
            return f"'{field}' is missing", "exp_missing", {"field": field}
        if not ok(value[field]):
            shown = _shown(value[field])
            return (f"'{field}' should be {what}, not {shown}", key,
                    {"field": field, "shown": shown, "kinds": kinds})
    raw = value["time"]
    shown = _shown(raw)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return (f"'time' should be an ISO-8601 time, not {shown}", "exp_should_time",
                {"field": "time", "shown": shown})
    if moment.tzinfo is None:
        return f"'time' {shown} has no UTC offset", "exp_no_offset", {"shown": shown}
    return f"'time' {shown} is out of range", "exp_time_range", {"shown": shown}


def _is_ref(text: str) -> bool:
    bank_id, slash, question_id = text.partition("/")
    return bool(slash and _REF_PART.match(bank_id) and _REF_PART.match(question_id))


def _shown(item: Any) -> str:
    """A value for an error message: JSON, ASCII (no control characters), cut short."""
    text = json.dumps(item)
    return text if len(text) <= 60 else text[:57] + "..."
