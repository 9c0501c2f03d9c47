"""Shell completion, `-h`, and `--data-dir` after the command name (SPEC 2, Global)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers import run_cli


def complete(words: str, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch, shell: str = "bash") -> list[str]:
    """What the shell would offer for the last word of `words` (bash's protocol)."""
    monkeypatch.setenv("_PMQUIZ_COMPLETE", f"complete_{shell}")
    monkeypatch.setenv("COMP_WORDS", words)
    parts = words.split(" ")
    monkeypatch.setenv("COMP_CWORD", str(len(parts) - 1))
    run = run_cli([], capsys)
    monkeypatch.delenv("_PMQUIZ_COMPLETE")
    assert run.exit_code == 0, run.stderr
    return run.stdout.split()


@pytest.fixture
def my_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-banks"
    folder.mkdir()
    path = folder / "growth.yaml"
    assert run_cli(["new", str(path), "--lang", "zh"], capsys).exit_code == 0
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    return path


def test_completes_bank_ids(my_bank: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("pmquiz practice gr", capsys, monkeypatch) == ["growth"]
    assert complete("pmquiz list backoffice-pm-", capsys, monkeypatch) == [
        "backoffice-pm-en", "backoffice-pm-zh"]
    # A path is left to the shell's own file completion.
    assert complete("pmquiz practice ./gr", capsys, monkeypatch) == []


def test_completes_question_references(my_bank: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("pmquiz show growth/", capsys, monkeypatch) == [
        "growth/core-ability", "growth/backoffice-dimensions", "growth/backoffice-users-few"]
    assert complete("pmquiz grade growth/backoffice-u", capsys, monkeypatch) == [
        "growth/backoffice-users-few"]
    # A bare id, from the bank given with --bank only.
    assert complete(f"pmquiz show --bank {my_bank} backoffice-d", capsys, monkeypatch) == [
        "backoffice-dimensions"]


def test_completes_type_and_lang_values(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("pmquiz practice --type ", capsys, monkeypatch) == [
        "open", "choice", "truefalse"]
    assert complete("pmquiz review --lang e", capsys, monkeypatch) == ["en"]
    assert complete("pmquiz new x.yaml --lang ", capsys, monkeypatch) == ["zh", "en"]


def test_completion_survives_a_broken_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))
    assert complete("pmquiz show core", capsys, monkeypatch) == ["core-ability"]


@pytest.mark.parametrize("command", ["practice", "history", "new", "overrules", "check"])
def test_dash_h_is_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli([command, "-h"], capsys)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"Usage: pmquiz {command} ")
    assert "-h, --help" in run.stdout
    assert run_cli(["-h"], capsys).stdout.startswith("Usage: pmquiz ")


def test_data_dir_after_the_command_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         isolated_home: Path) -> None:
    data = tmp_path / "elsewhere"
    bank = tmp_path / "drill.yaml"
    assert run_cli(["new", str(bank), "--lang", "zh"], capsys).exit_code == 0
    run = run_cli(["practice", str(bank), "--count", "1", "--seed", "1", "--data-dir",
                   str(data)], capsys, stdin="理解业务\n\n")
    assert run.exit_code == 0, run.stderr
    with sqlite3.connect(data / "history.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone() == (1,)
    assert not (isolated_home / "history.sqlite3").exists()
    after = run_cli(["history", "--json", "--data-dir", str(data)], capsys)
    before = run_cli(["--data-dir", str(data), "history", "--json"], capsys)
    assert after.exit_code == 0 and after.stdout == before.stdout
    assert '"answer": "理解业务"' in after.stdout
    assert "--data-dir" in run_cli(["history", "-h"], capsys).stdout
    # A file is no folder, after the command as before it.
    run = run_cli(["history", "--data-dir", str(bank)], capsys)
    assert run.exit_code == 2 and "是一个文件，不是文件夹" in run.stderr  # the UI is zh here
