"""What the `check` report says, shared by its two faces (Rich and plain); no Rich here.

A line per bank with its figures, then only the questions with a failure or a warning
unless `--verbose` (SPEC 8); `--only PATTERN` narrows the report to matching questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fnmatch import fnmatchcase

from pmquiz.checking import BankReport, CheckReport, ExampleResult, QuestionReport
from pmquiz.checking import explain as explain_result
from pmquiz.i18n import Lang, plural, t


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def only(report: CheckReport, patterns: Sequence[str]) -> CheckReport:
    """The report narrowed to the questions whose `BANK_ID/QUESTION_ID` matches one of
    the globs; banks with none left are dropped. Bank-wide warnings (an unused synonym
    group) stay with their bank."""
    if not patterns:
        return report

    def wanted(ref: str) -> bool:
        return any(fnmatchcase(ref, p) for p in patterns)

    banks: list[BankReport] = []
    for bank in report.banks:
        questions = tuple(q for q in bank.questions if wanted(q.question.ref))
        if not questions:
            continue
        kept = {q.question.id for q in questions}
        warnings = tuple(w for w in bank.warnings if w.question is None or w.question in kept)
        banks.append(replace(bank, questions=questions, warnings=warnings))
    return replace(report, banks=tuple(banks))


def matched_nothing(report: CheckReport) -> bool:
    return not report.banks


def has_problem(bank: BankReport, q: QuestionReport) -> bool:
    return q.failed > 0 or any(w.question == q.question.id for w in bank.warnings)


def shown_questions(bank: BankReport, verbose: bool) -> list[QuestionReport]:
    return [q for q in bank.questions if verbose or has_problem(bank, q)]


def question_row(q: QuestionReport) -> tuple[str, ...]:
    """ref, type, examples, accuracy, false passes, false fails, points never hit."""
    never = ", ".join(p.id for p in q.unhit) if q.examples else "-"
    return (q.question.ref, q.question.type, str(len(q.examples)), percent(q.accuracy),
            str(q.false_passes), str(q.false_fails), never or "-")


def bank_summary(bank: BankReport, lang: Lang) -> str:
    never = sum(len(q.unhit) for q in bank.questions if q.examples)
    off_range = bank.failed - bank.false_passes - bank.false_fails
    return t(
        "check_bank_line", lang,
        examples=plural("check_example", len(bank.examples), lang),
        accuracy=percent(bank.accuracy), ok=bank.passed,
        fp=plural("check_false_passes", bank.false_passes, lang),
        ff=plural("check_false_fails", bank.false_fails, lang),
        off=plural("check_off_range", off_range, lang) if off_range else "",
        never=plural("check_points", never, lang),
    )


def hidden_line(bank: BankReport, verbose: bool, lang: Lang) -> str:
    """`N more questions all as expected` when some questions are not shown."""
    hidden = len(bank.questions) - len(shown_questions(bank, verbose))
    if not hidden:
        return ""
    return t("check_all_good_one" if hidden == 1 else "check_all_good", lang, n=hidden)


def tally(report: CheckReport, strict: bool, lang: Lang) -> str:
    parts = []
    if report.warnings:
        parts.append(plural("check_tally_warnings", len(report.warnings), lang)
                     + (t("check_tally_strict", lang) if strict else ""))
    files = {p.path for p in report.errors}
    if files:
        parts.append(plural("check_tally_invalid", len(files), lang))
    return (", " if lang == "en" else "，").join(parts)


def explain(result: ExampleResult) -> list[str]:
    """Why an example graded as it did (the grader's own words, see `checking.explain`)."""
    return explain_result(result)
