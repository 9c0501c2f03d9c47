"""`pmquiz new ""` (an empty variable) says a file name is needed, instead of
"error: : a bank file's name must end in .yaml"."""

from __future__ import annotations

import pytest

from helpers import run_cli


@pytest.mark.parametrize(("name", "lang", "expected"), [
    ("", "en", "error: pmquiz new needs a file name, e.g. pmquiz new my-bank.yaml"),
    (" ", "zh", "错误：pmquiz new 需要一个文件名，例如：pmquiz new my-bank.yaml"),
])
def test_new_without_a_name(capsys: pytest.CaptureFixture[str], name: str, lang: str,
                            expected: str) -> None:
    run = run_cli(["new", name, "--lang", lang], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [expected]
