"""An output path that is the user's own data is refused before anything is written:
`export history -o` the history database itself, `check --junit bank.yaml` (the slip of
putting the bank after --junit). Both used to be overwritten, the history lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers import run_cli


def _practised(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    run = run_cli(["practice", "--count", "1", "--seed", "1", "--lang", "en"], capsys,
                  stdin="false\n")
    assert run.exit_code == 0, run.stderr
    return home / "history.sqlite3"


def _attempts(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])


@pytest.mark.parametrize("name", ["history.sqlite3", "history.sqlite3-wal"])
def test_export_history_onto_the_history_database_is_refused(
        isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    db = _practised(isolated_home, capsys)
    before = db.read_bytes()
    monkeypatch.chdir(isolated_home)
    run = run_cli(["export", "history", "-o", name, "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"error: -o {name}: that is your history database, and writing there would "
        "destroy it",
        "  Choose another file, e.g. -o history.jsonl.",
    ]
    assert db.read_bytes() == before and _attempts(db) == 1


def test_export_history_onto_a_bank_is_refused(
        isolated_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _practised(isolated_home, capsys)
    bank = tmp_path / "bank.yaml"
    assert run_cli(["new", str(bank), "--lang", "en"], capsys).exit_code == 0
    text = bank.read_text(encoding="utf-8")
    run = run_cli(["export", "history", "-o", str(bank), "--lang", "zh"], capsys)
    assert run.exit_code == 2
    assert f"错误：-o {bank}：这是一个题库文件，pmquiz 从不覆盖题库" in run.stderr
    assert bank.read_text(encoding="utf-8") == text


def test_check_junit_onto_a_bank_is_refused_and_says_how_to_check_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "bank.yaml"
    assert run_cli(["new", str(bank), "--lang", "en"], capsys).exit_code == 0
    text = bank.read_text(encoding="utf-8")
    run = run_cli(["check", "--junit", str(bank), "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"error: --junit {bank}: that is a bank file, and pmquiz never writes over a bank",
        f"  To check that bank, give it as an argument: pmquiz check {bank} --junit "
        "report.xml",
    ]
    assert run.stdout == ""
    assert bank.read_text(encoding="utf-8") == text
    # Followed, the hint works, and a report is written over a previous report.
    report = tmp_path / "report.xml"
    for _ in range(2):
        run = run_cli(["check", str(bank), "--junit", str(report)], capsys)
        assert run.exit_code == 0, run.stderr
    assert report.read_text(encoding="utf-8").startswith("<?xml")
