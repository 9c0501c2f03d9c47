"""An answer that cannot be saved because another process holds the history past the busy
timeout: the session still ends with exit 2 (SPEC 5), but the answer is shown back whole
first, so what the candidate typed is not lost with it."""

from __future__ import annotations

from pathlib import Path

from drillbank import write_drill_bank
from terminal import ENTER, finished, history_locked, ready, spawn


def test_an_answer_the_locked_history_refuses_is_shown_back(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bank = write_drill_bank(tmp_path, count=2)
    child = spawn(["practice", str(bank), "--lang", "en"], home, PMQUIZ_BUSY_TIMEOUT="0.3")
    ready(child)  # the session has opened the history; now another process locks it
    with history_locked(home):
        child.send("a long answer typed with care, 理解业务" + ENTER + ENTER)
        child.expect_exact("This answer could not be saved in the history; copy it to keep it:")
        child.expect_exact("a long answer typed with care, 理解业务")
        child.expect_exact("locked by another process")
        status = finished(child)
    assert status == 2
