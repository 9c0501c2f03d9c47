"""The views the commands call: one call per view, two faces behind it (SPEC 2).

On a terminal the Rich face draws (browseviews, statsviews, checkviews, views); when
stdout is not a terminal the plain face (`plain`) writes tab-separated rows and plain
text, and Rich is never imported. Commands call these and never ask which face is on;
`output.stdout_is_terminal` is the one place that knows.

Off a terminal an empty table prints no rows; its message (“no attempts yet”) goes to
stderr, so `pmquiz history | wc -l` counts attempts and a person still reads why.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from pmquiz import output, plain
from pmquiz.i18n import Lang, t

if TYPE_CHECKING:
    from pmquiz.checking import CheckReport
    from pmquiz.grading import Grade
    from pmquiz.model import Bank, Question
    from pmquiz.scheduling import QueueItem
    from pmquiz.statistics import Stats
    from pmquiz.store import Attempt


def _note(key: str, lang: Lang, **values: object) -> None:
    """A note on stderr, broken between words to fit a terminal."""
    from pmquiz.sanitize import visible

    output.write_note(visible(t(key, lang, **values)))


def banks(found: Sequence[Bank], lang: Lang) -> None:
    if output.stdout_is_terminal():
        from pmquiz import browseviews

        browseviews.render_banks(output.console(), found, lang)
    elif found:
        plain.banks(sys.stdout, found)
    else:
        _note("no_banks", lang)


def question_list(questions: Sequence[Question], lang: Lang, empty: str | None = None
                  ) -> None:
    """The list, or `empty` (else "No questions match.") when there is nothing in it."""
    if output.stdout_is_terminal():
        from pmquiz import browseviews

        browseviews.render_question_list(output.console(), questions, lang, empty)
    elif questions:
        plain.question_list(sys.stdout, questions, lang)
    else:
        sys.stderr.write((empty or t("no_questions", lang)) + "\n")


def question_detail(question: Question, lang: Lang) -> None:
    if output.stdout_is_terminal():
        from pmquiz import browseviews

        browseviews.render_question_detail(output.console(), question, lang)
    else:
        plain.question_detail(sys.stdout, question, lang)


def history(attempts: Sequence[Attempt], lang: Lang) -> None:
    if output.stdout_is_terminal():
        from pmquiz import browseviews

        browseviews.render_history(output.console(), attempts, lang)
    elif attempts:
        plain.history(sys.stdout, attempts, lang)
    else:
        _note("no_attempts", lang)


def queue(items: Sequence[QueueItem], lang: Lang, at: datetime, next_due: datetime | None
          ) -> None:
    if output.stdout_is_terminal():
        from pmquiz import statsviews

        statsviews.render_queue(output.console(), items, lang, at, next_due)
    elif items:
        plain.queue(sys.stdout, items, lang)
    else:
        nothing_to_review(lang, at, next_due)


def message(key: str, lang: Lang, **values: object) -> None:
    """A sentence on stdout: wrapped to the terminal, one whole line into a pipe."""
    if output.stdout_is_terminal():
        from pmquiz import views

        views.render_message(output.console(), key, lang, **values)
    else:
        plain.line(sys.stdout, t(key, lang, **values))


def nothing_to_review(lang: Lang, at: datetime, next_due: datetime | None) -> None:
    """An empty queue: a sentence or two, the same words on both faces (no table to pipe),
    broken between words to fit a terminal rather than cut by it mid-word."""
    lines = plain.next_due_lines(lang, at, next_due)
    if output.stdout_is_terminal():
        from pmquiz import views

        views.render_lines(output.console(), lines)
        return
    for text in lines:
        plain.line(sys.stdout, text)


def stats(figures: Stats, lang: Lang) -> None:
    if not figures.attempts:
        message("stats_empty", lang)
    elif output.stdout_is_terminal():
        from pmquiz import statsviews

        statsviews.render_stats(output.console(), figures, lang)
    else:
        plain.stats(sys.stdout, figures, lang)


def check_report(report: CheckReport, strict: bool, verbose: bool, lang: Lang) -> None:
    """Everything but the closing `N passed, N failed` line, which the command writes."""
    if output.stdout_is_terminal():
        from pmquiz import checkviews

        checkviews.render_report(output.console(), report, strict, verbose, lang)
    else:
        plain.check_report(sys.stdout, report, strict, verbose, lang)


def grade(question: Question, result: Grade, lang: Lang) -> None:
    if output.stdout_is_terminal():
        from pmquiz import views

        views.render_grade(output.console(), question, result, lang)
    else:
        plain.grade(sys.stdout, question, result, lang)
