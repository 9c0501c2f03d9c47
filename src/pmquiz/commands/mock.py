"""`pmquiz mock`: draw open questions as practice does, run the interview, show the report."""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.commands.practice import choose_banks, of_type, select_questions
from pmquiz.commands.sessionrun import no_questions, tolerant_stdin
from pmquiz.errors import ExitCode, UsageError
from pmquiz.i18n import resolve_lang
from pmquiz.mock import DEFAULT_COUNT, MAX_MINUTES

if TYPE_CHECKING:
    from pmquiz.i18n import Lang
    from pmquiz.reading import AnswerReader


def check_options(count: int | None, minutes: float, report: Path | None) -> str | None:
    """Refuse bad options before anything is asked; the report's format, if any."""
    from pmquiz.mockreport import report_format

    if count is not None and count < 0:
        raise UsageError("--count must be 0 (all) or more", key="err_count")
    if not math.isfinite(minutes) or minutes <= 0 or minutes > MAX_MINUTES:
        raise UsageError(f"--minutes must be more than 0 and at most {MAX_MINUTES:g}, "
                         f"not {minutes:g}", "Decimals are fine: --minutes 0.5 is 30 seconds.",
                         key="err_minutes", hint_key="err_minutes_hint",
                         values={"max": f"{MAX_MINUTES:g}", "value": f"{minutes:g}"})
    if report is None:
        return None
    fmt = report_format(report)
    if fmt is None:
        raise UsageError(f"--report {report}: the report is written as Markdown (.md) or "
                         "HTML (.html)", "Name the file e.g. interview.md or interview.html.",
                         key="err_report_format", hint_key="err_report_format_hint",
                         values={"path": str(report)})
    from pmquiz.outputpath import file_in_the_way, folder_of

    folder = folder_of(report)
    blocking = file_in_the_way(folder)
    if blocking is not None:  # the folder itself, or one above it (notes.txt/ci/r.md)
        raise UsageError(f"--report {report}: {blocking} is a file, not a folder",
                         "Write the report into a folder, e.g. interview.md.",
                         key="err_report_folder_is_file",
                         hint_key="err_report_folder_is_file_hint",
                         values={"path": str(report), "folder": str(blocking)})
    if not folder.is_dir():
        raise UsageError(f"--report {report}: the folder {folder} does not exist",
                         "Create it first, or write the report elsewhere.",
                         key="err_report_no_folder", hint_key="err_report_no_folder_hint",
                         values={"path": str(report), "folder": str(folder)})
    if report.is_dir():
        raise UsageError(f"--report {report}: is a folder", "Give a file name ending in "
                         ".md or .html.", key="err_report_is_folder",
                         hint_key="err_report_is_folder_hint", values={"path": str(report)})
    return fmt


def run(bank_args: list[str], tags: list[str], count: int | None, minutes: float,
        seed: int | None, report_path: Path | None, lang_option: str | None) -> int:
    from pmquiz import mockviews, views
    from pmquiz.mock import Interview
    from pmquiz.output import console
    from pmquiz.scheduling import attach
    from pmquiz.store import History

    fmt = check_options(count, minutes, report_path)
    catalog = Catalog.load(bank_args)
    banks = choose_banks(catalog, bool(bank_args), lang_option)
    questions = select_questions(banks, tags, "open", DEFAULT_COUNT if count is None else count,
                                 seed)
    lang = resolve_lang(lang_option, banks[0].language if banks else None)
    con = console()
    if not questions:
        return no_questions(of_type(banks, "open"), tags, lang)
    allowed = minutes * 60.0
    title = " + ".join(b.title for b in banks if any(q.bank_id == b.id for q in questions))
    history = attach(History.open(paths.history_path()))
    try:
        tolerant_stdin()
        reader = answer_reader(lang)
        interview = Interview(
            questions, history, reader, mockviews.InterviewScreen(con, lang, allowed),
            allowed_seconds=allowed, title=title, countdown=mockviews.countdown_text(lang),
        )
        report = interview.interview()
    finally:
        history.close()
    shown = interview.failure is None or bool(report.answers)  # a session never started
    if shown:
        mockviews.render_report(con, report, lang)
    if report_path is not None and fmt is not None and shown:
        from pmquiz.mockreport import render

        write_text(report_path, render(report, lang, fmt))
        views.render_message(con, "mock_report_written", lang, path=report_path)
    if interview.failure is not None:
        raise interview.failure  # exit 2 with its message, after what was answered is shown
    if report.interrupted:
        views.render_message(con, "interrupted", lang)
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def answer_reader(lang: Lang) -> AnswerReader:
    """Practice's reader; at a terminal, its line editor with the interview's clock."""
    from pmquiz.commands.sessionrun import answer_reader as practice_reader
    from pmquiz.lineeditor import LineEditor
    from pmquiz.mock import TimedEditor
    from pmquiz.mockviews import countdown_once_text

    reader = practice_reader()
    if not isinstance(reader, LineEditor):
        return reader
    return TimedEditor(reader, once=countdown_once_text(lang))


def write_text(path: Path, text: str) -> None:
    """Write the whole file or nothing (a temporary file renamed over it)."""
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        raise UsageError.from_os_error(
            exc, "{path}: cannot write the report ({reason})",
            "The interview is saved in the history; the report is shown above.",
            key="err_report_write", hint_key="err_report_write_hint", path=str(path)) from None
