"""Rich renderings of pmquiz's results. The only module below the CLI that imports Rich.

Every function takes a Console and a result object from the core; on a console that is
not a terminal, tables lose their boxes so logs and pipes read as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pmquiz.model import Bank, Point, Question


def table_box(con: Console) -> box.Box | None:
    return box.SIMPLE_HEAD if con.is_terminal else None


def emit(con: Console, renderable: RenderableType) -> None:
    """Print; off a terminal, without the padding Rich adds to the ends of lines."""
    if con.is_terminal:
        con.print(renderable)
        return
    with con.capture() as captured:
        con.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    con.file.write(text + "\n")


def render_banks(con: Console, banks: Sequence[Bank]) -> None:
    table = Table(box=table_box(con), show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    table.add_column("language", no_wrap=True)
    table.add_column("questions", justify="right", no_wrap=True)
    table.add_column("path", overflow="fold")
    for bank in banks:
        table.add_row(bank.id, escape(bank.title), bank.language, str(len(bank.questions)),
                      escape(str(bank.path)))
    emit(con, table)
    if not banks:
        con.print("No banks found. Add folders to PMQUIZ_BANKS or pass a path.")


def render_question_list(con: Console, questions: Sequence[Question]) -> None:
    table = Table(box=table_box(con), show_edge=False, pad_edge=False)
    table.add_column("ref", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("tags")
    table.add_column("diff", justify="right", no_wrap=True)
    table.add_column("prompt", overflow="fold")
    for q in questions:
        table.add_row(q.ref, q.type, escape(", ".join(q.tags)), str(q.difficulty),
                      escape(q.first_line))
    emit(con, table)
    con.print(f"{len(questions)} questions")


def _terms_text(point: Point) -> str:
    parts = []
    if point.any:
        parts.append("any: " + " | ".join(t.text for t in point.any))
    if point.all:
        parts.append("all: " + " + ".join(t.text for t in point.all))
    return "; ".join(parts)


def render_question_detail(con: Console, q: Question) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    meta = f"{q.type} · difficulty {q.difficulty}"
    if q.tags:
        meta += " · " + ", ".join(q.tags)
    con.print(Text(q.ref, style="bold"))
    con.print(Text(meta, style="dim"))
    if con.is_terminal:
        con.print(Panel(Markdown(q.prompt), expand=True))
    else:
        con.print(q.prompt.rstrip())
    if q.options:
        for key, text in q.options.items():
            con.print(f"  {key}. {escape(text)}")
    if q.type == "choice" and isinstance(q.answer, tuple):
        con.print(f"answer: {', '.join(q.answer)}")
    elif q.type == "truefalse":
        con.print(f"answer: {'true' if q.answer else 'false'}")
    if q.hint:
        con.print(Text("hint: ", style="bold") + Text(q.hint))
    if q.type == "open":
        con.print(Text(f"rubric (pass mark {q.threshold:g})", style="bold"))
        table = Table(box=table_box(con), show_edge=False, pad_edge=False)
        table.add_column("point", no_wrap=True)
        table.add_column("label")
        table.add_column("weight", justify="right", no_wrap=True)
        table.add_column("terms", overflow="fold")
        for p in q.rubric.points:
            name = p.id + (" (required)" if p.required else "")
            table.add_row(name, escape(p.label), f"{p.weight:g}", escape(_terms_text(p)))
        for p in q.rubric.penalties:
            table.add_row(f"−{p.id}", escape(p.label), f"−{p.weight:g}", escape(_terms_text(p)))
        emit(con, table)
    if q.reference:
        con.print(Text("reference", style="bold"))
        con.print(q.reference.rstrip())
    if q.examples:
        con.print(Text("examples", style="bold"))
        for ex in q.examples:
            verdict = ex.expect if ex.expect else f"score {ex.score[0]:g}–{ex.score[1]:g}" if (
                ex.score) else "?"
            con.print(Text(f"  [{verdict}] ") + Text(ex.answer))
