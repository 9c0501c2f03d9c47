"""Running a practice or review session in this terminal (or pipe), shared by both."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pmquiz.errors import ExitCode
from pmquiz.i18n import Lang, t
from pmquiz.model import Question

if TYPE_CHECKING:
    from rich.text import Text

    from pmquiz.editor import Edited
    from pmquiz.reading import AnswerReader
    from pmquiz.store import History


def no_questions(pool: Sequence[Question], tags: Sequence[str], lang: Lang) -> int:
    """Nothing to ask: say so (and which tags there are, after --tag); exit 0."""
    from pmquiz.output import console, stdout_is_terminal
    from pmquiz.tagfilter import no_match

    # Piped, the tags stay on one line however many there are.
    console().print(no_match(pool, tags, lang), markup=False, highlight=False, emoji=False,
                    soft_wrap=not stdout_is_terminal())
    return ExitCode.OK


def run_session(history: History, questions: list[Question], lang: Lang, *, kind: str,
                title: str, notes: Mapping[str, Text] | None = None) -> int:
    """Ask the questions, show the summary; the exit code (130 when interrupted).

    `notes`: a line to show in a question's panel, by reference (review's context)."""
    from pmquiz import views
    from pmquiz.editor import editor_command
    from pmquiz.output import console
    from pmquiz.scheduling import queue_size
    from pmquiz.session import Session

    con = console()
    if not questions:
        views.render_message(con, "no_questions", lang)
        return ExitCode.OK
    tolerant_stdin()
    note = t("edit_note", lang)

    def edit(initial: str, prompt: str) -> Edited:
        from pmquiz.editor import edit_text

        return edit_text(initial, prompt, note)

    session = Session(
        questions, history, answer_reader(), views.PracticeScreen(con, lang, notes),
        kind=kind, title=title, editor=edit if editor_command() else None,
    )
    result = session.run()
    views.render_summary(con, result, lang, queue_size(history))
    if result.interrupted:
        views.render_message(con, "interrupted", lang)
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def answer_reader() -> AnswerReader:
    """The line editor when both ends are a terminal; lines otherwise (SPEC 6: piped
    stdin is read exactly as before, blank-line separated)."""
    from pmquiz.reading import StreamReader, TerminalReader, is_command_line

    if not _isatty(sys.stdin):
        return StreamReader()
    if not _isatty(sys.stdout):
        return TerminalReader()
    from pmquiz.lineeditor import LineEditor

    return LineEditor(submit_line=is_command_line)


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def tolerant_stdin() -> None:
    """Invalid UTF-8 on stdin is replaced, never fatal."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if callable(reconfigure):
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
