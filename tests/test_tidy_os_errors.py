"""A file the system will not read or write: every such message is built by one
constructor (errors.PmquizError.from_os_error), so the system's reason is said in the UI
language wherever it comes from (SPEC 2: nothing a person reads is in the other language)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz.errors import HistoryError, UsageError


def test_the_constructor_keeps_the_english_and_carries_the_errno() -> None:
    exc = PermissionError(errno.EACCES, "Permission denied", "答案.txt")

    error = UsageError.from_os_error(exc, "{file}: cannot read the answer file: {reason}",
                                     "Check the path.", key="err_answer_file",
                                     hint_key="err_answer_file_hint", file="答案.txt")

    assert str(error) == "答案.txt: cannot read the answer file: Permission denied\nCheck the path."
    assert error.values == {"file": "答案.txt", "reason": "Permission denied",
                            "errno": errno.EACCES}
    assert isinstance(HistoryError.from_os_error(exc, "{reason}", key="k"), HistoryError)


def test_a_data_folder_that_cannot_be_made_says_why_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("我的笔记", encoding="utf-8")
    folder = tmp_path / "notes.txt" / "pmquiz"

    zh = run_cli(["--data-dir", str(folder), "practice", "--count", "1", "--type", "truefalse",
                  "--lang", "zh"], capsys, stdin="对\n")
    en = run_cli(["--data-dir", str(folder), "practice", "--count", "1", "--type", "truefalse",
                  "--lang", "en"], capsys, stdin="true\n")

    assert zh.exit_code == en.exit_code == 2
    assert f"{folder}：无法创建数据文件夹（路径中有一段不是文件夹）" in zh.stderr
    assert "Not a directory" not in zh.stderr
    assert f"{folder}: cannot create the data folder (Not a directory)" in en.stderr


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "无法写入 {path}：磁盘空间不足"),
    ("en", "cannot write {path}: No space left on device"),
])
def test_new_on_a_full_disk_says_why_in_the_ui_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        lang: str, said: str) -> None:
    from pmquiz.commands import new

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(new, "open", full_disk, raising=False)
    target = str(tmp_path / "面试题.yaml")

    run = run_cli(["new", target, "--lang", lang], capsys)

    assert run.exit_code == 2
    assert said.format(path=target) in run.stderr
    assert not Path(target).exists()


def test_lang_in_capitals_reaches_errors_said_before_any_bank_is_known(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    (tmp_path / "notes.txt").write_text("我的笔记", encoding="utf-8")

    run = run_cli(["grade", "core-ability", "--file", str(tmp_path / "notes.txt" / "a.txt"),
                   "--lang", "ZH"], capsys)

    assert run.exit_code == 2
    assert "无法读取回答文件：路径中有一段不是文件夹" in run.stderr
