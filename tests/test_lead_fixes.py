"""Small defects a hands-on review found (qa3) in the command layer, each as a user meets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize("spelled", ["ZH", "Zh", " zh "])
def test_lang_option_ignores_case_as_the_environment_does(
        spelled: str, capsys: pytest.CaptureFixture[str]) -> None:
    wanted = run_cli(["show", "backoffice-pm-en/core-ability", "--lang", "zh"], capsys)
    run = run_cli(["show", "backoffice-pm-en/core-ability", "--lang", spelled], capsys)
    assert run.exit_code == 0
    assert run.stdout == wanted.stdout


def test_a_wrong_lang_is_quoted_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["banks", "--lang", "Fr"], capsys)
    assert run.exit_code == 2
    assert "Fr" in run.stderr
    assert "Traceback" not in run.stderr


def test_new_names_a_file_standing_where_the_folder_should_be(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    run = run_cli(["new", str(blocker / "bank.yaml"), "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert "is a file, not a folder" in run.stderr
    assert "does not exist" not in run.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


def test_mock_report_names_a_file_standing_where_the_folder_should_be(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    run = run_cli(["mock", "--report", str(blocker / "interview.md"), "--lang", "zh"],
                  capsys, stdin="")
    assert run.exit_code == 2
    assert "是一个文件，不是文件夹" in run.stderr
    assert "不存在" not in run.stderr


def test_review_speaks_the_language_stats_speaks_with_nothing_due(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """With both built-in banks and an empty history no bank leads: review must not take
    the language of whichever bank was found first."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    review = run_cli(["review"], capsys)
    stats = run_cli(["stats"], capsys)
    assert review.exit_code == 0 and stats.exit_code == 0
    said = review.stdout + review.stderr
    assert ("pmquiz practice" in said) and (
        ("还没有" in said) == ("还没有" in stats.stdout + stats.stderr))


def test_an_export_follows_the_umask_and_keeps_a_replaced_files_mode(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "history.jsonl"
        assert run_cli(["export", "history", "-o", str(fresh)], capsys).exit_code == 0
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "shared.jsonl"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o664)
        assert run_cli(["export", "history", "-o", str(kept)], capsys).exit_code == 0
        assert kept.stat().st_mode & 0o777 == 0o664
        assert kept.read_text(encoding="utf-8") != "old"
    finally:
        os.umask(old)


@pytest.mark.parametrize(("ref", "answer", "hit"), [
    # Bytes that are not UTF-8 (a Latin-1 terminal, a pasted binary) reach Python as lone
    # surrogates; the regex terms' search encoded them strictly and crashed.
    ("backoffice-pm-zh/core-ability", b"\xff" + "理解业务，围绕用户需求做产品设计".encode(),
     "business-insight"),
    ("backoffice-pm-en/core-ability", b"\xff It starts from business insight.",
     "business-insight"),
])
def test_an_answer_with_bytes_that_are_not_utf8_is_graded(
        tmp_path: Path, ref: str, answer: bytes, hit: str) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable.encode(), b"-m", b"pmquiz", b"grade", ref.encode(),
                           b"--answer", answer, b"--json"], env=env, capture_output=True,
                          timeout=60, check=False)
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr and not done.stderr
    points = {p["id"]: p["hit"] for p in json.loads(done.stdout)["points"]}
    assert points[hit]


def test_ctrl_c_while_the_cli_is_still_importing_exits_130_without_a_traceback(
        tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    # The interrupt arrives while pmquiz.cli (and Typer under it) is being imported,
    # before cli.main's own handler exists: what a quick Ctrl-C after Enter meets.
    program = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def importing(name, *args, **kwargs):\n"
        "    if name == 'pmquiz.cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = importing\n"
        "from pmquiz.__main__ import run\n"
        "run()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", program, "banks"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 130
    assert "Traceback" not in done.stderr
