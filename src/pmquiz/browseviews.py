"""The Rich face of `banks`, `list`, `show` and `history`, made for an 80-column terminal.

List views keep one row per item: references whole, long text cut to one line with `…`.
Detail views (`show`) show everything, wrapped the Chinese way (`wrap`). Text from a
bank or the history is sanitised (`sanitize`) and always passed as `Text`, never as
markup, so `[brackets]` print as written and no escape sequence reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmquiz import plain
from pmquiz.i18n import Lang, plural, t
from pmquiz.sanitize import one_line, visible
from pmquiz.views import markdown_text, table_box

if TYPE_CHECKING:
    from pmquiz.model import Bank, Question
    from pmquiz.store import Attempt


def _table(con: Console) -> Table:
    return Table(box=table_box(con), show_edge=False, pad_edge=False, collapse_padding=True)


def render_banks(con: Console, banks: Sequence[Bank], lang: Lang) -> None:
    if not banks:
        con.print(Text(t("no_banks", lang)))
        return
    table = _table(con)
    table.add_column(t("col_id", lang), no_wrap=True)
    table.add_column(t("col_title", lang), overflow="ellipsis", no_wrap=True, ratio=1)
    table.add_column(t("col_language", lang), no_wrap=True)
    table.add_column(t("col_questions", lang), justify="right", no_wrap=True)
    table.add_column(t("col_path", lang), overflow="fold", ratio=2)
    for bank in banks:
        table.add_row(Text(one_line(bank.id)), Text(one_line(bank.title)),
                      Text(one_line(bank.language)), str(len(bank.questions)),
                      Text(one_line(str(bank.path))))
    con.print(table)


def render_question_list(con: Console, questions: Sequence[Question], lang: Lang) -> None:
    """One row per question; the bank prefix dropped when every row is of one bank."""
    if not questions:
        con.print(Text(t("no_questions", lang)))
        return
    one_bank = len({q.bank_id for q in questions}) == 1
    table = _table(con)
    ref_title = t("col_ref", lang) + (f" ({one_line(questions[0].bank_id)}/)" if one_bank
                                      else "")
    table.add_column(ref_title, no_wrap=True)
    table.add_column(t("col_type", lang), no_wrap=True)
    table.add_column(t("col_diff", lang), justify="right", no_wrap=True)
    table.add_column(t("col_tags", lang), overflow="ellipsis", no_wrap=True, max_width=18)
    table.add_column(t("col_prompt", lang), overflow="ellipsis", no_wrap=True, ratio=1,
                     min_width=12)
    for q in questions:
        table.add_row(Text(one_line(q.id if one_bank else q.ref)),
                      plain.type_name(q.type, lang), str(q.difficulty),
                      Text(one_line(", ".join(q.tags)), style="dim"),
                      Text(one_line(q.first_line)))
    con.print(table)
    con.print(Text(plural("n_questions", len(questions), lang), style="dim"))


def render_question_detail(con: Console, q: Question, lang: Lang) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    meta = t("show_meta", lang, type=plain.type_name(q.type, lang), difficulty=q.difficulty)
    if q.tags:
        meta += " · " + ", ".join(q.tags)
    con.print(Text(one_line(q.ref), style="bold"))
    con.print(Text(one_line(meta), style="dim"))
    con.print(Panel(Markdown(markdown_text(q.prompt), hyperlinks=False), expand=True))
    for key, text in q.options.items():
        con.print(Text(f"  {key}. ") + Text(one_line(text)))
    answer = plain.answer_text(q, lang)
    if answer:
        con.print(Text(f"{t('show_answer', lang)}: ", style="bold") + Text(answer))
    if q.hint:
        con.print(Text(f"{t('hint', lang)}: ", style="bold") + Text(visible(q.hint)))
    if q.type == "open":
        con.print(Text(t("show_rubric", lang, mark=f"{q.threshold:g}"), style="bold"))
        table = _table(con)
        table.add_column(t("col_point", lang), overflow="fold", ratio=2)
        table.add_column(t("col_label", lang), ratio=3)
        table.add_column(t("col_weight", lang), justify="right", no_wrap=True)
        table.add_column(t("col_terms", lang), overflow="fold", ratio=4)
        for p in q.rubric.points:
            name = Text(one_line(p.id))
            if p.required:
                name.append(f" ({t('required', lang)})", style="dim")
            table.add_row(name, Text(one_line(p.label)), f"{p.weight:g}",
                          Text(one_line(plain.terms_text(p, lang))))
        for p in q.rubric.penalties:
            table.add_row(Text("−" + one_line(p.id)), Text(one_line(p.label)),
                          f"−{p.weight:g}", Text(one_line(plain.terms_text(p, lang))))
        con.print(table)
    if q.reference:
        con.print(Text(t("reference", lang), style="bold"))
        con.print(Markdown(markdown_text(q.reference), hyperlinks=False))
    if q.examples:
        con.print(Text(t("show_examples", lang), style="bold"))
        from rich.padding import Padding

        for ex in q.examples:
            con.print(Padding(Text(f"[{plain.example_verdict(ex, lang)}] ", style="dim")
                              + Text(one_line(ex.answer)), (0, 0, 0, 2)))


def short_time(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    return moment.astimezone().strftime("%m-%d %H:%M")


def render_history(con: Console, attempts: Sequence[Attempt], lang: Lang) -> None:
    """Time (short), the question's reference whole, score, result, the answer's first line."""
    if not attempts:
        con.print(Text(t("no_attempts", lang)))
        return
    table = _table(con)
    table.add_column(t("col_time", lang), no_wrap=True)
    table.add_column(t("col_ref", lang), no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True, min_width=4)
    table.add_column(t("result", lang), no_wrap=True)
    table.add_column(t("col_answer", lang), overflow="ellipsis", no_wrap=True, ratio=1,
                     min_width=8)
    for a in attempts:
        result = Text(plain.verdict(a.passed, lang), style="green" if a.passed else "red")
        if a.overruled:
            result.append(t("overruled_mark", lang), style="dim")
        table.add_row(short_time(a.time), Text(one_line(a.ref)), f"{a.score * 100:.0f}%",
                      result, Text(one_line(plain.first_line(a.answer))))
    con.print(table)
