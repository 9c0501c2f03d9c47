"""Output that fits (issue 13, SPEC 2 "Terminal and pipe"): the main views at 80 columns
in both languages (golden files), piped output as tab-separated rows, and no escape
sequence from a bank reaching the terminal.

Golden files live in tests/golden/; after a deliberate change of a view, rewrite them
with `PMQUIZ_UPDATE_GOLDEN=1 python -m pytest tests/test_output.py` and read the diff.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from helpers import Run, run_cli, run_terminal
from pmquiz import paths, scheduling
from pmquiz.catalog import Catalog
from pmquiz.i18n import Lang
from pmquiz.store import History

DATA = Path(__file__).parent / "data" / "output"
GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
BOXES = set("─│┌┐└┘├┤┬┴┼━┃╭╮╰╯")

# (hours before NOW, question, answer, passed, score, points missed), for each bank.
ATTEMPTS = {
    "zh": [
        (50, "app-achievement", "因为界面不好看，做出一个APP才有成就感。", False, 0.0,
         ["few-users", "internal"]),
        (26, "app-achievement", "后台用户少，只在公司内部几个部门用，成就感弱。", True, 1.0, []),
        (5, "plain-ui-ok", "对", True, 1.0, []),
        (2, "focus-dimensions", "A,C", False, 0.0, []),
    ],
    "en": [
        (50, "app-achievement", "Because the interface is ugly and nobody sees the APP.",
         False, 0.0, ["few-users", "internal"]),
        (26, "app-achievement", "Few users, and only internal departments use it.", True,
         1.0, []),
        (5, "plain-ui-ok", "true", True, 1.0, []),
        (2, "focus-dimensions", "A,C", False, 0.0, []),
    ],
}


@pytest.fixture
def gold(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The two test banks, a known history in both, a fixed clock, UTC local time."""
    monkeypatch.setenv("PMQUIZ_BANKS", str(DATA))
    monkeypatch.setenv("PMQUIZ_NOW", NOW.isoformat())
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    questions = {q.ref: q for q in Catalog.load().questions()}
    history = scheduling.attach(History.open(paths.history_path()))
    for lang, plan in ATTEMPTS.items():
        for index, (hours, qid, answer, passed, score, missed) in enumerate(plan):
            question = questions[f"gold-{lang}/{qid}"]
            hit = [p.id for p in question.rubric.points if p.id not in missed]
            history.record_attempt(question=question, answer=answer, score=score,
                                   passed=passed, points_hit=hit, points_missed=missed,
                                   seconds=4.0,
                                   when=NOW - timedelta(hours=hours, minutes=index))
    history.close()
    try:
        yield
    finally:
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
        time.tzset()


def check_golden(name: str, text: str) -> None:
    from rich.cells import cell_len

    wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not wide, f"{name}: lines wider than 80 columns:\n" + "\n".join(wide)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("PMQUIZ_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with PMQUIZ_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from {path}"


VIEWS = {
    "list": lambda lang: ["list", f"gold-{lang}"],
    "list-mixed": lambda lang: ["list", str(DATA)],
    "history": lambda lang: ["history"],
    "show": lambda lang: ["show", f"gold-{lang}/app-achievement"],
    "check": lambda lang: ["check", "data/output"],  # run in tests/: a path of known width
    "stats": lambda lang: ["stats"],
    "review-list": lambda lang: ["review", "--list"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_views_at_80_columns(gold: None, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch, view: str, lang: Lang) -> None:
    monkeypatch.chdir(DATA.parent.parent)
    run = run_terminal([*VIEWS[view](lang), "--lang", lang], capsys, monkeypatch)
    assert run.exit_code in (0, 1), run.stderr
    check_golden(f"{view}.{lang}", run.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_practice_panel_and_feedback_at_80_columns(
        gold: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        lang: Lang) -> None:
    from pmquiz import output, views
    from pmquiz.grading import grade

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    question = Catalog.load([f"gold-{lang}"]).find_question("app-achievement")
    answer = {q: a for _, q, a, *_ in ATTEMPTS[lang]}["app-achievement"]
    screen = views.PracticeScreen(output.console(), lang)
    screen.question(question, 1, 3)
    screen.feedback(question, grade(question, answer))
    text = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    check_golden(f"practice.{lang}", "\n".join(line.rstrip() for line in text.split("\n")))


# -- piped: one tab-separated line per row ------------------------------------------------


def _rows(run: Run) -> list[list[str]]:
    assert run.exit_code == 0, run.stderr
    assert not set(run.stdout) & BOXES
    assert "\x1b" not in run.stdout
    return [line.split("\t") for line in run.stdout.splitlines()]


def test_piped_list_is_one_row_per_question(gold: None, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    rows = _rows(run_cli(["list", "--lang", "en"], capsys))
    every = Catalog.load().questions()
    assert [r[0] for r in rows] == [q.ref for q in every]
    assert {len(r) for r in rows} == {5}
    # Never wrapped or cut: the first line of each prompt whole.
    assert [r[4] for r in rows] == [q.first_line for q in every]
    assert any(len(r[4]) > 100 for r in rows)


def test_piped_history_and_queue_rows(gold: None, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(run_cli(["history", "--lang", "en"], capsys))
    assert len(rows) == 8 and {len(r) for r in rows} == {5}
    assert rows[0][1:4] == ["gold-en/focus-dimensions", "0%", "fail"]
    assert datetime.fromisoformat(rows[0][0]) == NOW - timedelta(hours=2, minutes=3)
    assert rows[-1][4] == ATTEMPTS["zh"][0][2]

    queue = _rows(run_cli(["review", "--list", "--lang", "zh"], capsys))
    assert [r[:2] for r in queue[:2]] == [["gold-zh/focus-dimensions", "答错"],
                                          ["gold-en/focus-dimensions", "答错"]]
    assert {len(r) for r in queue} == {6}


def test_piped_banks_and_check_rows(gold: None, capsys: pytest.CaptureFixture[str]) -> None:
    banks = _rows(run_cli(["banks", "--lang", "en"], capsys))
    assert {len(r) for r in banks} == {5}
    assert ["gold-zh", "输出测试题库", "zh", "3", str(DATA / "gold.zh.yaml")] in banks

    run = run_cli(["check", str(DATA), "--lang", "en"], capsys)
    lines = run.stdout.splitlines()
    bank_lines = [line.split("\t") for line in lines if line.startswith("gold-")]
    assert [b[0] for b in bank_lines] == ["gold-en", "gold-en/app-achievement", "gold-zh",
                                          "gold-zh/app-achievement"]
    assert bank_lines[3][1:6] == ["open", "3", "67%", "0", "1"]
    assert lines[-1] == "4 passed, 2 failed"


def test_piped_empty_tables_print_no_rows(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["history", "--lang", "zh"], capsys)
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr == "还没有作答记录，先运行 `pmquiz practice`。\n"
    run = run_cli(["list", str(DATA), "--tag", "no-such-tag", "--lang", "en"], capsys)
    assert run.stdout == ""
    assert run.stderr == "No questions match.\nKnown tags: design, motivation, user-base\n"


# -- check: a line per bank, problems only, --only ------------------------------------------


def test_check_shows_only_problem_questions_unless_verbose(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = run_terminal(["check", "--lang", "en"], capsys, monkeypatch)
    assert quiet.exit_code == 0, quiet.stderr
    # A line per bank (and the questions with a warning), not 90 lines of passing rows.
    assert len(quiet.stdout.strip().splitlines()) <= 25
    assert "core-ability" not in quiet.stdout
    verbose = run_terminal(["check", "--lang", "en", "--verbose"], capsys, monkeypatch)
    assert "core-ability" in verbose.stdout


def test_check_only_narrows_to_matching_references(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["check", "--only", "backoffice-pm-zh/core-*", "--only", "*/generic-flows",
                   "--verbose", "--lang", "en"], capsys)
    assert run.exit_code == 0, run.stderr
    refs = [line.split("\t")[0] for line in run.stdout.splitlines() if "/" in line]
    assert refs == ["backoffice-pm-en/generic-flows", "backoffice-pm-zh/core-ability",
                    "backoffice-pm-zh/generic-flows"]
    nothing = run_cli(["check", "--only", "nope/*", "--lang", "en"], capsys)
    assert nothing.exit_code == 2
    assert nothing.stderr == "error: --only nope/* matched no question\n"


def test_check_warnings_say_the_checker_words_in_english() -> None:
    """The English UI strings of the warnings are the checker's own messages."""
    from pmquiz import checking, checkreport
    from pmquiz.catalog import load_files

    files = sorted((Path(__file__).parent / "data" / "check" / "strict").glob("*.yaml"))
    report = checking.check(load_files(files).banks)
    assert len(report.warnings) >= 4
    for warning in report.warnings:
        assert checkreport.warning_text(warning, "en") == str(warning)
        assert "question" not in checkreport.warning_text(warning, "zh")


# -- short references, the language order ---------------------------------------------------


def test_short_reference_resolves_in_the_ui_language(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_cli(["show", "core-ability"], capsys)  # no language anywhere: Chinese
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[0] == "backoffice-pm-zh/core-ability"
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    run = run_cli(["show", "core-ability"], capsys)
    assert run.stdout.splitlines()[0] == "backoffice-pm-en/core-ability"
    assert "difficulty" in run.stdout.splitlines()[1]
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("PMQUIZ_LANG")
    run = run_cli(["show", "core-ability"], capsys)  # the locale, after the banks
    assert run.stdout.splitlines()[0] == "backoffice-pm-en/core-ability"


def test_history_follows_pmquiz_lang_then_its_banks(gold: None,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "zh")
    assert "未通过" in run_cli(["history"], capsys).stdout
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    assert "\tfail\t" in run_cli(["history"], capsys).stdout
    monkeypatch.delenv("PMQUIZ_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    # Attempts of both banks: no one bank language, so the locale decides.
    assert "\tfail\t" in run_cli(["history"], capsys).stdout
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "未通过" in run_cli(["history"], capsys).stdout
    # Only the newest attempt, of the English bank: its language comes before the locale.
    assert "\tfail\t" in run_cli(["history", "--limit", "1"], capsys).stdout


def test_plural_and_empty_states(capsys: pytest.CaptureFixture[str], write_bank,  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bank("id: one\ntitle: One\nlanguage: en\nquestions:\n"
                      "  - {id: a, type: truefalse, prompt: A?, answer: true}\n")
    run = run_terminal(["list", str(path)], capsys, monkeypatch)
    assert run.stdout.strip().splitlines()[-1] == "1 question · one"
    run = run_terminal(["history", "--lang", "en"], capsys, monkeypatch)
    assert run.stdout.strip() == "No attempts yet. Start with `pmquiz practice`."
