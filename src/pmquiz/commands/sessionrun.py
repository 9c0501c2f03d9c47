"""Running a practice or review session in this terminal (or pipe), shared by both."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pmquiz.errors import ExitCode
from pmquiz.i18n import Lang
from pmquiz.model import Question

if TYPE_CHECKING:
    from pmquiz.store import History


def run_session(history: History, questions: list[Question], lang: Lang, *, kind: str,
                title: str) -> int:
    """Ask the questions, show the summary; the exit code (130 when interrupted)."""
    from pmquiz import views
    from pmquiz.editor import edit_text, editor_command
    from pmquiz.output import console
    from pmquiz.scheduling import queue_size
    from pmquiz.session import Session, StreamReader, TerminalReader

    con = console()
    if not questions:
        views.render_message(con, "no_questions", lang)
        return ExitCode.OK
    tolerant_stdin()
    reader = TerminalReader() if sys.stdin.isatty() else StreamReader()
    session = Session(
        questions, history, reader, views.PracticeScreen(con, lang), kind=kind,
        title=title, editor=edit_text if editor_command() else None,
    )
    result = session.run()
    views.render_summary(con, result, lang, queue_size(history))
    if result.interrupted:
        views.render_message(con, "interrupted", lang)
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def tolerant_stdin() -> None:
    """Invalid UTF-8 on stdin is replaced, never fatal."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if callable(reconfigure):
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
