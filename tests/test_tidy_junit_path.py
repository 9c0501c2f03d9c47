"""`check --junit PATH` whose folder is missing or is a file: one clear message and exit 2
(SPEC 2: bad input), before any example is graded, as `mock --report`, `export -o` and
`new` refuse such paths. No folder is made behind the user's back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

BANK = Path(__file__).parent / "data" / "output" / "gold.zh.yaml"


@pytest.mark.parametrize(("under", "lang", "said"), [
    ("notes.txt/check.xml", "en", "--junit {t}/notes.txt/check.xml: {t}/notes.txt is a file, "
                                  "not a folder"),
    ("notes.txt/ci/reports/check.xml", "zh",
     "--junit {t}/notes.txt/ci/reports/check.xml：{t}/notes.txt 是一个文件，不是文件夹"),
    ("reports/check.xml", "en", "--junit {t}/reports/check.xml: the folder {t}/reports does "
                                "not exist"),
    ("reports/check.xml", "zh", "--junit {t}/reports/check.xml：文件夹 {t}/reports 不存在"),
])
def test_a_junit_path_that_cannot_be_written_is_refused_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], under: str, lang: str,
        said: str) -> None:
    (tmp_path / "notes.txt").write_text("我的笔记", encoding="utf-8")

    run = run_cli(["check", str(BANK), "--junit", str(tmp_path / under), "--lang", lang],
                  capsys)

    assert run.exit_code == 2
    assert said.format(t=tmp_path) in run.stderr
    assert "File exists" not in run.stderr and "已经存在" not in run.stderr
    assert run.stdout == ""  # refused before the check ran
    assert not (tmp_path / "reports").exists()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "我的笔记"


def test_mock_report_names_a_file_further_up_the_path_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("我的笔记", encoding="utf-8")
    report = tmp_path / "notes.txt" / "coach" / "interview.md"

    run = run_cli(["mock", "--report", str(report), "--lang", "zh"], capsys, stdin="")

    assert run.exit_code == 2
    assert f"--report {report}：{tmp_path / 'notes.txt'} 是一个文件，不是文件夹" in run.stderr
