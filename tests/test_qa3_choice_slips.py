"""Choice feedback names a picked letter the question has no option for as such, in the
pipe and on a terminal, rather than 'Z. ?' (SPEC 6: the texts of the options missed and
wrongly picked)."""

from __future__ import annotations

import pytest

from helpers import run_cli, run_terminal


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "误选: B. 动画效果; Z（没有这个选项）"),
    ("en", "wrongly picked: B. Animation effects; Z (no such option)"),
])
def test_a_letter_that_is_no_option_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str,
        expected: str) -> None:
    ref = "backoffice-pm-zh/focus-dimensions" if lang == "zh" else \
        "backoffice-pm-en/focus-dimensions"
    piped = run_cli(["grade", ref, "--answer", "A,B,Z", "--lang", lang], capsys)
    shown = run_terminal(["grade", ref, "--answer", "A,B,Z", "--lang", lang], capsys,
                         monkeypatch)

    assert piped.exit_code == shown.exit_code == 1
    for run in (piped, shown):
        assert expected in run.stdout
        assert "Z. ?" not in run.stdout
