"""What the session does with what it reads, through the real entry point and piped
stdin (the same rules as at a terminal, SPEC 6), and the line editor's hooks for mock."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from helpers import Run, run_cli
from pmquiz.reading import LineSource
from pmquiz.store import Attempt, History

BANK = """\
id: drill
title: 练习
language: zh
questions:
  - id: ability
    type: open
    prompt: 产品经理最重要的能力是什么？
    reference: 以洞察业务为基础，建设用户需求的产品设计。
    rubric:
      points:
        - {id: business, label: 以洞察业务为基础, any: [理解业务, 洞察业务]}
        - {id: loop, label: 业务闭环, any: [闭环]}
      penalties:
        - {id: ux-only, label: 认为只需交互设计, any: [只要交互]}
  - id: dims
    type: choice
    prompt: 后台产品主要注重哪三个维度？
    options: {A: 效率, B: 动画效果, C: 功能能力, D: 系统安全}
    answer: [A, C, D]
"""


@pytest.fixture
def bank(write_bank) -> Path:  # type: ignore[no-untyped-def]
    return write_bank(BANK, "drill.yaml")  # type: ignore[no-any-return]


def practice(capsys: pytest.CaptureFixture[str], bank: Path, qtype: str, stdin: str,
             *more: str) -> Run:
    run = run_cli(["practice", str(bank), "--type", qtype, *more], capsys, stdin=stdin)
    assert run.exit_code == 0, run.stderr
    return run


def answers(capsys: pytest.CaptureFixture[str]) -> list[str]:
    run = run_cli(["history", "--json"], capsys)
    return [row["answer"] for row in reversed(json.loads(run.stdout))]


class Typist(LineSource):
    """A person at a terminal, typing the given lines one by one (then Ctrl-D)."""

    interactive = True

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def read(self, prompt: str) -> str | None:
        return self.lines.pop(0) if self.lines else None


def typed_session(bank: Path, tmp_path: Path, qtype: str, typist: Typist
                  ) -> tuple[str, list[Attempt]]:
    """Run a session in-process as a person would; what it showed, and what it stored
    (oldest first)."""
    from rich.console import Console

    from pmquiz.catalog import Catalog
    from pmquiz.session import Session
    from pmquiz.views import PracticeScreen

    questions = [q for q in Catalog.load([str(bank)]).questions() if q.type == qtype]
    out = io.StringIO()
    history = History.open(tmp_path / "typed.sqlite3")
    try:
        Session(questions, history, typist,
                PracticeScreen(Console(file=out, width=100), "zh")).run()
        return out.getvalue(), list(reversed(history.recent(None)))
    finally:
        history.close()


def test_unreadable_choice_is_asked_again_and_never_stored(bank: Path, tmp_path: Path) -> None:
    shown, stored = typed_session(bank, tmp_path, "choice", Typist("Z", "maybe", "A,B", ""))
    assert shown.count("没有看懂这个选择：请输入选项字母 A/B/C/D 中的一个或几个") == 2
    assert [a.answer for a in stored] == ["A,B"]


def test_a_typed_unknown_command_gets_a_did_you_mean_and_stays_out_of_the_answer(
        bank: Path, tmp_path: Path) -> None:
    typist = Typist("理解业务", "：hnit", "形成闭环", "", "")
    shown, stored = typed_session(bank, tmp_path, "open", typist)
    assert "未知命令 :hnit，你是不是想输入 :hint？" in shown
    assert [a.answer for a in stored] == ["理解业务\n形成闭环"]


def test_a_typed_unknown_command_without_a_near_one_lists_the_commands(
        bank: Path, tmp_path: Path) -> None:
    shown, stored = typed_session(bank, tmp_path, "open", Typist(":xyzzy", "理解业务", "", ""))
    assert "未知命令 :xyzzy。这里可用：:hint  :skip  :edit  :quit" in shown
    assert [a.answer for a in stored] == ["理解业务"]


def test_quitting_with_an_answer_typed_says_it_is_not_saved(bank: Path, tmp_path: Path
                                                            ) -> None:
    shown, stored = typed_session(bank, tmp_path, "open", Typist("理解业务", ":quit"))
    assert "没有提交的回答未保存。" in shown
    assert stored == []


def test_the_continue_prompt_takes_only_its_commands(bank: Path, tmp_path: Path) -> None:
    typist = Typist("理解业务", "", "下一题", ":pas", ":pass", "")
    shown, stored = typed_session(bank, tmp_path, "open", typist)
    assert "这里只接受：回车继续 · :pass / :fail 改判 · :quit 退出。" in shown
    assert "未知命令 :pas，你是不是想输入 :pass？" in shown
    [attempt] = stored
    assert attempt.overruled and attempt.passed


def test_piped_answers_are_read_as_always(bank: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    """A script is never asked again (its next answer would land on the wrong question):
    an unparseable answer is graded as not understood, an unknown `:word` is answer text."""
    run = practice(capsys, bank, "choice", "Z\n")
    assert "没有看懂" not in run.stdout
    practice(capsys, bank, "open", "理解业务\n:hnit\n\n")
    assert answers(capsys) == ["Z", "理解业务\n:hnit"]


def test_choice_feedback_names_the_options_missed_and_wrongly_picked(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(capsys, bank, "choice", "A,B\n")
    assert "漏选: C. 功能能力; D. 系统安全" in run.stdout
    assert "误选: B. 动画效果" in run.stdout


def test_skip_shows_the_reference_and_a_session_without_answers_has_no_mean(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(capsys, bank, "open", ":skip\n")
    assert "已跳过。参考答案：" in run.stdout
    assert "以洞察业务为基础，建设用户需求的产品设计。" in run.stdout
    assert "还没有作答就结束了（跳过 1 题）" in run.stdout
    assert "平均分" not in run.stdout
    assert answers(capsys) == []


def test_penalty_terms_have_markers_of_their_own(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(capsys, bank, "open", "不是理解业务，只要交互好看\n\n", "--lang", "en")
    assert "{¬理解业务}" in run.stdout and "<!只要交互>" in run.stdout
    assert "[term] hit  {¬term} negated  <!term> penalty" in run.stdout


def test_edit_strips_the_prompt_comments(bank: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        "assert text.startswith('# 产品经理最重要的能力是什么？\\n'), text\n"
        "open(path, 'a', encoding='utf-8').write('# 标题\\n要理解业务\\n\\n形成闭环\\n')\n",
        encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    practice(capsys, bank, "open", "先写一行\n:edit\n")
    assert answers(capsys) == ["先写一行\n# 标题\n要理解业务\n\n形成闭环"]


def test_a_missing_editor_says_so(bank: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    run = practice(capsys, bank, "open", ":edit\n理解业务\n\n")
    # Read across line breaks: a long temporary path wraps the message onto a new line.
    flat = "".join(run.stdout.split())
    assert "找不到编辑器“" in flat and "no-such-editor" in flat
    assert answers(capsys) == ["理解业务"]


def test_review_shows_the_last_attempt(bank: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_BANKS", str(bank.parent))
    practice(capsys, bank, "open", "理解业务\n\n")  # 50%: the loop point missed
    run = run_cli(["review"], capsys, stdin="理解业务，形成闭环\n\n")
    assert run.exit_code == 0, run.stderr
    assert "上次作答：" in run.stdout
    assert "· 得分 50% · 当时漏掉：业务闭环" in run.stdout
    practice(capsys, bank, "choice", "A,B\n")
    run = run_cli(["review", "--lang", "en"], capsys, stdin="A,C,D\n")
    assert "Last answered" in run.stdout, run.stdout
    assert "score 0% · answered then: A,B" in run.stdout


# -- the line editor's hooks (for `pmquiz mock`), without a terminal -----------------------


def test_deadline_submits_what_was_typed_and_the_toolbar_is_asked_for() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from pmquiz.lineeditor import LineEditor

    calls: list[float] = []

    def toolbar() -> str:
        calls.append(time.monotonic())
        return "剩余 0:01"

    with create_pipe_input() as pipe:
        editor = LineEditor(pt_input=pipe, pt_output=DummyOutput())
        pipe.send_text("理解业务\r还没写完")
        reading = editor.read("> ", multiline=True, deadline=time.monotonic() + 0.6,
                              toolbar=toolbar, refresh_interval=0.1)
    assert reading.ended == "timeout"
    assert reading.text == "理解业务\n还没写完"
    assert len(calls) >= 2  # redrawn while the user types, not only once


def test_command_line_typed_above_the_answer_submits_and_goes_last() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from pmquiz.lineeditor import LineEditor
    from pmquiz.reading import is_command_line

    with create_pipe_input() as pipe:
        editor = LineEditor(submit_line=is_command_line, pt_input=pipe,
                            pt_output=DummyOutput())
        # Two lines, then Up and End into the first, Enter for a new line there, and a
        # command on it: the command submits, and ends the text.
        pipe.send_text("第一行\r第二行\x1b[A\x05\r:hint\r")
        reading = editor.read("> ", multiline=True)
    assert reading == type(reading)("第一行\n第二行\n:hint", "submit")


def test_a_command_handled_in_place_leaves_the_answer_open() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from pmquiz.lineeditor import LineEditor
    from pmquiz.reading import is_command_line

    seen: list[str] = []

    def on_command(line: str) -> bool:
        seen.append(line)
        return line == ":skip"

    with create_pipe_input() as pipe:
        editor = LineEditor(submit_line=is_command_line, pt_input=pipe,
                            pt_output=DummyOutput())
        pipe.send_text("理解业务\r:hint\r再做设计\r\r")
        first = editor.read("> ", multiline=True, on_command=on_command)
        pipe.send_text("草稿\r:skip\r")
        second = editor.read("> ", multiline=True, on_command=on_command)
    assert seen == [":hint", ":skip"]
    assert first.text.rstrip("\n") == "理解业务\n再做设计"  # the hint line left no trace
    assert second.text == "草稿\n:skip"
