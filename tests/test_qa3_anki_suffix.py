"""`pmquiz export anki -o FILE`: a file name Anki would not take for a deck is refused
before anything is written (exit 2, the reason in the UI language); `.apkg` in any case
is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "{path}：Anki 牌组文件名要以 .apkg 结尾"),
    ("en", "{path}: an Anki deck file name must end in .apkg"),
])
def test_a_name_without_apkg_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "deck.txt"

    run = run_cli(["export", "anki", "backoffice-pm-zh", "-o", str(target), "--lang", lang],
                  capsys)

    assert run.exit_code == 2
    assert expected.format(path=target) in run.stderr
    assert "pmquiz.apkg" in run.stderr
    assert list(out.iterdir()) == []


def test_upper_case_apkg_is_a_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Deck.APKG"

    run = run_cli(["export", "anki", "backoffice-pm-zh", "-o", str(target)], capsys)

    assert run.exit_code == 0, run.stderr
    assert target.read_bytes()[:2] == b"PK"
