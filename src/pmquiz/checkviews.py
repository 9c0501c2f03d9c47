"""The Rich face of the `pmquiz check` report, made for an 80-column terminal (SPEC 8).

A line per bank with its figures; then, per bank, only the questions with a failure or a
warning (all of them with `--verbose`), ids never cut; then the failing examples with
their answers marked, and the warnings. What the lines say lives in `checkreport`, shared
with the plain face. User text (answers, ids) always goes through `Text`, never markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmquiz import checkreport
from pmquiz.checking import BankReport, CheckReport, CheckWarning, ExampleResult
from pmquiz.i18n import Lang, t
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
    head = Text()
    head.append(one_line(bank.bank.id), style="bold")
    head.append("  ")
    head.append(checkreport.bank_summary(bank, lang), style="red" if bank.failed else "green")
    con.print(head)
    shown = checkreport.shown_questions(bank, verbose)
    if shown:
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


def render_failure(con: Console, result: ExampleResult, lang: Lang) -> None:
    head = Text()
    head.append(t("check_fail_mark", lang) + " ", style="bold red")
    head.append(one_line(f"{result.ref}[#{result.index}]"), style="bold")
    head.append(f"  {result.disagreement}  ", style="red")
    head.append(one_line(result.location), style="dim")
    con.print(head)
    markers = use_markers(con)
    for line in checkreport.explain(result):
        if line.startswith("marked:") and not markers:
            con.print(Text("  marked:    ") + highlighted_answer(result.grade, markers))
            continue
        con.print(Text("  " + one_line(line)))
    con.print()


def render_warnings(con: Console, warnings: tuple[CheckWarning, ...], strict: bool,
                    lang: Lang) -> None:
    con.print(Text(t("check_warnings_strict" if strict else "check_warnings", lang),
                   style="bold yellow"))
    label = t("check_error" if strict else "check_warning", lang)
    for warning in warnings:
        line = Text()
        line.append(f"{label}: ", style="red" if strict else "yellow")
        line.append(one_line(str(warning)))
        con.print(line)
    con.print()
