"""Choice feedback names a picked letter the question has no option for as such, in the
pipe and on a terminal, rather than 'Z. ?' (SPEC 6: the texts of the options missed and
wrongly picked).

Only a piped session still grades such an answer (SPEC 6: a script is not asked again);
`grade` refuses it (tests/test_tidy_choice_answers.py) and a person at practice is asked
again."""

from __future__ import annotations

import pytest

from helpers import run_cli, run_terminal

BANK = """\
id: slips-{lang}
title: Slips
language: {lang}
version: 1
questions:
  - id: focus-dimensions
    type: choice
    prompt: "?"
    options: {{A: {a}, B: {b}, C: {c}}}
    answer: [A, C]
"""


@pytest.mark.parametrize(("lang", "texts", "expected"), [
    ("zh", ("效率", "动画效果", "功能能力"), "误选: B. 动画效果; Z（没有这个选项）"),
    ("en", ("Efficiency", "Animation effects", "Functional capability"),
     "wrongly picked: B. Animation effects; Z (no such option)"),
])
def test_a_letter_that_is_no_option_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        write_bank, lang: str, texts: tuple[str, str, str],  # type: ignore[no-untyped-def]
        expected: str) -> None:
    a, b, c = texts
    bank = str(write_bank(BANK.format(lang=lang, a=a, b=b, c=c)))
    args = ["practice", bank, "--lang", lang]
    piped = run_cli(args, capsys, stdin="A,B,Z\n")
    shown = run_terminal(args, capsys, monkeypatch, stdin="A,B,Z\n")

    assert piped.exit_code == shown.exit_code == 0
    for run in (piped, shown):
        assert expected in run.stdout
        assert "Z. ?" not in run.stdout
