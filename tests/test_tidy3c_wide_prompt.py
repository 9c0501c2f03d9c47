"""A prompt wider than the terminal: the line editor's continuation (before the answer's
wrapped parts and later lines) lines up under the prompt only up to half the terminal,
so what is typed stays on the screen instead of being pushed off it by a screenful of
blanks per wrapped part. Read off an emulated screen (pyte) in a pseudo-terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from terminal import ENTER, terminal_env

PROMPT_WIDTH = 70
# A line editor reading one multi-line answer after a prompt of PROMPT_WIDTH columns.
SCRIPT = f"""\
from pmquiz.lineeditor import LineEditor
reading = LineEditor().read("Q" * {PROMPT_WIDTH - 1} + " ", multiline=True)
print("GOT", len(reading.text.rstrip()), reading.ended)
"""
FIRST = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
SECOND = "second line"


def _screen(home: Path, width: int, keys: list[str]) -> tuple[list[str], str]:
    """The screen once every key is sent and the output settled; all that was written."""
    child = pexpect.spawn(sys.executable, ["-c", SCRIPT],
                          env=terminal_env(home, COLUMNS=str(width), LINES="24"),
                          encoding="utf-8", timeout=30, dimensions=(24, width))
    screen = pyte.Screen(width, 24)
    stream = pyte.Stream(screen)
    pending = list(keys)
    written = ""
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            try:
                chunk = child.read_nonblocking(65536, timeout=0.5)
                written += chunk
                stream.feed(chunk)
            except pexpect.TIMEOUT:
                if not pending:
                    break
                child.send(pending.pop(0))  # the output has settled: the editor waits
            except pexpect.EOF:
                break
        return [line.rstrip() for line in screen.display], written
    finally:
        child.terminate(force=True)


@pytest.mark.slow
@pytest.mark.parametrize("width", [40, 60])
def test_what_is_typed_after_a_prompt_wider_than_the_terminal_stays_on_screen(
        tmp_path: Path, width: int) -> None:
    lines, _ = _screen(tmp_path / "home", width, [FIRST, ENTER, SECOND])
    shown = "\n".join(lines)
    typed = "".join(line.strip().lstrip("Q").replace("…", "") for line in lines)
    assert FIRST.replace(" ", "") in typed.replace(" ", ""), shown
    later = [line for line in lines if SECOND in line]
    assert later, shown
    # The continuation before the second line, no wider than half the terminal.
    assert later[0].index(SECOND) <= width // 2, shown
    assert "…" in later[0], shown
