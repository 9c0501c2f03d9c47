"""The Rich face of the `pmquiz check` report, made for an 80-column terminal (SPEC 8).

A line per bank with its figures; then, per bank, only the questions with a failure or a
warning (all of them with `--verbose`), ids never cut; then the failing examples with
their answers marked, and the warnings. What the lines say lives in `checkreport`, shared
with the plain face. User text (answers, ids) always goes through `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmquiz import checkreport
from pmquiz.checking import BankReport, CheckReport, CheckWarning, ExampleResult, QuestionReport
from pmquiz.i18n import Lang, t
from pmquiz.narrowviews import labelled, stacked_row, too_narrow
from pmquiz.sanitize import one_line
from pmquiz.views import highlighted_answer, table_box, use_markers


def render_report(con: Console, report: CheckReport, strict: bool, verbose: bool = False,
                  lang: Lang = "en") -> None:
    """Everything but the closing `N passed, N failed` line, which the command writes."""
    for bank in report.banks:
        render_bank(con, bank, verbose, lang)
    if report.failures:
        con.print(Text(t("check_failing", lang), style="bold red"))
        for result in report.failures:
            render_failure(con, result, lang)
    if report.warnings:
        render_warnings(con, report.warnings, strict, lang)
    tally = checkreport.tally(report, strict, lang)
    if tally:
        con.print(Text(tally, style="yellow"))


def render_bank(con: Console, bank: BankReport, verbose: bool, lang: Lang) -> None:
    # The figures wrap beside the id, never under it.
    head = Table.grid(padding=(0, 2))
    head.add_column(no_wrap=True)
    head.add_column()
    head.add_row(Text(one_line(bank.bank.id), style="bold"),
                 Text(checkreport.bank_summary(bank, lang),
                      style="red" if bank.failed else "green"))
    con.print(head)
    shown = checkreport.shown_questions(bank, verbose)
    if shown and _too_narrow(con, shown, lang):
        for q in shown:
            _, _, examples, accuracy, fp, ff, never = checkreport.question_row(q)
            bad = q.failed > 0
            stacked_row(con, Text(one_line(q.question.id), style="red" if bad else ""), [
                labelled(t("check_examples", lang), examples),
                labelled(t("check_accuracy", lang), accuracy, "red" if bad else ""),
                labelled(t("check_false_pass", lang), fp),
                labelled(t("check_false_fail", lang), ff),
                labelled(t("check_never_hit", lang), one_line(never),
                         "yellow" if never != "-" else "")])
    elif shown:
        table = Table(box=table_box(con), show_edge=False, pad_edge=False)
        table.add_column(t("col_ref", lang), no_wrap=True)
        table.add_column(t("check_examples", lang), justify="right", no_wrap=True)
        table.add_column(t("check_accuracy", lang), justify="right", no_wrap=True)
        table.add_column(t("check_false_pass", lang), justify="right", no_wrap=True)
        table.add_column(t("check_false_fail", lang), justify="right", no_wrap=True)
        table.add_column(t("check_never_hit", lang), overflow="fold", ratio=1, min_width=10)
        for q in shown:
            _, _, examples, accuracy, fp, ff, never = checkreport.question_row(q)
            bad = q.failed > 0
            table.add_row(Text(one_line(q.question.id), style="red" if bad else ""),
                          examples, Text(accuracy, style="red" if bad else ""), fp, ff,
                          Text(one_line(never), style="yellow" if never != "-" else ""))
        con.print(table)
    hidden = checkreport.hidden_line(bank, verbose, lang)
    if hidden:
        con.print(Text("  " + hidden, style="dim"))


def _too_narrow(con: Console, shown: Sequence[QuestionReport], lang: Lang) -> bool:
    """Whether the question table would cut its ids or figures (below 10 cells left for
    the never-hit points): the questions are then stacked, each id whole."""
    rows = [checkreport.question_row(q) for q in shown]
    columns = [[t("col_ref", lang), *(one_line(q.question.id) for q in shown)]]
    for key, index in (("check_examples", 2), ("check_accuracy", 3),
                       ("check_false_pass", 4), ("check_false_fail", 5)):
        columns.append([t(key, lang), *(row[index] for row in rows)])
    return too_narrow(con, columns, 10, 3 if table_box(con) is not None else 2)


def render_failure(con: Console, result: ExampleResult, lang: Lang) -> None:
    head = Text()
    head.append(t("check_fail_mark", lang) + " ", style="bold red")
    head.append(one_line(f"{result.ref}[#{result.index}]"), style="bold")
    head.append(f"  {checkreport.disagreement(result, lang)}  ", style="red")
    head.append(one_line(result.location), style="dim")
    con.print(head)
    markers = use_markers(con)
    # Labels in a column of their own: a long answer or advice wraps beside its label.
    grid = Table.grid(padding=(0, 1), pad_edge=False)
    grid.add_column(no_wrap=True)
    grid.add_column()
    lines = checkreport.explain(result, lang)
    for n, (label, value) in enumerate(lines):
        cell = Text(one_line(value))
        if n == 1 and not markers and any(p.matches for p in result.grade.point_results):
            cell = highlighted_answer(result.grade, markers)
        grid.add_row(Text("  " + label + (":" if lang == "en" else "："), style="dim"), cell)
    con.print(grid)
    con.print()


def render_warnings(con: Console, warnings: tuple[CheckWarning, ...], strict: bool,
                    lang: Lang) -> None:
    con.print(Text(t("check_warnings_strict" if strict else "check_warnings", lang),
                   style="bold yellow"))
    label = t("check_error" if strict else "check_warning", lang) + (
        ": " if lang == "en" else "：")
    grid = Table.grid(pad_edge=False)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for warning in warnings:
        grid.add_row(Text(label, style="red" if strict else "yellow"),
                     Text(one_line(checkreport.warning_text(warning, lang))))
    con.print(grid)
    con.print()
