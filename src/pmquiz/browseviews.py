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
from pmquiz.narrowviews import INDENT, labelled, stacked_row, too_narrow
from pmquiz.sanitize import one_line, visible
from pmquiz.views import markdown_text, table_box
from pmquiz.wrap import cell_width

if TYPE_CHECKING:
    from pmquiz.model import Bank, Question
    from pmquiz.store import Attempt


PROMPT_MIN = 24  # cells: below this the list drops its tags column for the prompt
TITLE_MAX = 28  # cells of a bank title in `banks` before it is cut with …
# Narrower than a table with these cells for its cut columns, a list is stacked (one
# item on a few lines, `narrowviews`): a prompt or answer, a bank's title and path.
NARROW_TEXT = 8
NARROW_TITLE = 12
NARROW_PATH = 16


def _table(con: Console) -> Table:
    return Table(box=table_box(con), show_edge=False, pad_edge=False)


def rest_width(con: Console, columns: Sequence[Sequence[str]], minimum: int = 8) -> int:
    """The cells left for a table's last column when every other column is as wide as
    its widest cell (header included): Rich, given a flexible column, shrinks all of
    them alike and cuts references; this keeps them whole and cuts only the last.
    Columns are three cells apart on a terminal (padding 1 on each side and the box's
    blank divider), two without a box; none at the edges."""
    from rich.cells import cell_len

    used = sum(max((cell_len(c) for c in column), default=0) for column in columns)
    gap = 3 if table_box(con) is not None else 2
    return max(minimum, con.width - used - gap * len(columns))


def render_banks(con: Console, banks: Sequence[Bank], lang: Lang) -> None:
    if not banks:
        con.print(Text(t("no_banks", lang)))
        return
    ids = [one_line(b.id) for b in banks]
    titles = [one_line(b.title) for b in banks]
    languages = [one_line(b.language) for b in banks]
    counts = [str(len(b.questions)) for b in banks]
    paths = [one_line(str(b.path)) for b in banks]
    widest_title = max(cell_width(x) for x in [t("col_title", lang), *titles])
    widest_path = max(cell_width(x) for x in [t("col_path", lang), *paths])
    others = [[t("col_id", lang), *ids], [t("col_language", lang), *languages],
              [t("col_questions", lang), *counts]]
    gap = 3 if table_box(con) is not None else 2
    if too_narrow(con, [*others, ["x" * min(widest_title, NARROW_TITLE)]], NARROW_PATH, gap):
        for bank, bank_id, title, language, path in zip(banks, ids, titles, languages, paths,
                                                        strict=True):
            stacked_row(con, Text(bank_id, style="bold"),
                        [Text(language), Text(plural("n_questions", len(bank.questions),
                                                     lang))],
                        [Text(title), Text(tail(path, con.width - INDENT), style="dim")])
        return
    # The whole title when everything fits; else titles cut at TITLE_MAX and paths at
    # their start (a path keeps its file name).
    title_width = widest_title
    if rest_width(con, [*others, ["x" * widest_title]], minimum=0) < widest_path:
        title_width = min(widest_title, max(TITLE_MAX, rest_width(
            con, [*others, ["x" * widest_path]], minimum=0)))
    path_width = rest_width(con, [*others, ["x" * title_width]], minimum=16)
    table = _table(con)
    table.add_column(t("col_id", lang), no_wrap=True)
    table.add_column(t("col_title", lang), overflow="ellipsis", no_wrap=True, width=title_width)
    table.add_column(t("col_language", lang), no_wrap=True)
    table.add_column(t("col_questions", lang), justify="right", no_wrap=True)
    table.add_column(t("col_path", lang), no_wrap=True, width=path_width)
    for bank_id, title, language, count, path in zip(ids, titles, languages, counts, paths,
                                                     strict=True):
        table.add_row(Text(bank_id), Text(title), Text(language), count,
                      Text(tail(path, path_width), style="dim"))
    con.print(table)


def tail(text: str, width: int) -> str:
    """`text` cut at the start with `…` to fit `width` cells: a path keeps its file name."""
    if cell_width(text) <= width:
        return text
    kept = ""
    for char in reversed(text):
        if cell_width(kept) + cell_width(char) > width - 1:
            break
        kept = char + kept
    return "…" + kept


def render_question_list(con: Console, questions: Sequence[Question], lang: Lang,
                         empty: str | None = None) -> None:
    """One row per question; the bank prefix dropped when every row is of one bank.
    `empty` is said instead of "No questions match." when there are none."""
    if not questions:
        con.print(Text(empty or t("no_questions", lang)))
        return
    one_bank = len({q.bank_id for q in questions}) == 1
    ref_title = t("col_ref", lang)
    refs = [one_line(q.id if one_bank else q.ref) for q in questions]
    types = [plain.type_name(q.type, lang) for q in questions]
    diffs = [str(q.difficulty) for q in questions]
    tags = [one_line(", ".join(q.tags)) for q in questions]
    tag_width = max(len(t("col_tags", lang)), min(16, max((len(x) for x in tags), default=0)))
    fixed = [[ref_title, *refs], [t("col_type", lang), *types], [t("col_diff", lang), *diffs]]
    gap = 3 if table_box(con) is not None else 2
    if too_narrow(con, fixed, NARROW_TEXT, gap):
        for q, ref, qtype, diff in zip(questions, refs, types, diffs, strict=True):
            stacked_row(con, Text(ref, style="bold"),
                        [Text(qtype), labelled(t("col_diff", lang), diff)],
                        [Text(one_line(plain.unmarked(q.first_line))[:2 * con.width])])
        _question_count(con, questions, one_bank, lang)
        return
    # Tags only when the prompt keeps a readable width beside them (they are in --json
    # and in piped rows either way).
    with_tags = rest_width(con, [*fixed, ["x" * tag_width]]) >= PROMPT_MIN
    if with_tags:
        fixed.append(["x" * tag_width])
    table = _table(con)
    table.add_column(ref_title, no_wrap=True)
    table.add_column(t("col_type", lang), no_wrap=True)
    table.add_column(t("col_diff", lang), justify="right", no_wrap=True)
    if with_tags:
        table.add_column(t("col_tags", lang), overflow="ellipsis", no_wrap=True,
                         width=tag_width)
    table.add_column(t("col_prompt", lang), overflow="ellipsis", no_wrap=True,
                     width=rest_width(con, fixed))
    for q, ref, qtype, diff, tag in zip(questions, refs, types, diffs, tags, strict=True):
        cells: list[str | Text] = [Text(ref), qtype, diff]
        if with_tags:
            cells.append(Text(tag, style="dim"))
        cells.append(Text(one_line(plain.unmarked(q.first_line))))
        table.add_row(*cells)
    con.print(table)
    _question_count(con, questions, one_bank, lang)


def _question_count(con: Console, questions: Sequence[Question], one_bank: bool,
                    lang: Lang) -> None:
    count = plural("n_questions", len(questions), lang)
    if one_bank:
        count += f" · {one_line(questions[0].bank_id)}"
    con.print(Text(count, style="dim"))


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
        con.print(Text(t("show_answer", lang) + t("colon", lang), style="bold") + Text(answer))
    if q.hint:
        con.print(Text(t("hint", lang) + t("colon", lang), style="bold")
                  + Text(visible(q.hint)))
    if q.type == "open":
        con.print(Text(t("show_rubric", lang, mark=f"{q.threshold:g}"), style="bold"))
        table = _table(con)
        table.add_column(t("col_point", lang), no_wrap=True)
        table.add_column(t("col_label", lang), ratio=1)
        table.add_column(t("col_weight", lang), justify="right", no_wrap=True)
        table.add_column(t("col_terms", lang), overflow="fold", ratio=2)
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
    times = [short_time(a.time) for a in attempts]
    refs = [one_line(a.ref) for a in attempts]
    scores = [f"{a.score * 100:.0f}%" for a in attempts]
    results = [plain.verdict(a.passed, lang) + (t("overruled_mark", lang) if a.overruled
                                                else "") for a in attempts]
    fixed = [[t("col_time", lang), *times], [t("col_ref", lang), *refs],
             [t("score", lang), "100%"], [t("result", lang), *results]]
    gap = 3 if table_box(con) is not None else 2
    if too_narrow(con, fixed, NARROW_TEXT, gap):
        for a, when, ref, score, result in zip(attempts, times, refs, scores, results,
                                               strict=True):
            stacked_row(con, Text(ref, style="bold"),
                        [Text(when), Text(score),
                         Text(result, style="green" if a.passed else "red")],
                        [Text(one_line(plain.first_line(a.answer)[:2 * con.width]))]
                        if a.answer.strip() else [])
        return
    table = _table(con)
    table.add_column(t("col_time", lang), no_wrap=True)
    table.add_column(t("col_ref", lang), no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True, min_width=4)
    table.add_column(t("result", lang), no_wrap=True)
    width = rest_width(con, fixed)
    table.add_column(t("col_answer", lang), overflow="ellipsis", no_wrap=True, width=width)
    # Rich measures every cell it is given; an answer may be 64 KiB, and the column shows
    # `width` cells of it: hand it a little more than fits (so it still adds the "…").
    cut = 2 * width + 2
    for a, when, ref, score, result in zip(attempts, times, refs, scores, results,
                                           strict=True):
        table.add_row(when, Text(ref), score,
                      Text(result, style="green" if a.passed else "red"),
                      Text(one_line(plain.first_line(a.answer)[:cut])))
    con.print(table)
