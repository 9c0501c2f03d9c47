"""`export history` carries a mock answer's time limit and time-up mark (SPEC 10, 11) as
optional fields of its attempt line, and `import` restores them; files without them (as
written before) still import, and a bad value is refused with its line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli

BANK = """\
id: mk
title: 模拟面试搬家
language: zh
questions:
  - id: gamma
    type: open
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 以洞察业务为基础, any: [业务]}
"""
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "mk.yaml").write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    monkeypatch.setenv("PMQUIZ_NOW", "2026-11-20T12:00:00+00:00")
    return tmp_path / "home-a", tmp_path / "home-b"


def fill(home: Path) -> None:
    """A mock interview of two answers, as `pmquiz mock` stores it (the second cut by the
    clock), and one practice answer, which has no time limit."""
    from pmquiz import scheduling
    from pmquiz.catalog import Catalog
    from pmquiz.store import Attempt, History, mark_mock_answer

    question = Catalog.load(["mk"]).questions()[0]
    history = scheduling.attach(History.open(home / "history.sqlite3"))
    timing: list[tuple[float, bool]] = []

    def mark(conn: sqlite3.Connection, attempt: Attempt) -> None:  # as the mock does
        if timing:
            mark_mock_answer(conn, attempt.id, *timing.pop())

    history.on_attempt.append(mark)
    mock = history.start_session("mock", ["mk"])
    for hours, answer, allowed, time_up in ((0, "先理解业务。", 180.0, False),
                                            (1, "业务是基础，然后", 90.0, True)):
        timing.append((allowed, time_up))
        history.record_attempt(question=question, answer=answer, score=1.0, passed=True,
                               points_hit=["business"], points_missed=[], seconds=60.0,
                               session_id=mock, when=T0 + timedelta(hours=hours))
    practice = history.start_session("practice", ["mk"])
    history.record_attempt(question=question, answer="业务", score=1.0, passed=True,
                           points_hit=["business"], points_missed=[], seconds=5.0,
                           session_id=practice, when=T0 + timedelta(hours=2))
    history.close()


def mock_rows(home: Path) -> list[tuple[str, float, int]]:
    with sqlite3.connect(home / "history.sqlite3") as conn:
        return list(conn.execute(
            "SELECT a.answer, m.allowed_seconds, m.time_up FROM mock_answers m "
            "JOIN attempts a ON a.id = m.attempt_id ORDER BY a.time"))


def at(home: Path, args: list[str], capsys: pytest.CaptureFixture[str],
       monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PMQUIZ_HOME", str(home))
    run = run_cli(args, capsys)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def test_mock_timing_survives_export_and_import(homes: tuple[Path, Path],
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    home_a, home_b = homes
    fill(home_a)
    exported = at(home_a, ["export", "history"], capsys, monkeypatch)
    lines = exported.splitlines()
    assert lines[0] == '{"format": "pmquiz-history", "version": 1}'
    records = [json.loads(line) for line in lines[1:]]
    assert [(r["kind"], r.get("allowed_seconds"), r.get("time_up")) for r in records] == [
        ("mock", 180.0, False), ("mock", 90.0, True), ("practice", None, None)]

    target = home_a.parent / "a.jsonl"
    target.write_text(exported, encoding="utf-8")
    at(home_b, ["import", str(target)], capsys, monkeypatch)
    assert mock_rows(home_b) == mock_rows(home_a) == [("先理解业务。", 180.0, 0),
                                                      ("业务是基础，然后", 90.0, 1)]
    assert at(home_b, ["export", "history"], capsys, monkeypatch) == exported
    at(home_b, ["import", str(target)], capsys, monkeypatch)  # again: nothing changes
    assert mock_rows(home_b) == mock_rows(home_a)


def test_an_export_without_timing_still_imports_and_a_later_one_fills_it_in(
        homes: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    home_a, home_b = homes
    fill(home_a)
    exported = at(home_a, ["export", "history"], capsys, monkeypatch)
    old = [json.loads(line) for line in exported.splitlines()]
    for record in old[1:]:  # the lines an earlier pmquiz wrote
        record.pop("allowed_seconds", None)
        record.pop("time_up", None)
    target = home_a.parent / "old.jsonl"
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in old),
                      encoding="utf-8")
    assert "3 new" in at(home_b, ["import", str(target), "--lang", "en"], capsys,
                         monkeypatch)
    assert mock_rows(home_b) == []

    target.write_text(exported, encoding="utf-8")
    assert "0 new, 3 already here" in at(home_b, ["import", str(target), "--lang", "en"],
                                         capsys, monkeypatch)
    assert mock_rows(home_b) == mock_rows(home_a)


def import_altered(homes: tuple[Path, Path], line: int, alter: Callable[[dict[str, Any]], object],
                   lang: str, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Any]:
    """Export the first home's history, alter its record on `line`, import the file into
    the second home; the file and the import's run."""
    home_a, home_b = homes
    fill(home_a)
    lines = at(home_a, ["export", "history"], capsys, monkeypatch).splitlines()
    record = json.loads(lines[line])
    alter(record)
    lines[line] = json.dumps(record, ensure_ascii=False)
    target = home_a.parent / "bad.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_HOME", str(home_b))
    return target, run_cli(["import", str(target), "--lang", lang], capsys)


@pytest.mark.parametrize(("change", "said"), [
    ({"allowed_seconds": 0}, "'allowed_seconds' should be a number of seconds above 0, not 0"),
    ({"allowed_seconds": "3m"}, "'allowed_seconds' should be a number of seconds above 0"),
    ({"time_up": "yes"}, "'time_up' should be true or false, not \"yes\""),
    ({"allowed_seconds": None, "time_up": True}, "'allowed_seconds' should be a number"),
])
def test_bad_timing_is_refused_with_its_line(homes: tuple[Path, Path], change: dict[str, object],
                                             said: str, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target, run = import_altered(homes, 1, lambda record: record.update(change), "en",
                                 capsys, monkeypatch)
    assert run.exit_code == 2
    assert f"{target}:2: {said}" in run.stderr
    assert not (homes[1] / "history.sqlite3").exists() or mock_rows(homes[1]) == []


def test_timing_without_its_limit_is_refused(homes: tuple[Path, Path],
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target, run = import_altered(homes, 2, lambda record: record.pop("allowed_seconds"), "zh",
                                 capsys, monkeypatch)
    assert run.exit_code == 2
    assert f"{target}:3：缺少字段“allowed_seconds”" in run.stderr
