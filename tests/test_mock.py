"""`pmquiz mock`: a timed interview, its history records and its report (SPEC 10).

Piped sessions and the report files run in-process; the clock (countdown, time-out,
Ctrl-C) needs a real pseudo-terminal, so those few tests use pexpect.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pexpect
import pyte
import pytest

from conftest import REPO
from helpers import run_cli
from pmquiz.grading import Grade, PointResult
from pmquiz.loader import load_bank
from pmquiz.mock import Interview, MockAnswer, MockReport
from pmquiz.model import Question
from pmquiz.store import History
from terminal import ENTER, spawn

BANK = """\
id: mockdrill
title: 后台面试
language: zh
questions:
  - id: value
    type: open
    prompt: 第一题：后台产品经理的价值是什么？
    reference: 为前台业务提供支撑，**提升效率**。
    rubric:
      points:
        - id: support
          label: 为业务提供支撑
          any: [支撑, 支持业务]
        - id: efficiency
          label: 提升效率
          any: [效率]
  - id: research
    type: open
    prompt: 第二题：竞品分析为什么难？
    reference: 后台不公开，只能做业务调研。
    rubric:
      points:
        - id: private
          label: 后台不对外公开
          any: [不公开, 看不到]
        - id: efficiency
          label: 提升效率
          any: [效率]
      penalties:
        - id: copy
          label: 照抄竞品
          any: [照抄]
  - id: pick
    type: choice
    prompt: 第三题：哪些是后台系统？
    options: {A: 客服系统, B: 游戏}
    answer: [A]
"""


@pytest.fixture
def bank(write_bank):  # type: ignore[no-untyped-def]
    return write_bank(BANK, "mockdrill.yaml")


def rows(home: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / "history.sqlite3") as conn:
        return list(conn.execute(sql))


# -- a piped interview ---------------------------------------------------------------------


def test_piped_interview_stores_mock_attempts_and_shows_verdicts_only_in_the_report(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["mock", str(bank), "--seed", "5", "--count", "0"], capsys,
                  stdin="后台为业务提供支撑\n能提升效率\n\n竞品的后台都看不到，只能照抄\n\n")
    assert run.exit_code == 0, run.stderr
    before, _, report = run.stdout.partition("模拟面试报告")
    assert report, run.stdout
    # Nothing of a grade before the report: the interviewer gives no feedback.
    assert "通过" not in before and "得分" not in before and "参考答案" not in before
    assert before.count("回答已记录") == 2
    assert "第三题" not in run.stdout  # open questions only
    stored = rows(isolated_home, "SELECT a.question_id, a.answer, s.kind, m.allowed_seconds, "
                  "m.time_up FROM attempts a JOIN sessions s ON s.id = a.session_id "
                  "JOIN mock_answers m ON m.attempt_id = a.id ORDER BY a.id")
    answers = {qid: (answer, kind, allowed, up) for qid, answer, kind, allowed, up in stored}
    assert set(answers) == {"value", "research"}
    assert answers["value"] == ("后台为业务提供支撑\n能提升效率", "mock", 180.0, 0)
    assert answers["research"][0] == "竞品的后台都看不到，只能照抄"
    # The report: each question's verdict and score, the points, the penalty, the totals.
    assert "100%" in report and "未通过" in report
    assert "照抄竞品" in report
    assert "作答 2 / 2 题 · 通过 1" in report
    assert "用时 0:00 / 限时 6:00（每题 3:00）" in report
    assert "本次最常漏掉的要点" in report


def test_the_draw_is_practice_s_draw(bank: Path, isolated_home: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    answers = "一\n\n二\n\n"
    for command in (["practice", "--type", "open"], ["mock"]):
        run = run_cli([*command, str(bank), "--seed", "7", "--count", "2"], capsys,
                      stdin=answers)
        assert run.exit_code == 0, run.stderr
    order = rows(isolated_home, "SELECT s.kind, a.question_id FROM attempts a "
                 "JOIN sessions s ON s.id = a.session_id ORDER BY a.id")
    practice = [qid for kind, qid in order if kind == "practice"]
    mock = [qid for kind, qid in order if kind == "mock"]
    assert practice == mock and len(mock) == 2


def test_piped_commands_and_end_of_input(bank: Path, isolated_home: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    # :hint is refused, :skip moves on (nothing stored), the end of input submits.
    run = run_cli(["mock", str(bank), "--seed", "5", "--count", "0", "--lang", "en"], capsys,
                  stdin=":hint\n:skip\n\n\nthe back office is not public, so I research")
    assert run.exit_code == 0, run.stderr
    assert "No hints in a mock interview." in run.stdout
    assert "Skipped." in run.stdout
    stored = rows(isolated_home, "SELECT answer FROM attempts")
    assert stored == [("the back office is not public, so I research",)]
    assert "(skipped, not answered)" in run.stdout
    assert "answered 1 of 2 · passed" in run.stdout


def test_quit_ends_with_the_report_of_what_was_answered(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["mock", str(bank), "--seed", "5", "--count", "0", "--lang", "en"], capsys,
                  stdin="support and efficiency\n\n:quit\n")
    assert run.exit_code == 0, run.stderr
    assert "answered 1 of 1" in run.stdout
    assert "The interview ended early: 1 of the 2 questions done." in run.stdout
    assert len(rows(isolated_home, "SELECT id FROM attempts")) == 1


def test_review_and_stats_count_mock_answers(bank: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PMQUIZ_BANKS", str(bank.parent))  # review asks only known banks
    run = run_cli(["mock", str(bank), "--seed", "5", "--count", "0"], capsys,
                  stdin="不知道\n\n竞品后台都看不到，要提升效率\n\n")
    assert run.exit_code == 0, run.stderr
    queue = run_cli(["review", "--list", "--json"], capsys)
    missed = [item["ref"] for item in json.loads(queue.stdout) if item["reason"] == "missed"]
    assert missed == ["mockdrill/value"]
    stats = json.loads(run_cli(["stats", "--json"], capsys).stdout)
    assert stats["attempts"] == 2


def test_the_history_export_carries_the_kind(bank: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(["practice", str(bank), "--type", "open", "--count", "1"], capsys, stdin="一\n\n")
    run_cli(["mock", str(bank), "--count", "1"], capsys, stdin="二\n\n")
    export = run_cli(["export", "history"], capsys)
    assert export.exit_code == 0, export.stderr
    lines = [json.loads(line) for line in export.stdout.splitlines()[1:]]
    assert [(line["answer"], line["kind"]) for line in lines] == [
        ("一", "practice"), ("二", "mock")]


@pytest.mark.parametrize(("args", "message"), [
    (["--report", "out.txt"], "Markdown (.md) or HTML (.html)"),
    (["--report", "no-such-folder/out.md"], "does not exist"),
    (["--minutes", "0"], "--minutes must be more than 0"),
    (["--minutes", "nan"], "--minutes must be more than 0"),
    (["--count", "-1"], "--count must be 0 (all) or more"),
])
def test_bad_options_are_refused_before_anything_is_asked(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str],
        message: str) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli(["mock", str(bank), *args, "--lang", "en"], capsys, stdin="支撑\n\n")
    assert run.exit_code == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    assert not (isolated_home / "history.sqlite3").exists()


def test_no_open_question_matches(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["mock", str(bank), "--tag", "nothing"], capsys, stdin="")
    assert run.exit_code == 0
    assert "没有符合条件的题目" in run.stdout


# -- at a terminal: the clock -----------------------------------------------------------

COUNTDOWN = re.compile(r"剩余 (\d+:\d\d)")


class Terminal:
    """A pexpect child seen through a terminal emulator (pyte), 80 columns by 40 rows.

    The countdown is redrawn in place, only its changed digits sent, so what a user sees
    is read off the emulated screen. The emulator also answers the editor's
    cursor-position requests, as a real terminal does (prompt_toolkit draws its bottom
    toolbar only once it knows where the cursor is); with `answers_cpr=False` it is one
    of the terminals that never answer them (serial consoles, some CI pseudo-terminals).
    `env`: more of the child's environment (TERM=dumb)."""

    def __init__(self, args: list[str], home: Path, *, answers_cpr: bool = True,
                 **env: str) -> None:
        self.child = spawn(args, home, PROMPT_TOOLKIT_NO_CPR="0", **env)
        self.screen = pyte.Screen(80, 40)
        if answers_cpr:
            self.screen.write_process_input = self.child.send  # type: ignore[method-assign]
        else:
            self.screen.write_process_input = lambda data: None  # type: ignore[method-assign]
        self.stream = pyte.Stream(self.screen)
        self.log = ""
        self.ended = False

    def pump(self, seconds: float = 0.1) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=seconds)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            self.ended = True
            return
        self.log += data
        self.stream.feed(data)

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def wait(self, test: Callable[[list[str]], object], timeout: float = 20) -> object:
        """Pump until `test(lines)` is true; its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = test(self.lines())
            if found:
                return found
            if self.ended:
                break
            self.pump()
        raise AssertionError("not on screen:\n" + "\n".join(self.lines()))

    def countdown(self) -> str:
        def find(lines: list[str]) -> str | None:
            for line in lines:
                match = COUNTDOWN.search(line)
                if match:
                    return match.group(1)
            return None

        return str(self.wait(find))

    def shows(self, text: str, timeout: float = 20) -> None:
        self.wait(lambda lines: any(text in line for line in lines), timeout)

    def finish(self) -> int:
        while not self.ended:
            self.pump(1)
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)


@pytest.mark.slow
def test_countdown_runs_while_typing_and_time_up_submits_what_was_typed(
        bank: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    term = Terminal(["mock", str(bank), "--seed", "5", "--count", "1", "--minutes", "0.1"],
                    home)
    first = term.countdown()
    term.child.send("后台为业务")
    term.shows("> 后台为业务")
    # Redrawn at least once a second while the partial answer sits untouched.
    changed = term.wait(lambda lines: (term.countdown() != first) and term.countdown(), 2.5)
    assert changed != first
    assert "> 后台为业务" in term.lines()
    term.child.send("提供支撑")  # typing goes on where it was
    term.shows("时间到，已输入的内容已提交", timeout=10)
    term.shows("模拟面试报告")
    assert term.finish() == 0
    before_report = term.log.partition("模拟面试报告")[0]
    assert "通过" not in before_report and "得分" not in before_report  # no verdict yet
    assert "时间到" in term.log.partition("模拟面试报告")[2]  # marked in the report
    stored = rows(home, "SELECT a.answer, m.time_up, a.seconds FROM attempts a "
                  "JOIN mock_answers m ON m.attempt_id = a.id")
    assert len(stored) == 1
    answer, time_up, seconds = stored[0]
    assert (answer, time_up) == ("后台为业务提供支撑", 1)
    assert 5.5 < float(seconds) < 9  # type: ignore[arg-type]


@pytest.mark.slow
def test_ctrl_c_mid_interview_keeps_what_was_answered_and_exits_130(
        bank: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "cut.md"
    term = Terminal(["mock", str(bank), "--seed", "5", "--count", "2", "--report",
                     str(report)], home)
    term.countdown()
    term.child.send("后台为业务提供支撑" + ENTER + ENTER)
    term.shows("回答已记录")
    term.shows("第 2 / 2 题")
    term.countdown()
    term.child.send("竞品的后台")
    term.shows("> 竞品的后台")
    term.child.sendintr()
    term.shows("面试提前结束")
    assert term.finish() == 130
    before_report = term.log.partition("模拟面试报告")[0]
    assert "通过" not in before_report
    assert rows(home, "SELECT question_id, answer FROM attempts") == [
        ("value", "后台为业务提供支撑")]
    text = report.read_text(encoding="utf-8")
    assert "第一题" in text and "第二题" not in text


def _prompt_countdown(lines: list[str]) -> str | None:
    """The time left shown in the prompt line itself (`剩余 0:05 > ...`), if it is."""
    for line in lines:
        match = re.match(r"剩余 (\d+:\d\d) > ", line + " ")
        if match:
            return match.group(1)
    return None


@pytest.mark.slow
def test_a_terminal_that_never_answers_cpr_shows_the_countdown_in_the_prompt_line(
        bank: Path, tmp_path: Path) -> None:
    """No bottom toolbar can be drawn there: the time left goes before the prompt, still
    counting down, and the line left on the screen is the answer alone."""
    home = tmp_path / "home"
    term = Terminal(["mock", str(bank), "--seed", "5", "--count", "1", "--minutes", "0.2"],
                    home, answers_cpr=False)
    # prompt_toolkit gives up waiting for the answer after 2 s; from then on it shows.
    first = term.wait(_prompt_countdown, timeout=10)
    term.child.send("后台为业务")
    term.wait(lambda lines: any(line.endswith("> 后台为业务") for line in lines))
    later = term.wait(lambda lines: (_prompt_countdown(lines) or first) != first
                      and _prompt_countdown(lines), timeout=2.5)
    assert later != first  # redrawn while the answer sits untouched
    term.shows("时间到，已输入的内容已提交", timeout=20)
    assert "> 后台为业务" in term.lines()  # the countdown is taken off the final line
    assert term.finish() == 0
    assert "WARNING" not in term.log  # prompt_toolkit's English CPR warning is not shown
    assert rows(home, "SELECT answer FROM attempts") == [("后台为业务",)]


@pytest.mark.slow
def test_a_dumb_terminal_shows_the_time_left_once_and_still_cuts_at_the_limit(
        bank: Path, tmp_path: Path) -> None:
    """TERM=dumb (an Emacs shell) redraws nothing: the prompt says once how long is left
    and when that ends by the clock, and time-up still submits what was typed."""
    home = tmp_path / "home"
    started = datetime.now()
    term = Terminal(["mock", str(bank), "--seed", "5", "--count", "1", "--minutes", "0.1"],
                    home, TERM="dumb")
    found = term.wait(lambda lines: next(
        (m for m in map(re.compile(r"剩余 0:0[56]，(\d\d):(\d\d):(\d\d) 截止 >").match,
                        lines) if m), None), timeout=10)
    assert isinstance(found, re.Match)
    ends = started.replace(hour=int(found[1]), minute=int(found[2]), second=int(found[3]),
                           microsecond=0)
    # (Modulo a day: the limit may end after midnight.)
    assert 4 <= (ends - started.replace(microsecond=0)).total_seconds() % 86400 <= 12
    term.child.send("后台为业务")
    term.shows("时间到，已输入的内容已提交", timeout=12)
    assert term.finish() == 0
    assert rows(home, "SELECT a.answer, m.time_up FROM attempts a "
                "JOIN mock_answers m ON m.attempt_id = a.id") == [("后台为业务", 1)]


# -- the report files ----------------------------------------------------------------------

HOSTILE = """\
id: hostile
title: Hostile <b>bank</b>
language: en
questions:
  - id: markup
    type: open
    prompt: |
      Why <script>alert(1)</script> & ![pixel](https://tracker.example/p.png)?
      See [the guide](https://example.com/guide).
    reference: Use <img src="http://evil.example/x.png"> **support**.
    rubric:
      points:
        - id: support
          label: Support <the> business
          any: [support]
        - id: speed
          label: Speed & efficiency
          any: [efficiency]
"""
HOSTILE_ANSWER = "I <b>support</b> & *never* efficiency"


class StrictParser(HTMLParser):
    """Fails on a tag closed out of order or left open; collects resource references."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.resources: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "srcset", "poster", "data", "action") or (
                    name == "href" and tag != "a"):
                self.resources.append(value or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def write_report(tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Path, name: str,
                 answers: str, *extra: str) -> tuple[str, str]:
    target = tmp_path / name
    run = run_cli(["mock", str(bank), "--seed", "5", "--count", "0", "--report", str(target),
                   *extra], capsys, stdin=answers)
    assert run.exit_code == 0, run.stderr
    assert str(target) in run.stdout  # where the report went is said
    return target.read_text(encoding="utf-8"), run.stdout


def test_html_report_is_one_self_contained_page_with_everything_escaped(
        tmp_path: Path, write_bank, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    bank = write_bank(HOSTILE, "hostile.yaml")
    page, _ = write_report(tmp_path, capsys, bank, "report.HTML", HOSTILE_ANSWER + "\n\n")
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    assert parser.resources == []  # no image, stylesheet or script is fetched
    assert not re.search(r"url\(|@import", page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "max-width" in page
    text = "".join(parser.text)
    # The bank's markup and the answer arrive as text a coach reads, not as HTML.
    assert "<script>alert(1)</script>" in text
    assert 'Use <img src="http://evil.example/x.png"> support.' in text
    assert "Support <the> business" in text
    assert "Hostile <b>bank</b>" in text
    assert HOSTILE_ANSWER in text
    assert "<mark class=\"hit\">support</mark>" in page
    assert "<mark class=\"neg\">efficiency</mark>" in page  # "never efficiency": negated
    assert "50%" in text


def test_markdown_report_holds_every_prompt_answer_and_score(
        bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = "后台为业务提供支撑\n能提升效率\n\n竞品的后台都看不到，只能照抄\n\n"
    text, _ = write_report(tmp_path, capsys, bank, "report.md", answers)
    for piece in ("第一题：后台产品经理的价值是什么？", "第二题：竞品分析为什么难？",
                  "> 后台为业务提供**支撑**\\\n> 能提升**效率**",  # the answer's own lines
                  "> 竞品的后台都**看不到**，只能<u>照抄</u>", "得分 100%", "得分 0%",
                  "- ✔ 为业务提供支撑 — “支撑”", "- ⚠ −1 照抄竞品 — “照抄”",
                  "为前台业务提供支撑，**提升效率**。", "作答 2 / 2 题 · 通过 1 · 平均分 50%"):
        assert piece in text, piece


def test_golden_markdown_report(bank: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    answers = "后台为业务提供*支撑*\n\n# 能不能提升效率？\n1. 也不是<b>效率</b>\n\n"
    text, _ = write_report(tmp_path, capsys, bank, "golden.md", answers)
    text = re.sub(r"开始于 [^·]+ ·", "开始于 <TIME> ·", text)  # volatile: when, how long
    text = re.sub(r"用时 \d+:\d\d", "用时 <T>", text)
    text = re.sub(r"\| \d+:\d\d \|$", "| <T> |", text, flags=re.MULTILINE)
    golden = REPO / "tests" / "data" / "mock_report.golden.md"
    if os.environ.get("PMQUIZ_UPDATE_GOLDEN") == "1":  # then read the diff before committing
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# -- the report as a result ------------------------------------------------------------


def _answer(number: int, question_ref: str, labels: dict[str, bool], seconds: float = 60.0,
            time_up: bool = False) -> MockAnswer:
    bank_id, qid = question_ref.split("/")
    points = tuple(PointResult(f"p{i}", label, 1.0, hit, False, None, None, ())
                   for i, (label, hit) in enumerate(labels.items()))
    score = sum(p.hit for p in points) / len(points)
    result = Grade(question=question_ref, type="open", answer="…", score=score,
                   passed=score >= 0.6, threshold=0.6, points=points,
                   missed=tuple(p.id for p in points if not p.hit))
    question = Question(bank_id=bank_id, id=qid, type="open", prompt="?")
    return MockAnswer(number, question, result, seconds, 180.0, time_up, number)


def test_weakest_points_are_those_missed_in_most_answers() -> None:
    report = MockReport(title="t", started=datetime(2026, 1, 1, tzinfo=UTC),
                        allowed_seconds=180.0, planned=4, answers=(
        _answer(1, "b/q1", {"Start from the business": False, "Name a metric": True}),
        _answer(2, "b/q2", {"Name a metric": False, "start from the  business": False}),
        _answer(3, "b/q3", {"Know the users": False}, seconds=200.0, time_up=True),
    ), interrupted=True)
    weak = report.weakest()
    assert [(w.label, w.missed, w.refs) for w in weak] == [
        ("Start from the business", 2, ("b/q1", "b/q2")),  # same label, case and spaces aside
        ("Name a metric", 1, ("b/q2",)),
        ("Know the users", 1, ("b/q3",)),
    ]
    assert report.time_used == 320.0 and report.time_allowed == 540.0
    assert report.timed_out == 1 and report.ended_early
    assert report.mean_score == pytest.approx((0.5 + 0 + 0) / 3)


# -- the clock's contract, without a terminal ----------------------------------------------


class ScriptedClockReader:
    """A TimedReader that plays a script: a text is an answer; ("timeout", text) is the
    clock running out on that text."""

    interactive = True

    def __init__(self, script: list[str | tuple[str, str]]) -> None:
        self.script = list(script)
        self.timed_out = False
        self.typed = ""
        self.deadlines: list[float | None] = []

    def set_deadline(self, deadline: float | None, countdown: object = None) -> None:
        self.deadlines.append(deadline)
        self.timed_out, self.typed = False, ""

    def read_answer(self, prompt: str, *, multiline: bool = False, initial: str = "",
                    on_command: object = None) -> str | None:
        if self.timed_out or not self.script:
            return None
        step = self.script.pop(0)
        if isinstance(step, tuple):
            self.timed_out, self.typed = True, step[1]
            return step[1]
        return step


class QuietScreen:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def header(self, title: str, count: int) -> None: ...
    def question(self, question: object, number: int, total: int) -> None: ...
    def hint(self, question: object) -> None:
        self.shown.append("no hint")
    def skipped(self, question: object) -> None: ...
    def feedback(self, question: object, grade: object) -> None:
        raise AssertionError("no feedback in a mock interview")
    def continue_prompt(self) -> str:
        raise AssertionError("no pause in a mock interview")
    def message(self, key: str, **values: object) -> None:
        self.shown.append(key)
    def interview_question(self, question: object, number: int, total: int,
                           allowed_seconds: float) -> None:
        self.shown.append(f"question {number}/{total} {allowed_seconds:g}s")
    def answer_recorded(self, time_up: bool) -> None:
        self.shown.append("time up" if time_up else "recorded")


@pytest.mark.parametrize(("typed", "stored"), [
    ("竞品都看不到\n:sk", "竞品都看不到"),  # a half-typed command is no part of the answer
    ("竞品都看不到\n:hint", "竞品都看不到"),
    ("\n\n", ""),  # nothing typed: an empty answer, scored 0, still counted
])
def test_time_up_stores_what_was_typed(bank: Path, tmp_path: Path, typed: str,
                                       stored: str) -> None:
    questions = [q for q in load_bank(bank).questions if q.type == "open"]
    history = History.open(tmp_path / "history.sqlite3")
    reader = ScriptedClockReader([("timeout", typed), "支撑和效率"])
    screen = QuietScreen()
    ticks = iter(range(0, 1000, 30))
    report = Interview(questions, history, reader, screen, allowed_seconds=30.0,  # type: ignore[arg-type]
                       clock=lambda: float(next(ticks))).interview()
    history.close()
    assert [(a.time_up, a.grade.answer if a.grade else None) for a in report.answers] == [
        (True, stored), (False, "支撑和效率")]
    assert reader.deadlines[0] is not None and reader.deadlines[-1] is None
    assert screen.shown[0] == "question 1/2 30s" and "time up" in screen.shown
    assert rows(tmp_path, "SELECT a.answer, m.time_up FROM attempts a JOIN mock_answers m "
                "ON m.attempt_id = a.id ORDER BY a.id") == [(stored, 1), ("支撑和效率", 0)]
