"""`grade -` and `import -` at a terminal say on stderr that they read standard input and
how to end it; piped input gets no such word (a script's stderr stays quiet)."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from helpers import run_cli
from terminal import CTRL_D, ENTER, finished, spawn


def test_grade_dash_at_a_terminal_says_what_it_waits_for(tmp_path: Path) -> None:
    child = spawn(["grade", "backoffice-pm-zh/core-ability", "-"], tmp_path / "home")
    child.expect_exact("正在从标准输入读取回答；输入完后按 Ctrl-D 结束。")
    child.send("最重要的是理解业务，围绕用户需求做产品设计。" + ENTER)
    child.send(CTRL_D)
    child.expect_exact("以洞察业务为基础")
    assert finished(child) in (0, 1)


def test_import_dash_at_a_terminal_says_what_it_waits_for(tmp_path: Path) -> None:
    child = spawn(["import", "-", "--lang", "en"], tmp_path / "home")
    child.expect_exact("reading the history export from standard input; end with Ctrl-D")
    child.send(CTRL_D)
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("args", [
    ["grade", "backoffice-pm-en/core-ability", "-", "--lang", "en"],
    ["import", "-", "--lang", "en"],
])
def test_piped_stdin_gets_no_note(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    run = run_cli(args, capsys, stdin="")
    assert "standard input" not in run.stderr
