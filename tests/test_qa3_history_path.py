"""A history path that is a folder is named as such (SPEC 5: a clear error naming the file,
exit 2, nothing touched), for reading and writing commands alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize(("args", "stdin"), [
    (["stats"], None),
    (["history", "--lang", "zh"], None),
    (["practice", "--count", "1", "--type", "truefalse"], "对\n"),
])
def test_a_folder_where_the_history_should_be(
        isolated_home: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        stdin: str | None) -> None:
    folder = isolated_home / "history.sqlite3"
    folder.mkdir(parents=True)
    (folder / "keep.txt").write_text("mine", encoding="utf-8")

    run = run_cli(args, capsys, stdin=stdin)

    assert run.exit_code == 2
    assert f"{folder}：这是一个文件夹，不是历史数据库" in run.stderr
    assert "--data-dir / PMQUIZ_HOME" in run.stderr
    assert "Traceback" not in run.stderr
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_in_english(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = isolated_home / "history.sqlite3"
    folder.mkdir(parents=True)

    run = run_cli(["stats", "--lang", "en"], capsys)

    assert run.exit_code == 2
    assert f"{folder}: is a folder, not a history database" in run.stderr
