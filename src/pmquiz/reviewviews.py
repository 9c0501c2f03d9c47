"""What a question brought back by `pmquiz review` shows of its last attempt (SPEC 7):
when it was answered, the score then and the rubric points missed then."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from pmquiz.i18n import Lang, t
from pmquiz.model import Question
from pmquiz.plain import local_time, relative
from pmquiz.sanitize import one_line
from pmquiz.statsviews import percent
from pmquiz.store import Attempt
from pmquiz.views import visible


def last_time_note(question: Question, attempt: Attempt, lang: Lang, now: datetime) -> Text:
    """One line for the question's panel, e.g.
    `上次作答：2026-11-28 14:05（3 天前）· 得分 40% · 当时漏掉：业务闭环`."""
    when = f"{local_time(attempt.time)} ({relative(attempt.time, now, lang)})"
    note = Text(t("last_time", lang, when=when, score=percent(attempt.score)), style="dim")
    if question.type != "open":  # no rubric points: what was answered says more
        answer = " ".join(visible(attempt.answer).split())
        note.append(" · " + t("answer_then", lang, answer=answer))
        return note
    labels = {p.id: p.label for p in question.rubric.points}
    missed = [one_line(labels.get(point_id, point_id)) for point_id in attempt.points_missed]
    # Labels hold 、 and commas themselves ("涉及隐私数据、私有业务，不能公开"): a semicolon
    # keeps where one ends and the next begins.
    separator = "；" if lang == "zh" else "; "
    note.append(" · ")
    note.append(t("missed_then", lang, points=separator.join(missed)) if missed
                else t("missed_none", lang))
    return note
