"""`review` with nothing to review, on a narrow terminal: the sentence is broken between
words (it was written unwrapped, so the terminal cut `practice` in two)."""

from __future__ import annotations

import pytest

from helpers import run_terminal


def test_no_history_sentence_wraps_between_words_at_40_columns(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["review", "--lang", "en"], capsys, monkeypatch, width=40)
    assert run.exit_code == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if line]
    assert lines == ["No history yet; start with `pmquiz", "practice`."]


def test_empty_stats_wraps_between_words_at_40_columns(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["stats", "--lang", "en"], capsys, monkeypatch, width=40)
    assert run.exit_code == 0, run.stderr
    assert [line for line in run.stdout.splitlines() if line] == [
        "Nothing yet: no attempts in your", "history. Start with `pmquiz practice`."]
