"""Click's own usage errors speak the UI language: in Chinese, the usage line, the help
hint and the error are said again from the error's kind and values (pmquiz.usageerrors);
in English they are Click's, unchanged. Exit 2 either way (SPEC 2)."""

from __future__ import annotations

import io
import re

import pytest

from helpers import run_cli
from pmquiz import usageerrors
from pmquiz.cli import build_command
from pmquiz.i18n import t

CASES = [
    (["grade", "--foo"], "grade", "没有这个选项：--foo"),
    (["grade", "core", "--answr", "x"], "grade",
     "没有这个选项：--answr（相近的选项：--answer, --bank, --lang）"),
    (["grade"], "grade", "缺少参数 question。"),
    (["history", "--limit", "abc"], "history", "--limit / -n 的值无效：“abc”不是整数。"),
    (["mock", "--minutes", "three"], "mock", "--minutes / -m 的值无效：“three”不是数字。"),
    (["nosuch"], "", "没有“nosuch”这个命令。"),
    (["grade", "a", "b", "c"], "grade", "多余的参数：c"),
    (["grade", "core-ability", "--file", "."], "grade",
     "--file / -f 的值无效：“.”是一个文件夹，不是文件。"),
]


@pytest.mark.parametrize(("args", "command", "said"), CASES)
def test_usage_errors_in_chinese(args: list[str], command: str, said: str,
                                 capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "zh")
    run = run_cli(args, capsys)
    assert run.exit_code == 2
    path = f"pmquiz {command}".strip()
    lines = run.stderr.splitlines()
    assert lines[0].startswith(f"用法：{path} [OPTIONS]")
    assert lines[1:] == [f"运行 {path} -h 查看帮助。", "", f"错误：{said}"]
    assert not re.search(r"\b(Usage|Try|Error|No such|Missing|Invalid|not a valid)\b",
                         run.stderr)


def test_an_option_without_its_value_in_chinese(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "zh")
    run = run_cli(["list", "--tag"], capsys)
    assert (run.exit_code, run.stderr) == (2, "错误：选项 --tag 需要一个值。\n")
    run = run_cli(["review", "--list=3"], capsys)
    assert (run.exit_code, run.stderr) == (2, "错误：选项 --list 不接受值。\n")


def test_english_is_clicks_own(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["history", "--limit", "abc", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr == ("Usage: pmquiz history [OPTIONS]\nTry 'pmquiz history -h' for "
                          "help.\n\nError: Invalid value for '--limit' / '-n': 'abc' is not "
                          "a valid int.\n")


@pytest.mark.parametrize("args", [case[0] for case in CASES]
                         + [["list", "--tag"], ["review", "--list=3"]])
def test_the_english_strings_are_clicks_words(args: list[str]) -> None:
    """Said with the English UI strings, each error reads exactly as Click prints it: the
    messages are recognised whole, and a Typer that changes its wording fails here (the
    Chinese would quietly fall back to English)."""
    with pytest.raises(Exception) as caught:  # noqa: PT011 - whichever usage error it is
        build_command(args).main(args=args, prog_name="pmquiz", standalone_mode=False)
    shown = io.StringIO()
    caught.value.show(file=shown)  # type: ignore[attr-defined]
    rendered = usageerrors.render(caught.value, lambda key, **v: t(key, "en", **v))
    assert rendered is not None
    assert "".join(line + "\n" for line in rendered.head) + f"Error: {rendered.message}\n" \
        == shown.getvalue()
