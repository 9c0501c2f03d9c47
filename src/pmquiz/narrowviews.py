"""Tables on a terminal too narrow for them (`banks`, `list`, `history`, `check`'s
questions): each row becomes a few lines, as `review --list` and the summaries do.

The first line is the row's id or reference, whole (folded at the edge, never cut: SPEC 2);
the lines under it, indented, carry the other cells. Long text (a prompt, an answer, a
title, a path) is cut to one line with `…`, as in the table; figures fold instead, so
nothing a user needs is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from pmquiz.wrap import cell_width

INDENT = 2
SEPARATOR = " · "


def too_narrow(con: Console, columns: Sequence[Sequence[str]], last_minimum: int,
               gap: int) -> bool:
    """Whether a table of `columns` at their widest, `gap` cells apart, leaves less than
    `last_minimum` cells for one more column after them."""
    used = sum(max((cell_width(cell) for cell in column), default=0) for column in columns)
    return con.width - used - gap * len(columns) < last_minimum


def stacked_row(con: Console, head: Text, figures: Sequence[Text] = (),
                cut: Sequence[Text] = ()) -> None:
    """One row: `head` whole; then `figures` joined by " · ", as many to a line as fit,
    none split across lines (one wider than the line folds); then each of `cut` on a line
    of its own, cut with `…` at the edge."""
    head.overflow = "fold"
    con.print(head)
    room = max(1, con.width - INDENT)
    for line in _packed(figures, room):
        line.overflow = "fold"
        con.print(Padding(line, (0, 0, 0, INDENT)))
    for text in cut:
        text.no_wrap = True
        text.overflow = "ellipsis"
        con.print(Padding(text, (0, 0, 0, INDENT)))


def _packed(figures: Sequence[Text], room: int) -> list[Text]:
    lines: list[Text] = []
    for figure in figures:
        if lines and lines[-1].cell_len + len(SEPARATOR) + figure.cell_len <= room:
            lines[-1] = Text(SEPARATOR).join([lines[-1], figure])
        else:
            lines.append(figure.copy())
    return lines


def labelled(label: str, value: str | Text, style: str = "") -> Text:
    """`label value` for a figure whose meaning is not plain from its value (`diff 2`)."""
    text = Text(label + " ", style="dim")
    return text + (value if isinstance(value, Text) else Text(value, style=style))
