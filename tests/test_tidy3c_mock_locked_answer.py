"""A mock interview whose history another process locks past the busy timeout: the answer
that cannot be saved is shown back whole, and the report of every answer so far (made
without the history) is on the screen, before the error ends the interview with exit 2
(SPEC 5: nothing the user answered is lost)."""

from __future__ import annotations

from pathlib import Path

from drillbank import write_drill_bank
from terminal import ENTER, finished, history_locked, ready, spawn, stored_answers


def test_an_answer_the_locked_history_refuses_is_shown_back_with_the_report(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    bank = write_drill_bank(tmp_path, count=3)
    child = spawn(["mock", str(bank), "--count", "3", "--seed", "1", "--lang", "en"], home,
                  PMQUIZ_BUSY_TIMEOUT="0.5")
    ready(child)
    child.send("the first answer, saved before the lock" + ENTER + ENTER)
    ready(child)  # the first answer is stored; now another process locks the history
    with history_locked(home):
        child.send("a second answer typed with care, 理解业务" + ENTER + ENTER)
        child.expect_exact("This answer could not be saved in the history; copy it to keep it:")
        child.expect_exact("a second answer typed with care, 理解业务")
        child.expect_exact("Mock interview report")
        child.expect_exact("the first answer, saved before the lock")
        child.expect_exact("a second answer typed with care")
        child.expect_exact("Points missed most")
        child.expect_exact("locked by another process")
        status = finished(child)
    assert status == 2
    assert stored_answers(home) == ["the first answer, saved before the lock"]
