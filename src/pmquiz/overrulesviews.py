"""Rendering `pmquiz overrules`: a short block per overrule on a terminal, a tab-separated
line per overrule in a pipe (fields: time, reference, grade, score, verdict, today's grade,
today's score, state, answer; tabs and line breaks in the answer written as \\t and \\n)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from pmquiz.i18n import Lang, t
from pmquiz.overrules import Overrule
from pmquiz.plain import iso
from pmquiz.views import visible


def _verdict(passed: bool, lang: Lang) -> str:
    return t("pass" if passed else "fail", lang)


def _state(item: Overrule, lang: Lang) -> str:
    if item.today is None:
        return t("overrules_gone", lang)
    return t("overrules_disagrees" if item.still_disagrees else "overrules_agrees", lang)


def render_overrules(con: Console, items: Sequence[Overrule], lang: Lang) -> None:
    if not items:
        con.print(t("overrules_empty", lang), soft_wrap=not con.is_terminal)
        return
    if not con.is_terminal:
        for item in items:
            con.file.write("\t".join(_fields(item, lang)) + "\n")
        return
    for item in items:
        _block(con, item, lang)
    disagree = sum(1 for i in items if i.still_disagrees)
    con.print(t("overrules_total", lang, n=len(items), disagree=disagree))
    # `--yaml` writes examples for open questions only: say where the others went.
    keyed = sum(1 for i in items if i.still_disagrees and i.question is not None
                and i.question.type != "open")
    if keyed:
        con.print(t("overrules_answer_key", lang, n=keyed))


def _fields(item: Overrule, lang: Lang) -> list[str]:
    attempt = item.attempt
    today = item.today
    answer = visible(attempt.answer).replace("\\", "\\\\").replace("\t", "\\t")
    return [
        iso(attempt.time), attempt.ref,  # local time, as `history` and `review --list`
        _verdict(item.graded_passed, lang), f"{attempt.score:.4g}",
        _verdict(item.verdict, lang),
        _verdict(today.passed, lang) if today else "-",
        f"{today.score:.4g}" if today else "-",
        _state(item, lang), answer.replace("\n", "\\n"),
    ]


def _block(con: Console, item: Overrule, lang: Lang) -> None:
    attempt = item.attempt
    head = Text(attempt.ref, style="bold")
    head.append("  " + attempt.time.astimezone().strftime("%Y-%m-%d %H:%M"), style="dim")
    con.print(head)
    line = Text("  ")
    line.append(f"{t('overrules_graded', lang)} ")
    line.append(_scored(item.graded_passed, attempt.score, lang))
    line.append(f" → {t('overrules_verdict', lang)} ")
    line.append(_verdict(item.verdict, lang), style="bold")
    line.append(f" · {t('overrules_today', lang)} ")
    if item.today is not None:
        line.append(_scored(item.today.passed, item.today.score, lang))
        line.append(" ")
    style = "yellow" if item.still_disagrees else "dim"
    line.append(f"({_state(item, lang)})", style=style)
    con.print(line)
    first = visible(" ".join(attempt.answer.split()))
    answer = Text("  " + first, no_wrap=True, overflow="ellipsis")
    con.print(answer)


def _scored(passed: bool, score: float, lang: Lang) -> Text:
    return Text(f"{_verdict(passed, lang)} {score * 100:.0f}%",
                style="green" if passed else "red")
