"""Ctrl-C outside a session says so in one line, in the UI language, and exits 130
(SPEC 2), whatever the command was doing; never a traceback, never a silent exit."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from helpers import run_cli
from terminal import reading_stdin, spawn


@pytest.mark.slow
@pytest.mark.parametrize(("args", "reading", "said"), [
    (["grade", "core-ability", "-", "--lang", "en"], "end with Ctrl-D", "Interrupted."),
    (["import", "-"], "按 Ctrl-D 结束", "已中断。"),
])
def test_ctrl_c_while_reading_stdin_says_interrupted(tmp_path: Path, args: list[str],
                                                      reading: str, said: str) -> None:
    child = spawn(args, tmp_path / "home", PMQUIZ_LANG="zh")
    child.expect_exact(reading)  # the note comes just before the read starts
    reading_stdin(child)
    child.send("半句回答")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    lines = [line.strip() for line in (child.before or "").splitlines()]
    assert said in lines
    assert "Traceback" not in (child.before or "")
    assert child.exitstatus == 130


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(("args", "target"), [
    (["stats", "--lang", "en"], "pmquiz.commands.stats.run"),
    (["check", "--lang", "en"], "pmquiz.commands.check.run"),
    (["export", "history", "--lang", "en"], "pmquiz.commands.interchange.export_history"),
])
def test_every_command_says_interrupted(args: list[str], target: str,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(target, _interrupt)
    run = run_cli(args, capsys)
    assert run.exit_code == 130
    assert run.stderr.strip() == "Interrupted."
    assert run.stdout == ""
