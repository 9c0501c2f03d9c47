"""Ctrl-C inside `$EDITOR` (vim, nano and emacs use it themselves) is the editor's: the
practice session neither ends nor kills the editor, and what was written there is the
answer; an editor that Ctrl-C does end leaves the answer as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from drillbank import write_drill_bank
from terminal import ENTER, finished, ready, spawn, stored_answers

# An editor that, like vim, keeps running through Ctrl-C, then writes its text.
PATIENT = """#!/bin/sh
trap "" INT
echo editor-started
sleep 1
echo "编辑器里写完的：理解业务" >> "$1"
"""
# An editor that Ctrl-C ends, with a failing status (as a program that does not handle
# it); the trap is set before it says it started, so no Ctrl-C can slip past it.
FRAGILE = """#!/bin/sh
trap "exit 130" INT
echo editor-started
while :; do sleep 0.1; done
"""


def editor(tmp_path: Path, script: str) -> str:
    path = tmp_path / "editor.sh"
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)
    return str(path)



@pytest.mark.slow
def test_ctrl_c_in_an_editor_that_handles_it_keeps_the_session(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, 1)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home, EDITOR=editor(tmp_path, PATIENT))
    ready(child)
    child.send("草稿" + ENTER + ":edit" + ENTER)
    child.expect("editor-started")
    child.sendintr()
    child.expect("回车继续")
    child.send(ENTER)
    child.expect("本次小结")
    assert finished(child) == 0
    assert stored_answers(home) == ["草稿\n编辑器里写完的：理解业务"]


@pytest.mark.slow
def test_ctrl_c_that_ends_the_editor_leaves_the_answer_as_it_was(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, 1)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home, EDITOR=editor(tmp_path, FRAGILE))
    ready(child)
    child.send("草稿" + ENTER + ":edit" + ENTER)
    child.expect("editor-started")
    child.sendintr()
    child.expect("编辑器没有正常退出，回答未改变")
    ready(child)
    child.send(ENTER)
    child.expect("回车继续")
    child.send(ENTER)
    assert finished(child) == 0
    assert stored_answers(home) == ["草稿"]
