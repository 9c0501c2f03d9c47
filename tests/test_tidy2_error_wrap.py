"""Errors on a narrow terminal break where Chinese typesetting allows (SPEC 2): a long
reference with no break point in it is folded, but the `：` after it never starts a line."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from pmquiz.wrap import CLOSING, cell_width, wrap
from terminal import reading_stdin, spawn

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", range(30, 46))
def test_a_folded_reference_never_leaves_its_colon_to_start_a_line(width: int) -> None:
    text = "backoffice-pm-zh/why-avoid-backoffice-x：“也许”不是选择题的答案；选项是 A/B/C/D"
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert all(cell_width(line) <= width for line in lines)
    assert not [line for line in lines if line[:1] in CLOSING]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "said"), [("zh", "不是选择题的"),
                                            ("en", "is not a choice")])
def test_error_at_40_columns_fits_and_breaks_lawfully(tmp_path: Path, lang: str,
                                                      said: str) -> None:
    child = spawn(["grade", f"backoffice-pm-{lang}/focus-dimensions", "--answer", "maybe",
                   "--lang", lang], tmp_path / "home", COLUMNS="40")
    child.setwinsize(24, 40)
    child.expect(pexpect.EOF)
    child.close()
    text = SGR.sub("", child.before or "")
    lines = [line for line in text.split("\r\n") if line]
    assert child.exitstatus == 2
    assert said in " ".join(line.strip() for line in lines)
    assert all(cell_width(line) <= 40 for line in lines), lines
    assert not [line for line in lines if line.strip()[:1] in CLOSING], lines
    assert lines[0].startswith("错误：" if lang == "zh" else "error: ")


def test_a_reference_folds_after_a_slash_or_hyphen_rather_than_mid_word() -> None:
    assert wrap("backoffice-pm-zh/focus-dimensions：选项", 20) == [
        "backoffice-pm-zh/", "focus-dimensions：选", "项"]


@pytest.mark.slow
def test_the_reading_stdin_note_at_40_columns_keeps_ctrl_d_whole(tmp_path: Path) -> None:
    child = spawn(["grade", "core-ability", "-", "--lang", "zh"], tmp_path / "home",
                  COLUMNS="40")
    child.setwinsize(24, 40)
    child.expect_exact("结束。")
    note = SGR.sub("", child.before or "") + "结束。"
    reading_stdin(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    lines = [line for line in note.split("\r\n") if line]
    assert len(lines) == 2 and all(cell_width(line) <= 40 for line in lines), lines
    assert "Ctrl-D" in lines[1]
