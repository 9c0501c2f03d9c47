"""`pmquiz grade`: grade one answer without a session."""

from __future__ import annotations

import sys
from pathlib import Path

from pmquiz.catalog import Catalog
from pmquiz.choiceinput import readable
from pmquiz.commands.stdinnote import note_reading_stdin
from pmquiz.errors import ExitCode, UsageError
from pmquiz.grading import grade as grade_answer
from pmquiz.i18n import Lang
from pmquiz.model import Question
from pmquiz.output import emit_json

MAX_ANSWER_BYTES = 8 * 1024 * 1024


def read_answer(answer: str | None, file: Path | None, dash: bool, lang: Lang) -> str:
    """The answer from --answer, --file, or stdin (`-`, or piped with no option); `-` at
    a terminal says so (in `lang`) before it waits."""
    given = [answer is not None, file is not None, dash]
    if sum(given) > 1:
        raise UsageError("give only one of --answer, --file and -", key="err_one_answer")
    if answer is not None:
        return answer
    if file is not None:
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_ANSWER_BYTES)
        except OSError as exc:
            raise UsageError.from_os_error(
                exc, "{file}: cannot read the answer file: {reason}",
                "Check the path, or pass the answer with --answer.",
                key="err_answer_file", hint_key="err_answer_file_hint", file=str(file)
            ) from None
        return data.decode("utf-8", errors="replace")
    if not dash and sys.stdin.isatty():
        raise UsageError("no answer given",
                         "Use --answer TEXT, --file FILE, or pipe the answer on stdin.",
                         key="err_no_answer", hint_key="err_no_answer_hint")
    note_reading_stdin("reading_answer_stdin", lang)
    data = sys.stdin.buffer.read(MAX_ANSWER_BYTES)
    return data.decode("utf-8", errors="replace")


def run(ref: str, answer: str | None, file: Path | None, dash: bool, json_output: bool,
        bank_args: list[str], lang_option: str | None) -> int:
    from pmquiz.i18n import resolve_lang, shared_language

    catalog = Catalog.load(bank_args)
    question = catalog.find_question(
        ref, resolve_lang(lang_option, shared_language(b.language for b in catalog.banks)))
    lang = resolve_lang(lang_option, catalog.bank_of(question).language)
    text = read_answer(answer, file, dash, lang)
    if question.type == "choice" and not readable(question, text):
        raise not_a_choice(question, text)
    result = grade_answer(question, text)
    if json_output:
        emit_json(result.to_json())
    else:
        from pmquiz import render

        render.grade(question, result, lang)
    return ExitCode.OK if result.passed else ExitCode.FAILED


def not_a_choice(question: Question, text: str) -> UsageError:
    """The refusal of an answer whose letters are not all options ("maybe": M, Y, E), or
    that names none; practice would ask it again, so it is never graded (exit 2)."""
    from pmquiz.sanitize import one_line

    shown = one_line(" ".join(text.split()))
    if len(shown) > 40:
        shown = shown[:39] + "…"
    keys = "/".join(question.options)
    if not shown:
        return UsageError(f"{question.ref}: the answer is empty; the options are {keys}",
                          "Give one or more of the option letters, e.g. --answer A or "
                          "--answer A,C.", key="err_choice_empty",
                          hint_key="err_not_a_choice_hint",
                          values={"ref": question.ref, "keys": keys})
    return UsageError(
        f"{question.ref}: '{shown}' is not a choice; the options are {keys}",
        "Give one or more of the option letters, e.g. --answer A or --answer A,C.",
        key="err_not_a_choice", hint_key="err_not_a_choice_hint",
        values={"ref": question.ref, "answer": shown, "keys": keys})
