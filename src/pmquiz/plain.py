"""The plain face of pmquiz's views: what a pipe, a log or `grep` reads (SPEC 2).

Table-like output is one line per row, fields separated by tabs, never wrapped or cut,
no header, no colour, no box drawing (the convention of `gh`): `pmquiz list | cut -f1`
gives the references, `pmquiz history | grep 竞品` whole rows. Other output is plain text.
Every field from a bank or the history goes through `sanitize.one_line`, so a tab or
newline in a title cannot start a field or a row, and no control character reaches the
reader's terminal.

No Rich here: piped `list`, `history`, `review --list` and `grade` start fast (SPEC 9).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING

from pmquiz.evidence import evidence_spans, evidence_words
from pmquiz.i18n import Lang, plural, t
from pmquiz.sanitize import one_line, visible

if TYPE_CHECKING:
    from pmquiz.checking import CheckReport
    from pmquiz.grading import Grade
    from pmquiz.model import Bank, Question
    from pmquiz.scheduling import QueueItem
    from pmquiz.statistics import Stats
    from pmquiz.store import Attempt


def rows(out: IO[str], table: Iterable[Sequence[object]]) -> None:
    """One tab-separated line per row."""
    for row in table:
        out.write("\t".join(_plain(one_line(str(field))) for field in row) + "\n")


def line(out: IO[str], text: str = "") -> None:
    out.write(_plain(visible(text)).rstrip() + "\n")


def _plain(text: str) -> str:
    # No-break spaces only guide line breaking on a terminal; a pipe gets plain spaces.
    return text.replace("\u00a0", " ")


def iso(moment: datetime) -> str:
    """Local time, ISO-8601 with its offset, to the second: sortable and unambiguous."""
    return moment.astimezone().isoformat(timespec="seconds")


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def verdict(passed: bool, lang: Lang) -> str:
    return t("pass_short" if passed else "fail_short", lang)


def type_name(qtype: str, lang: Lang) -> str:
    return t("type_" + qtype, lang)


# -- banks, list, show, history -------------------------------------------------------


def banks(out: IO[str], found: Sequence[Bank]) -> None:
    rows(out, ((b.id, b.title, b.language, len(b.questions), b.path) for b in found))


def question_list(out: IO[str], questions: Sequence[Question], lang: Lang) -> None:
    rows(out, ((q.ref, type_name(q.type, lang), ",".join(q.tags), q.difficulty, q.first_line)
               for q in questions))


def history(out: IO[str], attempts: Sequence[Attempt], lang: Lang) -> None:
    def result(a: Attempt) -> str:
        return verdict(a.passed, lang) + (t("overruled_mark", lang) if a.overruled else "")

    rows(out, ((iso(a.time), a.ref, f"{a.score * 100:.0f}%", result(a), joined(a.answer))
               for a in attempts))


def joined(text: str) -> str:
    """Every non-blank line of `text`, joined by a space: a whole answer on its one row
    (a pipe never cuts a field, and a newline in it would start a new row)."""
    return " ".join(piece.strip() for piece in text.splitlines() if piece.strip())


def unmarked(text: str) -> str:
    """A line of Markdown as read: emphasis and code marks dropped (for one-line lists)."""
    return text.replace("**", "").replace("__", "").replace("`", "")


def first_line(text: str) -> str:
    for piece in text.splitlines():
        if piece.strip():
            return piece.strip()
    return ""


def terms_text(point: object, lang: Lang) -> str:
    """A point's terms as the author wrote them: `any: a | b; all: c + d`."""
    parts = []
    any_terms = getattr(point, "any", ())
    all_terms = getattr(point, "all", ())
    colon = t("colon", lang)
    if any_terms:
        parts.append(t("terms_any", lang) + colon + " | ".join(x.text for x in any_terms))
    if all_terms:
        parts.append(t("terms_all", lang) + colon + " + ".join(x.text for x in all_terms))
    return "; ".join(parts)


def example_verdict(example: object, lang: Lang) -> str:
    expect = getattr(example, "expect", None)
    score = getattr(example, "score", None)
    if expect:
        return t("pass_short" if expect == "pass" else "fail_short", lang)
    if score:
        return t("example_score", lang, low=f"{score[0]:g}", high=f"{score[1]:g}")
    return "?"


def question_detail(out: IO[str], q: Question, lang: Lang) -> None:
    """Everything an author needs of one question, as plain text."""
    line(out, q.ref)
    meta = t("show_meta", lang, type=type_name(q.type, lang), difficulty=q.difficulty)
    line(out, meta + (" · " + ", ".join(q.tags) if q.tags else ""))
    line(out, q.prompt.strip())
    for key, text in q.options.items():
        line(out, f"  {key}. {one_line(text)}")
    answer = answer_text(q, lang)
    if answer:
        line(out, t("show_answer", lang) + t("colon", lang) + answer)
    if q.hint:
        line(out, t("hint", lang) + t("colon", lang) + one_line(q.hint))
    if q.type == "open":
        line(out, t("show_rubric", lang, mark=f"{q.threshold:g}"))
        for p in q.rubric.points:
            name = p.id + (f" ({t('required', lang)})" if p.required else "")
            rows(out, [("", name, p.label, f"{p.weight:g}", terms_text(p, lang))])
        for p in q.rubric.penalties:
            rows(out, [("", f"−{p.id}", p.label, f"−{p.weight:g}", terms_text(p, lang))])
    if q.reference:
        line(out, t("reference", lang))
        line(out, q.reference.strip())
    if q.examples:
        line(out, t("show_examples", lang))
        for ex in q.examples:
            line(out, f"  [{example_verdict(ex, lang)}] {one_line(ex.answer)}")


def answer_text(q: Question, lang: Lang) -> str:
    if q.type == "choice" and isinstance(q.answer, tuple):
        return ", ".join(q.answer)
    if q.type == "truefalse":
        return t("true" if q.answer else "false", lang)
    return ""


# -- review queue and stats -------------------------------------------------------------


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def relative(moment: datetime, now: datetime, lang: Lang) -> str:
    """A short distance in time: `3d ago`, `in 5h`, `now` (3 天前, 5 小时后, 现在)."""
    seconds = (moment - now).total_seconds()
    span = abs(seconds)
    if span < 60:
        return t("rel_now", lang)
    # To the nearest unit: a card due in 7 days 23 hours is due "in 8 days", not 7.
    if (minutes := int(span / 60 + 0.5)) < 60:
        amount = t("rel_minutes", lang, n=minutes)
    elif (hours := int(span / 3600 + 0.5)) < 24:
        amount = t("rel_hours", lang, n=hours)
    else:
        amount = t("rel_days", lang, n=int(span / 86400 + 0.5))
    return t("rel_future" if seconds > 0 else "rel_past", lang, amount=amount)


def next_due_lines(lang: Lang, now: datetime, next_due: datetime | None) -> list[str]:
    """What an empty review queue says: nothing to review, and when the next card is due."""
    if next_due is None:
        return [t("no_cards", lang)]
    when = f"{local_time(next_due)} ({relative(next_due, now, lang)})"
    return [t("nothing_to_review", lang), t("next_due", lang, when=when)]


def queue(out: IO[str], items: Sequence[QueueItem], lang: Lang) -> None:
    """The review queue in asking order; a missed question is due now, whatever its card
    says (it is asked first)."""
    rows(out, ((item.ref, t("reason_" + item.reason, lang), iso(item.due),
                percent(item.last_score), iso(item.last_answered),
                t("leech_mark", lang) if item.leech else "") for item in items))


def stats(out: IO[str], s: Stats, lang: Lang) -> None:
    """One row per figure, the first field naming its section, so `grep`/`cut` pick one."""
    total, due, day = t("section_total", lang), t("section_due", lang), t("section_day", lang)
    table: list[Sequence[object]] = [
        (total, s.attempts, s.passed, percent(s.pass_rate), s.questions, s.streak),
        (due, s.review_now, s.due_today, s.due_week),
    ]
    table.extend((day, d.day.isoformat(), d.attempts, d.passed) for d in s.daily)
    for name, tallies in ((t("bank_col", lang), s.by_bank), (t("tag_col", lang), s.by_tag)):
        table.extend((name, x.name, x.attempts, x.passed, percent(x.pass_rate))
                     for x in tallies)
    missed = t("section_missed", lang)
    table.extend((missed, p.ref, p.point, p.label, p.missed, p.attempts)
                 for p in s.most_missed)
    leech = t("section_leech", lang)
    table.extend((leech, ref, failures) for ref, failures in s.leeches)
    rows(out, table)


# -- check ------------------------------------------------------------------------------


def check_report(out: IO[str], report: CheckReport, strict: bool, verbose: bool, lang: Lang
                 ) -> None:
    """A line per bank with its figures, the questions with a problem (all of them with
    `verbose`) one per line, then the failing examples and the warnings."""
    from pmquiz import checkreport

    for bank in report.banks:
        rows(out, [(bank.bank.id, checkreport.bank_summary(bank, lang))])
        for q in checkreport.shown_questions(bank, verbose):
            ref, qtype, *figures = checkreport.question_row(q)
            rows(out, [(ref, type_name(qtype, lang), *figures)])
    if report.failures:
        line(out, t("check_failing", lang))
        for result in report.failures:
            line(out, f"{t('check_fail_mark', lang)} {result.ref}[#{result.index}]  "
                      f"{checkreport.disagreement(result, lang)}  {result.location}")
            for label, value in checkreport.explain(result, lang):
                head = f"{label}:".ljust(10) + " " if lang == "en" else f"{label}："
                line(out, "  " + head + one_line(value))
    if report.warnings:
        line(out, t("check_warnings_strict" if strict else "check_warnings", lang))
        label = t("check_error" if strict else "check_warning", lang)
        for warning in report.warnings:
            line(out, f"{label}: {one_line(checkreport.warning_text(warning, lang))}")
    tally = checkreport.tally(report, strict, lang)
    if tally:
        line(out, tally)


# -- feedback ---------------------------------------------------------------------------


def score_bar(score: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, score)) * width)
    return "█" * filled + "░" * (width - filled)


def quote(answer: str, spans: Sequence[tuple[int, int]]) -> str:
    """The answer's own words at `spans` (a point's evidence), quoted, on one line."""
    words = evidence_words(answer, spans, visible)
    return f"“{words}”" if words else ""


def option_text(question: Question, key: str, lang: Lang) -> str:
    """`B. 动画效果`; a letter the question has no option for says so (not `Z. ?`)."""
    if key not in question.options:
        return t("no_such_option", lang, letter=key)
    return f"{key}. {one_line(question.options[key])}"


def option_slips(question: Question, g: Grade, lang: Lang) -> list[str]:
    """The options missed and wrongly picked, by their texts (letters alone say little)."""
    expected = set(g.expected) if isinstance(g.expected, list) else set()
    given = set(g.given) if isinstance(g.given, list) else set()
    lines = []
    for key, keys in (("missed_options", expected - given), ("wrong_options", given - expected)):
        if keys:
            texts = "; ".join(option_text(question, k, lang) for k in sorted(keys))
            lines.append(f"  {t(key, lang)}: {texts}")
    return lines


def grade(out: IO[str], question: Question, g: Grade, lang: Lang,
          show_reference: bool = True) -> None:
    """The feedback of one answer as plain text: verdict and score, each point, the
    answer with its matches marked, the reference. (Rich draws the same on a terminal;
    a notice added to one face belongs in the other too.)"""
    head = f"{t('pass' if g.passed else 'fail', lang)}  {score_bar(g.score)} {g.score * 100:.0f}%"
    if g.type == "open":
        head += f"  ({t('pass_mark', lang)} {g.threshold * 100:.0f}%)"
    line(out, head)
    if g.type == "open":
        for point in g.points:
            extras = []
            if point.weight != 1:
                extras.append(f"×{point.weight:g}")
            if point.required:
                extras.append(t("required", lang))
            text = f" {'✔' if point.hit else '✘'} {one_line(point.label)}"
            if extras:
                text += f" ({', '.join(extras)})"
            quoted = quote(g.answer, evidence_spans(question, point, g.answer))
            if point.hit and quoted:
                text += f"  ← {quoted}"
            elif point.negated and quoted:
                text += f"  {t('negated', lang)}: {quoted}"
            line(out, text)
        for penalty in g.penalties:
            if penalty.hit:
                quoted = quote(g.answer, evidence_spans(question, penalty, g.answer,
                                                        penalty=True))
                line(out, f" ⚠ −{penalty.weight:g} {one_line(penalty.label)}"
                          + (f"  ← {quoted}" if quoted else ""))
        if g.missed_required:
            labels = [p.label for p in g.points if p.id in g.missed_required]
            line(out, "  " + t("required_missed", lang, points="、".join(labels)))
        if g.keyword_list:
            line(out, "  " + t("keyword_list", lang))
        line(out, t("your_answer", lang) + t("colon", lang).rstrip())
        if g.answer.strip():
            from pmquiz.marks import bracketed

            for piece in bracketed(g).strip().splitlines():
                line(out, "  " + piece)
            if any(p.matches for p in g.point_results):
                line(out, "  " + t("legend", lang))
        else:
            line(out, "  " + t("empty_answer", lang))
    elif g.type == "choice":
        expected = ", ".join(g.expected) if isinstance(g.expected, list) else ""
        given = ", ".join(g.given) if isinstance(g.given, list) and g.given else (
            t("unparsed", lang))
        line(out, f"  {t('given', lang)}: {given}   {t('expected', lang)}: {expected}")
        for slip in option_slips(question, g, lang):
            line(out, slip)
    else:
        def tf(value: object) -> str:
            if value is None:
                return t("unparsed", lang)
            return t("true" if value else "false", lang)

        line(out, f"  {t('given', lang)}: {tf(g.given)}   {t('expected', lang)}: "
                  f"{tf(g.expected)}")
    if show_reference and question.reference:
        line(out, t("reference", lang) + t("colon", lang).rstrip())
        for ref_line in question.reference.strip().splitlines():
            line(out, "  " + ref_line)


def count_line(n: int, lang: Lang) -> str:
    return plural("n_questions", n, lang)
