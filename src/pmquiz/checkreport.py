"""What the `check` report says, shared by its two faces (Rich and plain); no Rich here.

A line per bank with its figures, then only the questions with a failure or a warning
unless `--verbose` (SPEC 8); `--only PATTERN` narrows the report to matching questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from pmquiz.checking import (
    BankReport,
    CheckReport,
    CheckWarning,
    ExampleResult,
    QuestionReport,
    Verdict,
    marked_answer,
)
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


@dataclass(frozen=True)
class _Punctuation:
    items: str  # between point entries: `a ← term; b ← term`
    ids: str  # between bare point ids: `a, b`
    clause: str  # `fail, score 0.5`
    open: str  # `(pass mark 0.6)`, `id (term)`
    close: str


_PUNCTUATION: dict[Lang, _Punctuation] = {
    "en": _Punctuation("; ", ", ", ", ", " (", ")"),
    "zh": _Punctuation("；", "、", "，", "（", "）"),
}


def explain(result: ExampleResult, lang: Lang = "en") -> list[tuple[str, str]]:
    """Why an example graded as it did, as (label, value) lines in the UI language: the
    answer (and with its matches marked), expected against graded, the points hit,
    negated and missed, and what to do. English values come trimmed, as the report has
    always shown them; `explain_text` (JUnit) keeps them whole."""
    lines = _explain_lines(result, lang)
    if lang == "en":
        return [(label, value.strip()) for label, value in lines]
    return lines


def explain_text(result: ExampleResult) -> list[str]:
    """The English lines with the labels in a column: a JUnit failure's text."""
    return [f"{(label + ':').ljust(10)} {value}"
            for label, value in _explain_lines(result, "en")]


def _explain_lines(result: ExampleResult, lang: Lang) -> list[tuple[str, str]]:
    g = result.grade
    p = _PUNCTUATION[lang]

    def hits(results: Sequence[PointResult]) -> str:
        return p.items.join(f"{r.id} ← {r.term}" if r.term else r.id for r in results if r.hit)

    graded = (t("pass_short" if g.passed else "fail_short", lang) + p.clause
              + f"{t('score', lang)} {round(g.score, 4):g}")
    if g.type == "open":
        graded += f"{p.open}{t('pass_mark', lang)} {g.threshold:g}{p.close}"
    elif lang == "en":  # the Chinese line has never named the choices
        graded += f" (given {_choice(g.given)}, answer {_choice(g.expected)})"
    # In English `(empty)` and `score 0.5..1` (see _expected): the words the report and
    # JUnit have always had, terser than the shared UI strings.
    rows = [("answer", one_line(g.answer) or ("(empty)" if lang == "en"
                                              else t("empty_answer", lang))),
            ("marked", one_line(marked_answer(g))
             if any(r.matches for r in g.point_results) else ""),
            ("expected", _expected(result.expected, lang)),
            ("graded", graded)]
    if g.type == "open":
        rows += [
            ("hit", hits(g.points)),
            ("negated", p.items.join(f"{r.id}{p.open}{r.term}{p.close}"
                                     for r in g.points if r.negated)),
            ("missed", p.ids.join(r.id for r in g.points if not r.hit and not r.negated)),
            ("required missed", p.ids.join(g.missed_required)),
            ("penalties", hits(g.penalties)),
            ("flags", t("check_flag_keyword_list", lang) if g.keyword_list else ""),
        ]
    if result.advice is not None:
        rows.append(("why", t("check_advice_" + result.advice.replace(" ", "_"), lang)))
    return [(t("check_label_" + name.replace(" ", "_"), lang), value)
            for name, value in rows if value]


def _expected(wanted: Verdict | tuple[float, float], lang: Lang) -> str:
    if isinstance(wanted, tuple):
        low, high = f"{wanted[0]:g}", f"{wanted[1]:g}"
        if lang == "en":
            return f"score {low}..{high}"
        return t("example_score", lang, low=low, high=high)
    return t("pass_short" if wanted == "pass" else "fail_short", lang)


def _choice(value: list[str] | bool | None) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "nothing"
    if value is None:
        return "not understood"
    return "true" if value else "false"


def warning_text(warning: CheckWarning, lang: Lang) -> str:
    """`file:line: message`, the message in the UI language."""
    if warning.key is None:
        return str(warning)
    return f"{warning.location}: {t(warning.key, lang, **dict(warning.values))}"


def disagreement(result: ExampleResult, lang: Lang) -> str:
    if result.disagreement is None:
        return ""
    return t("check_" + result.disagreement.replace(" ", "_"), lang)


def one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text
