"""Rich rendering of the `pmquiz check` report: per-bank tables, failures, warnings.

On a terminal: tables with rules, colour, matched terms highlighted in the answer. Off a
terminal (CI logs, pipes): the same content as plain text, tables without boxes, long
lines never wrapped, so logs are stable and greppable. User text (answers, ids) always
goes through `Text`, never markup, so `[brackets]` in an answer print as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmquiz.checking import BankReport, CheckReport, CheckWarning, ExampleResult, explain
from pmquiz.views import emit, highlighted_answer, table_box, use_markers


def render_report(con: Console, report: CheckReport, strict: bool) -> None:
    """Everything but the closing `N passed, N failed` line, which the command writes."""
    for bank in report.banks:
        render_bank(con, bank)
    if report.failures:
        _line(con, Text("failing examples", style="bold red"))
        for result in report.failures:
            render_failure(con, result)
    if report.warnings:
        render_warnings(con, report.warnings, strict)
    tally = _tally(report, strict)
    if tally:
        _line(con, Text(tally, style="yellow"))


def _line(con: Console, text: Text) -> None:
    # Off a terminal, never wrap: one logical line stays one line in a CI log.
    con.print(text, soft_wrap=not con.is_terminal)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def render_bank(con: Console, bank: BankReport) -> None:
    head = Text()
    head.append(bank.bank.id, style="bold")
    head.append(f"  {bank.bank.title}  ({bank.bank.path})", style="dim")
    _line(con, head)
    table = Table(box=table_box(con), show_edge=False, pad_edge=False)
    table.add_column("question", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("examples", justify="right", no_wrap=True)
    table.add_column("accuracy", justify="right", no_wrap=True)
    table.add_column("false pass", justify="right", no_wrap=True)
    table.add_column("false fail", justify="right", no_wrap=True)
    table.add_column("never hit", overflow="fold")
    for q in bank.questions:
        bad = q.failed > 0
        table.add_row(
            Text(q.question.id, style="red" if bad else ""),
            q.question.type,
            str(len(q.examples)),
            Text(_percent(q.accuracy), style="red" if bad else ""),
            str(q.false_passes),
            str(q.false_fails),
            Text(", ".join(p.id for p in q.unhit) if q.examples else "-",
                 style="yellow" if q.unhit and q.examples else ""),
        )
    emit(con, table)
    _line(con, Text(_bank_summary(bank), style="red" if bank.failed else "green"))
    con.print()


def _bank_summary(bank: BankReport) -> str:
    never = sum(len(q.unhit) for q in bank.questions if q.examples)
    off_range = bank.failed - bank.false_passes - bank.false_fails
    parts = [f"{bank.passed} as expected", _plural(bank.false_passes, "false pass", "es"),
             _plural(bank.false_fails, "false fail")]
    if off_range:
        parts.append(f"{_plural(off_range, 'score')} out of range")
    return (f"  {_plural(len(bank.examples), 'example')}, accuracy "
            f"{_percent(bank.accuracy)}: {', '.join(parts)}; "
            f"{_plural(never, 'rubric point')} never hit")


def _plural(n: int, noun: str, suffix: str = "s") -> str:
    return f"{n} {noun}{'' if n == 1 else suffix}"


def render_failure(con: Console, result: ExampleResult) -> None:
    head = Text()
    head.append("FAIL ", style="bold red")
    head.append(f"{result.ref}[#{result.index}]", style="bold")
    head.append(f"  {result.disagreement}  ", style="red")
    head.append(result.location, style="dim")
    _line(con, head)
    markers = use_markers(con)
    for line in explain(result):
        if line.startswith("marked:") and not markers:
            _line(con, Text("  marked:    ") + highlighted_answer(result.grade, markers))
            continue
        _line(con, Text("  " + line))
    con.print()


def render_warnings(con: Console, warnings: tuple[CheckWarning, ...], strict: bool) -> None:
    title = "warnings (errors under --strict)" if strict else "warnings"
    _line(con, Text(title, style="bold yellow"))
    label = "error" if strict else "warning"
    for warning in warnings:
        line = Text()
        line.append(f"{label}: ", style="red" if strict else "yellow")
        line.append(str(warning))
        _line(con, line)
    con.print()


def _tally(report: CheckReport, strict: bool) -> str:
    parts = []
    if report.warnings:
        parts.append(_plural(len(report.warnings), "warning")
                     + (" (failures under --strict)" if strict else ""))
    files = {p.path for p in report.errors}
    if files:
        parts.append(_plural(len(files), "invalid bank file") + " (errors on stderr)")
    return ", ".join(parts)
