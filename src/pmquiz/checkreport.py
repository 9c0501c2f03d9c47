"""What the `check` report says, shared by its two faces (Rich and plain); no Rich here.

A line per bank with its figures, then only the questions with a failure or a warning
unless `--verbose` (SPEC 8); `--only PATTERN` narrows the report to matching questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fnmatch import fnmatchcase

from pmquiz.checking import (
    BankReport,
    CheckReport,
    CheckWarning,
    ExampleResult,
    QuestionReport,
    marked_answer,
)
from pmquiz.checking import explain as explain_result
from pmquiz.grading import PointResult
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


def explain(result: ExampleResult, lang: Lang = "en") -> list[tuple[str, str]]:
    """Why an example graded as it did, as (label, value) lines in the UI language: the
    answer (and with its matches marked), expected against graded, the points hit,
    negated and missed, and what to do. In English the words of `checking.explain`."""
    if lang == "en":
        return [_split(line) for line in explain_result(result)]
    g = result.grade
    lines = [("answer", one_line(g.answer) or t("empty_answer", lang))]
    if any(p.matches for p in g.point_results):
        lines.append(("marked", one_line(marked_answer(g))))
    lines.append(("expected", _expected(result, lang)))
    verdict = t("pass_short" if g.passed else "fail_short", lang)
    graded = f"{verdict}，{t('score', lang)} {round(g.score, 4):g}"
    if g.type == "open":
        graded += f"（{t('pass_mark', lang)} {g.threshold:g}）"
    lines.append(("graded", graded))
    if g.type == "open":
        rows = [
            ("hit", _hits(g.points)),
            ("negated", "；".join(f"{p.id}（{p.term}）" for p in g.points if p.negated)),
            ("missed", "、".join(p.id for p in g.points if not p.hit and not p.negated)),
            ("required missed", "、".join(g.missed_required)),
            ("penalties", _hits(g.penalties)),
            ("flags", t("check_flag_keyword_list", lang) if g.keyword_list else ""),
        ]
        lines.extend((name, value) for name, value in rows if value)
    if result.disagreement == "false fail" and g.keyword_list:
        lines.append(("why", t("check_advice_keyword_list", lang)))
    elif result.disagreement is not None:
        lines.append(("why", t("check_advice_" + result.disagreement.replace(" ", "_"), lang)))
    return [(t("check_label_" + name.replace(" ", "_"), lang), value) for name, value in lines]


def warning_text(warning: CheckWarning, lang: Lang) -> str:
    """`file:line: message`, the message in the UI language."""
    if warning.key is None:
        return str(warning)
    return f"{warning.location}: {t(warning.key, lang, **dict(warning.values))}"


def disagreement(result: ExampleResult, lang: Lang) -> str:
    if result.disagreement is None:
        return ""
    return t("check_" + result.disagreement.replace(" ", "_"), lang)


def _split(line: str) -> tuple[str, str]:
    label, _, value = line.partition(":")
    return label, value.strip()


def _expected(result: ExampleResult, lang: Lang) -> str:
    wanted = result.expected
    if isinstance(wanted, tuple):
        return t("example_score", lang, low=f"{wanted[0]:g}", high=f"{wanted[1]:g}")
    return t("pass_short" if wanted == "pass" else "fail_short", lang)


def _hits(results: Sequence[PointResult]) -> str:
    return "；".join(f"{p.id} ← {p.term}" if p.term else p.id for p in results if p.hit)


def one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text
