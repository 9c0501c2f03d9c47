"""Rich renderings of a mock interview: the question screens and the report at the end.

The report's files (Markdown, HTML) are in `mockreport`; this is the terminal's face.
During the interview nothing of a grade is shown, only that the answer was recorded.
"""

from __future__ import annotations

import math

from rich.align import AlignMethod
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmquiz import views
from pmquiz.grading import Grade
from pmquiz.i18n import Lang, t
from pmquiz.mock import Countdown, MockAnswer, MockReport
from pmquiz.mockreport import format_limit, summary_lines
from pmquiz.model import Question
from pmquiz.views import format_elapsed


def countdown_text(lang: Lang) -> Countdown:
    """The text a timed reader shows while an answer is typed: 剩余 2:41 / 2:41 left."""

    def text(seconds_left: float) -> str:
        left = max(0, math.ceil(seconds_left))  # 2:41 until 2:40 is reached
        return t("mock_countdown", lang, left=format_elapsed(left))

    return text


def countdown_once_text(lang: Lang) -> Countdown:
    """The text a terminal that redraws nothing (`TERM=dumb`) shows once, as the answer
    starts: the time left and the local time when it runs out (剩余 3:00，14:05:30 截止 /
    3:00 left, until 14:05:30), so the candidate can keep time by a clock."""

    def text(seconds_left: float) -> str:
        from datetime import datetime, timedelta

        left = max(0, math.ceil(seconds_left))
        until = (datetime.now() + timedelta(seconds=left)).strftime("%H:%M:%S")
        return t("mock_countdown_until", lang, left=format_elapsed(left), until=until)

    return text


class InterviewScreen(views.PracticeScreen):
    """The interview's screens: header, question panel, "recorded" (SPEC 10)."""

    def __init__(self, con: Console, lang: Lang, allowed_seconds: float) -> None:
        super().__init__(con, lang)
        self.allowed_seconds = allowed_seconds

    def header(self, title: str, count: int) -> None:
        _heading(self.con, t("mock_header", self.lang, title=title))
        self.con.print(Text(t("mock_intro_one" if count == 1 else "mock_intro", self.lang,
                              count=count,
                              limit=format_limit(self.allowed_seconds)), style="dim"))

    def interview_question(self, question: Question, number: int, total: int,
                           allowed_seconds: float) -> None:
        progress = t("progress", self.lang, n=number, total=total)
        limit = t("mock_limit", self.lang, limit=format_limit(allowed_seconds))
        self.con.print()
        if self.con.is_terminal:
            from rich.markdown import Markdown
            from rich.panel import Panel

            self.con.print(Panel(
                Markdown(views.markdown_text(question.prompt), hyperlinks=False),
                title=Text(progress, style="bold"), title_align="left",
                subtitle=Text(limit, style="dim"), subtitle_align="right", padding=(0, 1),
            ))
            views.print_help(self.con, t("mock_help", self.lang))
        else:
            self.con.print(Text(f"-- {progress} · {limit} --"))
            self.con.print(Text(views.visible(question.prompt.strip())))
        self.con.file.flush()

    def answer_recorded(self, time_up: bool) -> None:
        key = "mock_recorded_time_up" if time_up else "mock_recorded"
        self.con.print(Text(t(key, self.lang), style="yellow" if time_up else "dim"))
        self.con.file.flush()

    def skipped(self, question: Question) -> None:
        self.message("mock_skipped")  # the reference waits for the report

    def hint(self, question: Question) -> None:
        self.message("mock_no_hint")  # an interviewer gives none

    # The practice screen an interview never shows.

    def feedback(self, question: Question, grade: Grade) -> None:  # pragma: no cover
        pass


def render_report(con: Console, report: MockReport, lang: Lang) -> None:
    """Every question as it went, then the totals, the time and the weakest points."""
    con.print()
    _heading(con, t("mock_report", lang) + (f" · {report.title}" if report.title else ""))
    for answer in report.answers:
        _render_answer(con, answer, len(report.answers), lang)
    _render_summary(con, report, lang)


def _render_answer(con: Console, answer: MockAnswer, total: int, lang: Lang) -> None:
    question = answer.question
    con.print()
    head = Text(t("progress", lang, n=answer.number, total=total), style="bold")
    head.append(f"  {question.ref}", style="bold")
    head.append("  " + t("mock_time_taken", lang, taken=format_elapsed(answer.seconds)),
                style="dim")
    if answer.time_up:
        head.append(f"  {t('mock_time_up', lang)}", style="bold yellow")
    _heading(con, head, align="left", plain="-- {} --")
    prompt = views.visible(question.prompt)
    if con.is_terminal:
        from rich.markdown import Markdown
        from rich.padding import Padding

        con.print(Padding(Markdown(views.markdown_text(prompt), hyperlinks=False), (0, 0, 0, 2)))
    else:
        for line in prompt.strip().splitlines():
            con.print(Text("  " + line))
    if answer.grade is None:
        con.print(Text("  " + t("mock_skipped_answer", lang), style="italic"))
        if question.reference:
            con.print(Text(t("reference", lang) + ":", style="bold"))
            views.render_reference(con, views.visible(question.reference))
        return
    views.render_grade(con, question, answer.grade, lang)


def _summary_cells(answer: MockAnswer, lang: Lang) -> tuple[str, Text, Text]:
    """Score, verdict and time taken of one answer, as the summary shows them."""
    taken = Text(format_elapsed(answer.seconds))
    if answer.time_up:
        taken.append(f" {t('mock_time_up', lang)}", style="yellow")
    if answer.grade is None:
        return "–", Text(t("skipped_short", lang)), taken
    return f"{answer.score * 100:.0f}%", views.verdict_text(answer.passed, lang), taken


def _fits_one_row(con: Console, report: MockReport, lang: Lang) -> bool:
    """Whether each answer's row, reference whole, fits the width (else two lines each)."""
    from rich.cells import cell_len

    longest = max((cell_len(a.question.ref) for a in report.answers), default=0)
    widest_time = max((cell_len(_summary_cells(a, lang)[2].plain) for a in report.answers),
                      default=0)
    # number, score ("100%"), verdict and time, each with two columns of padding
    rest = 2 + 4 + max(cell_len(t("fail_short", lang)), cell_len(t("pass_short", lang)),
                       cell_len(t("skipped_short", lang))) + widest_time + 4 * 3
    return longest + rest <= con.width


def _render_stacked(con: Console, report: MockReport, lang: Lang) -> None:
    """The summary for a narrow terminal: the reference on its own line, whole."""
    con.print(Text(t("mock_summary", lang), style="bold"))
    for answer in report.answers:
        score, verdict, taken = _summary_cells(answer, lang)
        con.print(Text(f"{answer.number}  ") + Text(views.visible(answer.question.ref)),
                  overflow="fold")
        con.print(Text("   " + score + "  ") + verdict + Text("  ") + taken)


def _render_summary(con: Console, report: MockReport, lang: Lang) -> None:
    con.print()
    if report.answers and con.is_terminal and not _fits_one_row(con, report, lang):
        _render_stacked(con, report, lang)
        _render_totals(con, report, lang)
        return
    table = Table(title=t("mock_summary", lang), box=views.table_box(con), show_edge=False,
                  pad_edge=False, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("question", lang), overflow="fold")
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    table.add_column(t("result", lang), no_wrap=True)
    table.add_column(t("mock_time_col", lang), justify="right", no_wrap=True)
    for answer in report.answers:
        table.add_row(str(answer.number), answer.question.ref, *_summary_cells(answer, lang))
    if report.answers:
        views.emit(con, table)
    _render_totals(con, report, lang)


def _render_totals(con: Console, report: MockReport, lang: Lang) -> None:
    for summary in summary_lines(report, lang):
        con.print(Text(summary))
    if not report.answered:  # nothing answered: nothing missed, nothing to praise
        return
    weak = report.weakest()
    con.print()
    con.print(Text(t("mock_weakest", lang), style="bold"))
    if not weak:
        con.print(Text("  " + t("mock_no_weak", lang)))
        return
    for point in weak:
        # The label, then where it was missed on a line of its own: references are long
        # and never cut. Both wrap under their own start, not back at column 0.
        line = Text(views.visible(point.label))
        line.append(t("mock_weak_count", lang, n=point.missed), style="dim")
        _hanging(con, Text.assemble(" ", ("✘ ", "red")), line)
        _hanging(con, Text("   "), Text(", ".join(point.refs), style="dim"))


def _hanging(con: Console, lead: Text, body: Text) -> None:
    """`lead`, then `body` wrapped to the width left beside it (a hanging indent; a word
    wider than that is folded, never cut)."""
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(lead, body)
    con.print(grid)


def _heading(con: Console, text: str | Text, align: AlignMethod = "center",
             plain: str = "== {} ==") -> None:
    """A rule with the text in it when it fits; else the text, wrapped whole (a rule
    would cut it, and a heading may hold a question's reference)."""
    shown = Text(views.visible(text), style="bold") if isinstance(text, str) else text
    if con.is_terminal and shown.cell_len + 6 <= con.width:
        from rich.rule import Rule

        con.print(Rule(shown, align=align))
    elif con.is_terminal:
        con.print(shown)
    else:
        before, _, after = plain.partition("{}")
        con.print(Text(before) + shown + Text(after))
