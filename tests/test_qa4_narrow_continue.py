"""On a terminal narrower than the continue prompt ("[Enter to go on · :pass / :fail ...]",
62 columns), the feedback stayed hidden: the line editor filled the screen with blank
continuation for a prompt wider than the screen. Read off an emulated screen (pyte)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from terminal import ENTER, terminal_env


def _screen_after(args: list[str], home: Path, width: int, keys: list[str],
                  until: str) -> list[str]:
    child = pexpect.spawn(sys.executable, ["-m", "pmquiz", *args],
                          env=terminal_env(home, COLUMNS=str(width), LINES="24"),
                          encoding="utf-8", timeout=30, dimensions=(24, width))
    screen = pyte.Screen(width, 24)
    stream = pyte.Stream(screen)
    pending = list(keys)
    lines: list[str] = []
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            try:
                stream.feed(child.read_nonblocking(65536, timeout=0.3))
            except pexpect.TIMEOUT:
                if pending:  # the output has settled: the editor waits for a key
                    child.send(pending.pop(0))
                    continue
                lines = [line.rstrip() for line in screen.display]
                if any(until in line for line in lines):
                    return lines
            except pexpect.EOF:
                break
        return [line.rstrip() for line in screen.display]
    finally:
        child.terminate(force=True)


@pytest.mark.slow
@pytest.mark.parametrize("width", [40, 60])
def test_the_feedback_stays_on_screen_at_the_continue_prompt(
        tmp_path: Path, width: int) -> None:
    lines = _screen_after(["practice", "--count", "2", "--seed", "1", "--lang", "en"],
                          tmp_path / "home", width, ["f" + ENTER], "reference answer")
    shown = "\n".join(lines)
    assert "PASS" in shown and "reference answer:" in shown, shown
    assert "[Enter to go on" in shown, shown
    assert [line for line in lines if line][-1] == ">", shown  # the short prompt, last
