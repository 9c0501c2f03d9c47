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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pmquiz.errors import PmquizError
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
    """A file given to `pmquiz import` is not a pmquiz history export, or is damaged."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(
            f"{path}:{line}: {message}",
            "Give a file written by `pmquiz export history`. Nothing was imported.",
        )
        self.path = path
        self.line = line


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
            record = _record(row)
        except (TypeError, ValueError):
            skipped += 1
            continue
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
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


def import_files(history: History, paths: Sequence[Path]) -> ImportSummary:
    """Merge the exports at `paths` in one transaction; nothing is written if one is bad."""
    from pmquiz.scheduling import rebuild_cards

    new = seen = 0
    touched: set[tuple[str, str]] = set()
    with history.transaction() as conn:
        for path in paths:
            batch: list[Row] = []
            for row in read_export(path):
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


def read_export(path: Path) -> Iterator[Row]:
    """The attempts of one export file, checked line by line; ExportFileError at the first
    line that is not what `export_history` writes."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ExportFileError(path, 1, "not a regular file")
        handle = path.open("rb")
    except OSError as exc:
        raise ExportFileError(path, 1, f"cannot read the file: {exc.strerror or exc}"
                              ) from None
    with handle:
        number = 0
        header_seen = False
        while True:
            try:
                raw = handle.readline(MAX_LINE_BYTES + 1)
            except OSError as exc:
                raise ExportFileError(path, number + 1,
                                      f"cannot read the file: {exc.strerror or exc}") from None
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise ExportFileError(path, number, "line longer than 16 MiB")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ExportFileError(path, number, f"not UTF-8 text (byte {exc.start + 1} "
                                      "of the line)") from None
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
            raise ExportFileError(path, max(number, 1),
                                  "empty: not a pmquiz history export")


def _json(path: Path, number: int, text: str) -> Any:
    try:
        return json.loads(text.strip())
    except json.JSONDecodeError as exc:
        raise ExportFileError(path, number, f"not JSON ({exc.msg} at column {exc.colno})"
                              ) from None
    except RecursionError:
        raise ExportFileError(path, number, "not JSON (nested too deeply)") from None


def _check_header(path: Path, number: int, value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise ExportFileError(path, number, "not a pmquiz history export (the first line "
                              f"should be {json.dumps(HEADER)})")
    version = value.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ExportFileError(
            path, number, f"history format version {json.dumps(version)} is not one this "
            f"pmquiz reads (it reads version {VERSION}); a newer pmquiz may read it")


def _attempt_row(path: Path, number: int, value: Any) -> Row:
    def bad(message: str) -> ExportFileError:
        return ExportFileError(path, number, message)

    if not isinstance(value, dict):
        raise bad("an attempt should be a JSON object")
    if value.get("format") == FORMAT:
        raise bad("a second header: files cannot be joined; import each one on its own")

    def text(key: str, limit: int | None = None) -> str:
        item = value.get(key)
        if not isinstance(item, str):
            raise bad(f"'{key}' should be text" if key in value else f"'{key}' is missing")
        if limit is not None and len(item) > limit:
            raise bad(f"'{key}' is longer than {limit} characters")
        return item

    def flag(key: str) -> bool:
        item = value.get(key)
        if not isinstance(item, bool):
            raise bad(f"'{key}' should be true or false" if key in value
                      else f"'{key}' is missing")
        return item

    def number_in(key: str, low: float, high: float) -> float:
        item = value.get(key)
        if isinstance(item, bool) or not isinstance(item, int | float) or (
                not math.isfinite(item) or not low <= item <= high):
            where = "from 0 to 1" if high == 1 else "of 0 or more"
            raise bad(f"'{key}' should be a number {where}" if key in value
                      else f"'{key}' is missing")
        return float(item)

    def points(key: str) -> str:
        item = value.get(key)
        if not isinstance(item, list) or not all(isinstance(p, str) for p in item):
            raise bad(f"'{key}' should be a list of point ids" if key in value
                      else f"'{key}' is missing")
        return json.dumps(item, ensure_ascii=False)

    uid = text("id")
    if not _ID.match(uid):
        raise bad(f"'id' {json.dumps(uid)} is not an attempt id (letters, digits, . _ : -)")
    raw_time = text("time", 64)
    try:
        moment = datetime.fromisoformat(raw_time)
        if moment.tzinfo is None:
            raise bad(f"'time' {json.dumps(raw_time)} has no UTC offset")
        stored = iso(moment)
    except (ValueError, OverflowError):
        raise bad(f"'time' {json.dumps(raw_time)} is not an ISO-8601 time") from None
    ref = text("ref", 300)
    bank_id, slash, question_id = ref.partition("/")
    if not (slash and _REF_PART.match(bank_id) and _REF_PART.match(question_id)):
        raise bad(f"'ref' {json.dumps(ref)} is not BANK_ID/QUESTION_ID")
    kind = text("kind")
    if kind not in KINDS:
        raise bad(f"'kind' {json.dumps(kind)} should be one of "
                  + ", ".join(KINDS))
    passed = flag("passed")
    overruled = flag("overruled")
    # Written by every export; a file without it keeps what `overruled` can tell.
    graded_passed = flag("graded_passed") if "graded_passed" in value else (
        passed != overruled)
    return (
        stored, bank_id, question_id, text("content_hash", 128), text("answer"),
        number_in("score", 0.0, 1.0), int(passed), int(graded_passed), int(overruled),
        points("points_hit"), points("points_missed"),
        number_in("seconds", 0.0, float("inf")), uid, kind,
    )
