"""`--lang zh-CN` (or zh_TW, zh-Hant, en-GB) is taken as zh or en, as PMQUIZ_LANG already
took any zh tag, instead of "--lang must be zh or en"."""

from __future__ import annotations

import pytest

from helpers import run_cli


@pytest.mark.parametrize(("tag", "expected"), [
    ("zh-CN", "还没有任何作答记录"), ("zh_TW", "还没有任何作答记录"),
    ("zh-Hant", "还没有任何作答记录"), ("en-GB", "Nothing yet"), ("EN_us", "Nothing yet"),
])
def test_a_language_tag_names_the_ui_language(capsys: pytest.CaptureFixture[str],
                                              tag: str, expected: str) -> None:
    run = run_cli(["stats", "--lang", tag], capsys)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(expected)


@pytest.mark.parametrize("tag", ["fr", "zhx", "en-", "zh-CN-"])
def test_other_values_are_still_refused(capsys: pytest.CaptureFixture[str], tag: str) -> None:
    run = run_cli(["stats", "--lang", tag], capsys)
    assert run.exit_code == 2
    assert "--lang" in run.stderr
