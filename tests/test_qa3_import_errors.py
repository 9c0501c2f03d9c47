"""`pmquiz import` names a line only where the file has one (SPEC 11: a damaged file is
refused with the line number): a file that cannot be opened, or that holds nothing, is
named alone, in the UI language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "{path}：无法读取文件：没有这个文件或文件夹"),
    ("en", "{path}: cannot read the file: No such file or directory"),
])
def test_a_missing_file_is_named_without_a_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str) -> None:
    missing = tmp_path / "laptop.jsonl"

    run = run_cli(["import", "--lang", lang, str(missing)], capsys)

    assert run.exit_code == 2
    assert expected.format(path=missing) in run.stderr
    assert f"{missing}:1" not in run.stderr


def test_an_empty_file_is_named_without_a_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "laptop.jsonl"
    empty.write_text("", encoding="utf-8")

    run = run_cli(["import", "--lang", "en", str(empty)], capsys)

    assert run.exit_code == 2
    assert f"{empty}: empty: not a pmquiz history export" in run.stderr
    assert "Nothing was imported." in run.stderr


def test_a_damaged_line_still_has_its_number(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "laptop.jsonl"
    damaged.write_text('{"format": "pmquiz-history", "version": 1}\n{"id": 1\n',
                       encoding="utf-8")

    run = run_cli(["import", "--lang", "zh", str(damaged)], capsys)

    assert run.exit_code == 2
    assert f"{damaged}:2：不是 JSON" in run.stderr


def test_the_history_database_itself_is_named_for_what_it_is(
        isolated_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["practice", "--count", "1", "--type", "truefalse"], capsys,
                   stdin="对\n").exit_code == 0
    database = isolated_home / "history.sqlite3"
    other = tmp_path / "other-home"

    run = run_cli(["import", "--data-dir", str(other), "--lang", "en", str(database)], capsys)

    assert run.exit_code == 2
    assert f"{database}: an SQLite database (history.sqlite3 itself?), not an export" \
        in run.stderr
    assert "export history -o FILE" in run.stderr
    assert run_cli(["history", "--data-dir", str(other)], capsys).stdout == ""


@pytest.mark.parametrize(("first_bytes", "expected"), [
    (b"\x1f\x8b\x08\x00", "这是 gzip 压缩文件：先解压，例如 `gunzip -c 文件 | pmquiz import -`"),
    (b"PK\x03\x04\x14\x00", "这是 zip 压缩包（Anki 的 .apkg？），不是历史记录导出文件"),
])
def test_compressed_files_say_what_they_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], first_bytes: bytes,
        expected: str) -> None:
    packed = tmp_path / "laptop.bin"
    packed.write_bytes(first_bytes + bytes(range(256)))

    run = run_cli(["import", "--lang", "zh", str(packed)], capsys)

    assert run.exit_code == 2
    assert f"{packed}：{expected}" in run.stderr
